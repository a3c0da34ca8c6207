// Demo questionnaire histories, licences and assignments, written through the questionnaire use cases so
// every rule applies (scoring, audit, licence guard, job-table scheduling).
// - The clinic admin confirms licences for BPI-SF and ODI; PROMIS and PCS stay switched off, so the
//   licence guard is visible in the demo.
// - The first six patients answered PEG every two weeks, PHQ-9 and GAD-7 every four weeks, for six
//   months; Maria (0) improves after her CBT and pacing started two months ago, the others vary around
//   their own level. James (1), with chronic low back pain, has ODI at 0, 12 and 24 weeks.
// - The physician assigns PEG weekly and PHQ-9 every four weeks to the first six, and a BPI-SF three
//   days before a visit next week to Maria.
// Item 9 of PHQ-9 is always 0 here: the demo raises no crisis alerts on its own.
import type { AppDeps, RequestContext } from '../app/context.ts';
import { assignInstrument } from '../app/instrument-assignments.ts';
import { enableInstrumentLicence } from '../app/instrument-licences.ts';
import { submitInstrumentResponse } from '../app/instruments.ts';
import { seededRandom } from './demo-diary.ts';

const DAY = 86_400_000;

/** Answers for `count` items on 0..max whose sum is close to `target` (deterministic). */
function spread(random: () => number, count: number, max: number, target: number): number[] {
  const items = Array.from({ length: count }, () => 0);
  let left = Math.max(0, Math.min(count * max, Math.round(target)));
  while (left > 0) {
    const i = Math.floor(random() * count);
    if (items[i]! < max) {
      items[i]! += 1;
      left--;
    }
  }
  return items;
}

const asAnswers = (values: readonly number[], keys?: readonly string[]) =>
  Object.fromEntries(values.map((v, i) => [keys?.[i] ?? String(i + 1), v]));
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

export async function loadDemoQuestionnaires(
  deps: AppDeps,
  admin: RequestContext,
  organizationId: string,
  physician: RequestContext,
  patients: readonly { readonly patientId: string; readonly as: RequestContext }[],
): Promise<number> {
  for (const id of ['bpi-sf', 'odi'])
    await enableInstrumentLicence(deps, admin, organizationId, id, { confirm: true, note: 'Demo licence' });
  const now = deps.clock.now().getTime();
  let responses = 0;
  for (const [index, p] of patients.slice(0, 6).entries()) {
    const random = seededRandom(4000 + index);
    const level = 4 + (index % 3);
    for (let week = 26; week >= 0; week -= 2) {
      const at = new Date(now - week * 7 * DAY - (index + 1) * 3_600_000).toISOString();
      // Maria improves by about two points over the eight weeks after her CBT began.
      const trend = index === 0 && week < 9 ? -Math.min(2, (9 - week) * 0.25) : 0;
      const pain = clamp(level + 1 + trend + (random() - 0.5) * 2, 0, 10);
      const peg = [pain, clamp(level + trend + (random() - 0.5) * 2, 0, 10), clamp(level - 1 + trend + (random() - 0.5) * 2, 0, 10)];
      await submitInstrumentResponse(deps, p.as, p.patientId, {
        id: undefined,
        instrumentId: 'peg',
        answers: asAnswers(peg),
        sex: undefined,
        completedAt: at,
      });
      responses++;
      if (week % 4 === 0) {
        const phq = spread(random, 8, 3, level + 3 + trend * 2 + (random() - 0.5) * 4);
        await submitInstrumentResponse(deps, p.as, p.patientId, {
          id: undefined,
          instrumentId: 'phq-9',
          answers: asAnswers([...phq, 0]),
          sex: undefined,
          completedAt: at,
        });
        const gad = spread(random, 7, 3, level + 1 + trend * 2 + (random() - 0.5) * 4);
        await submitInstrumentResponse(deps, p.as, p.patientId, {
          id: undefined,
          instrumentId: 'gad-7',
          answers: asAnswers(gad),
          sex: undefined,
          completedAt: at,
        });
        responses += 2;
      }
      if (index === 1 && week % 12 === 0) {
        const odi = spread(random, 10, 5, 20 - (26 - week) / 6);
        await submitInstrumentResponse(deps, p.as, p.patientId, {
          id: undefined,
          instrumentId: 'odi',
          answers: asAnswers(odi),
          sex: undefined,
          completedAt: at,
        });
        responses++;
      }
    }
    const tomorrow = new Date(now + DAY).toISOString();
    await assignInstrument(deps, physician, p.patientId, {
      id: undefined,
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: tomorrow, everyDays: 7, endAt: null },
    });
    await assignInstrument(deps, physician, p.patientId, {
      id: undefined,
      instrumentId: 'phq-9',
      schedule: { kind: 'recurring', startAt: new Date(now + 3 * DAY).toISOString(), everyDays: 28, endAt: null },
    });
  }
  const maria = patients[0];
  if (maria)
    await assignInstrument(deps, physician, maria.patientId, {
      id: undefined,
      instrumentId: 'bpi-sf',
      schedule: { kind: 'before-visit', visitAt: new Date(now + 7 * DAY).toISOString(), daysBefore: 3 },
    });
  return responses;
}
