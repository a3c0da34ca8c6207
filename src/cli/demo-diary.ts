// Six months of realistic demo diaries with planted patterns the analytics should find:
// - poor sleep → more pain the next day;
// - a treatment that helps after about two weeks (a daily medicine started mid-way);
// - a treatment that does not help (a self-management technique used often, with no effect).
// Deterministic (seeded), built relative to `today` in the patient's time zone, and written through
// the same batch use case the app uses.
import type { AppDeps, RequestContext } from '../app/context.ts';
import { pushDiaryBatch, type DiaryEntryInput } from '../app/diary.ts';
import { uuidv7 } from '../app/system.ts';
import { addDays, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';

export const DEMO_DIARY_DAYS = 182;

/** mulberry32: a small seeded PRNG, so every demo load plants the same patterns. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clampNrs = (x: number) => Math.max(0, Math.min(10, Math.round(x)));

export async function loadDemoDiary(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  timeZone: string,
  seed: number,
): Promise<number> {
  const random = seededRandom(seed);
  const now = deps.clock.now();
  const today = toLocalDateTime(now, timeZone as TimeZone).date;
  const start = addDays(today, -DEMO_DIARY_DAYS);
  const helpfulFrom = 70; // day the helpful medicine starts; its effect shows from ~2 weeks later
  const unhelpfulFrom = 110; // day the unhelpful technique starts
  const base = 5 + random() * 1.5;
  const items: { id: string; entry: DiaryEntryInput }[] = [];
  let previousSleep = 7;
  for (let day = 0; day < DEMO_DIARY_DAYS; day++) {
    const date: LocalDate = addDays(start, day);
    const sleepHours = Math.round((4.5 + random() * 4.5) * 4) / 4;
    const sleepDebt = Math.max(0, 7 - previousSleep);
    const medicineEffect = day >= helpfulFrom + 14 ? -1.5 : day >= helpfulFrom ? -1.5 * ((day - helpfulFrom) / 14) : 0;
    const usesTechnique = day >= unhelpfulFrom && random() < 0.7;
    for (const [slot, time] of [
      [0, '09:00'],
      [1, '20:30'],
    ] as const) {
      const noise = (random() - 0.5) * 2;
      const intensity = clampNrs(base + 0.8 * sleepDebt + medicineEffect + noise + (slot === 1 ? 0.5 : 0));
      const medicines = [
        {
          name: 'Ibuprofen',
          dose: 400,
          unit: 'mg' as const,
          takenAt: time,
          regimen: 'as-needed' as 'as-needed' | 'scheduled',
          formularyId: 'ibuprofen',
          medicationOrderId: null,
        },
        ...(day >= helpfulFrom && slot === 0
          ? [
              {
                name: 'Duloxetine',
                dose: 30,
                unit: 'mg' as const,
                takenAt: time,
                regimen: 'scheduled' as 'as-needed' | 'scheduled',
                formularyId: 'duloxetine',
                medicationOrderId: null,
              },
            ]
          : []),
      ].filter((m) => m.regimen === 'scheduled' || intensity >= 6);
      items.push({
        id: uuidv7(now.getTime() - (DEMO_DIARY_DAYS - day) * 86_400_000 + slot, day * 2 + slot),
        entry: {
          localDate: date,
          localTime: time,
          timeZone,
          recordedAt: now.toISOString(),
          mode: 'recalled' as const,
          intensity,
          regions: [
            { code: 'lumbar-spine', intensity, qualities: ['aching'] },
            ...(intensity >= 6
              ? [{ code: 'thigh-left', intensity: clampNrs(intensity - 2), qualities: ['burning' as const, 'tingling' as const] }]
              : []),
          ],
          interference: {
            activity: clampNrs(intensity - 1),
            sleep: slot === 0 ? clampNrs(sleepDebt * 1.5 + 2) : null,
            mood: clampNrs(intensity - 2),
            stress: clampNrs(intensity - 2 + random() * 2),
          },
          sleep:
            slot === 0
              ? { hours: sleepHours, quality: sleepHours < 6 ? 'poor' : sleepHours < 7 ? 'fair' : 'good' }
              : { hours: null, quality: null },
          activity: { minutes: slot === 1 ? Math.round(20 + random() * 40) : null, meaningful: [] },
          mood: intensity >= 7 ? 'low' : intensity >= 4 ? 'neutral' : 'good',
          triggers: sleepDebt >= 2 ? ['poor-sleep'] : [],
          medicines,
          techniques: usesTechnique && slot === 1 ? [{ id: 'tens', label: null, helped: random() < 0.5 ? 'a-little' : 'not-at-all' }] : [],
          notes: '',
        },
      });
    }
    previousSleep = sleepHours;
  }
  let written = 0;
  for (let i = 0; i < items.length; i += 500) {
    const results = await pushDiaryBatch(deps, ctx, patientId, items.slice(i, i + 500));
    written += results.filter((r) => r.status === 'created').length;
  }
  return written;
}
