// A quarter of daily check-ins and the rest of a record, as the report's input: the heaviest ordinary
// report (one entry a day with regions, medicines and techniques; flares, medicines, questionnaires,
// a care plan and a procedure with its block diary), for the tests that read the PDF back.
import type { DiaryEntry } from '../../src/domain/diary/entry.ts';
import { addDays, type LocalDate, type TimeZone } from '../../src/domain/time/local-date.ts';
import { DEFAULT_REPORT_SECTIONS, type ReportSection } from '../../src/reports/report-sections.ts';
import type { ReportInput } from '../../src/reports/report-types.ts';

export const REPORT_TO = '2026-06-30' as LocalDate;
export const REPORT_ZONE = 'America/New_York' as TimeZone;
export const NOTE_MARKER = 'Walked the dog to the park';

/** Day `i` of `days` ending on `to`: pain 7 for the first weeks easing to 4, heat on even days with a point less. */
export function dailyEntries(days: number, to: LocalDate = REPORT_TO): DiaryEntry[] {
  const from = addDays(to, 1 - days);
  return Array.from({ length: days }, (_, i): DiaryEntry => {
    const localDate = addDays(from, i);
    const heat = i % 2 === 0;
    const base = i < days / 3 ? 7 : i < (2 * days) / 3 ? 6 : 4;
    const intensity = Math.max(0, base - (heat ? 1 : 0));
    return {
      id: `019c3000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
      localDate,
      localTime: '20:00' as DiaryEntry['localTime'],
      timeZone: REPORT_ZONE,
      recordedAt: `${localDate}T23:59:00.000Z`,
      intensity,
      worstSinceLast: Math.min(10, intensity + 2),
      leastSinceLast: Math.max(0, intensity - 2),
      regions: [
        { code: 'lumbar-spine', intensity, qualities: ['aching'] },
        ...(i % 3 === 0 ? [{ code: 'hip-left', intensity: intensity - 1, qualities: [] }] : []),
      ],
      interference: { activity: Math.max(0, intensity - 1), sleep: 3, mood: 2, stress: 3 },
      sleep: { hours: 6.5, quality: null },
      activity: { minutes: 30, meaningful: [] },
      mood: 'neutral',
      triggers: i % 5 === 0 ? ['prolonged-sitting'] : [],
      ownTriggers: [],
      medicines:
        i % 4 === 0
          ? [
              {
                name: 'ibuprofen',
                dose: 400,
                unit: 'mg',
                takenAt: null,
                regimen: 'as-needed',
                formularyId: 'ibuprofen',
                medicationOrderId: null,
              },
            ]
          : [],
      techniques: heat ? [{ id: 'heat', label: null, helped: 'a-lot' }] : [],
      notes: i % 7 === 0 ? `${NOTE_MARKER} on day ${i + 1}.` : '',
      provenance: { enteredBy: 'patient', mode: 'real-time', source: 'self' },
    } as DiaryEntry;
  });
}

export function fullReportInput(days = 90, sections: readonly ReportSection[] = DEFAULT_REPORT_SECTIONS): ReportInput {
  const from = addDays(REPORT_TO, 1 - days);
  return {
    patientName: 'Alex Example',
    timeZone: REPORT_ZONE,
    from,
    to: REPORT_TO,
    generatedAt: '2026-07-01T14:30:00.000Z',
    sections,
    entries: dailyEntries(days),
    flares: [0, 1, 2].map((n) => ({
      id: `019c3100-0000-7000-8000-00000000000${n + 1}`,
      startedAt: `${addDays(from, 10 + 25 * n)}T15:00:00.000Z`,
      endedAt: `${addDays(from, 11 + 25 * n)}T03:00:00.000Z`,
      timeZone: REPORT_ZONE,
      peakIntensity: 9,
      suspectedTriggers: ['poor-sleep'],
      ownTriggers: [],
      helpedTechniques: ['heat'],
      helpedText: ['lying down'],
      notes: '',
    })),
    medicines: {
      asOf: '2026-07-01',
      orders: [
        {
          formularyId: 'oxycodone',
          schedule: 'scheduled',
          doseMg: 10,
          doseMcgPerHour: null,
          timesPerDay: 2,
          maxPerDay: null,
          route: 'oral',
        },
        {
          formularyId: 'ibuprofen',
          schedule: 'as-needed',
          doseMg: 400,
          doseMcgPerHour: null,
          timesPerDay: null,
          maxPerDay: 3,
          route: 'oral',
        },
      ],
      regimen: {
        totalMme: 30,
        totalMmeText: '30',
        perDrug: [{ drug: 'oxycodone', dailyDose: 20, unit: 'mg/day', factor: 1.5, mme: 30 }],
        notCalculable: [],
        acetaminophenMgPerDay: 0,
        flags: [],
      },
    },
    responses: [
      { instrumentId: 'peg', completedAt: `${addDays(from, 2)}T14:00:00.000Z`, score: 6.7, band: null },
      { instrumentId: 'peg', completedAt: `${addDays(REPORT_TO, -3)}T14:00:00.000Z`, score: 4.3, band: null },
      { instrumentId: 'phq-9', completedAt: `${addDays(REPORT_TO, -3)}T14:05:00.000Z`, score: 7, band: 'mild' },
    ],
    carePlan: {
      version: 3,
      goals: [
        { activity: 'Walk to the shop', measure: 'minutes walked', baseline: '10 minutes', target: '30 minutes', targetDate: '2026-09-01' },
        { activity: 'Sleep through the night', measure: 'nights a week', baseline: '2', target: '5', targetDate: null },
      ],
      interventions: [
        { modality: 'physical', description: 'Graded walking programme', frequency: 'daily', status: 'active' },
        { modality: 'psychological', description: 'Pain CBT, 8 sessions', frequency: 'weekly', status: 'planned' },
      ],
    },
    procedures: [
      {
        type: 'medial-branch-block',
        label: 'Medial branch block',
        date: addDays(from, 40),
        levels: ['L4-L5'],
        side: 'left',
        intent: 'diagnostic',
        blockDiaryId: '019c3300-0000-7000-8000-000000000001',
      },
    ],
    blockDiaries: [
      {
        id: '019c3300-0000-7000-8000-000000000001',
        procedureLabel: 'Medial branch block',
        procedureAt: `${addDays(from, 40)}T14:00:00.000Z`,
        timeZone: REPORT_ZONE,
        baselineIntensity: 8,
        offsetsMinutes: [30, 60, 120, 240],
        readings: [
          { offsetMinutes: 30, intensity: 2, patientReportedReliefPct: null, recordedAt: null },
          { offsetMinutes: 60, intensity: 2, patientReportedReliefPct: null, recordedAt: null },
          { offsetMinutes: 120, intensity: 4, patientReportedReliefPct: null, recordedAt: null },
          { offsetMinutes: 240, intensity: 7, patientReportedReliefPct: null, recordedAt: null },
        ],
      },
    ],
    visits: [
      {
        date: '2026-07-08',
        kind: 'follow-up',
        with: 'Riverside pain clinic',
        whatMattersMost: 'Sleeping through the night',
        questions: [
          { text: 'How will we measure progress?', answer: '' },
          { text: 'Can I keep swimming?', answer: 'Yes, twice a week.' },
        ],
      },
    ],
  };
}

/** A record as full as lists get: twenty regions a day, twenty flares, fourteen medicines with flags, a dozen questionnaires, ten goals, interventions and procedures. */
export function crowdedReportInput(): ReportInput {
  const base = fullReportInput(90);
  const regionCodes = ['head', 'neck-back', 'cervical-spine', 'shoulder-left', 'shoulder-right', 'upper-back-left', 'upper-back-right'];
  const more = ['thoracic-spine', 'lower-back-left', 'lower-back-right', 'lumbar-spine', 'sacrum', 'buttock-left', 'buttock-right'];
  const legs = ['hip-left', 'hip-right', 'thigh-left', 'thigh-right', 'knee-left', 'knee-right'];
  const regions = [...regionCodes, ...more, ...legs].map((code) => ({ code, intensity: 5, qualities: [] }));
  const flare = base.flares[0]!;
  const medicines = base.medicines!;
  const warning = {
    id: 'opioid-benzodiazepine' as never,
    message: 'An opioid and a benzodiazepine together: options to discuss include tapering one of them and offering naloxone.',
    source: 'CDC 2022',
    severity: 'warning' as const,
  };
  const instruments = ['peg', 'phq-9', 'gad-7', 'nrs', 'pgic', 'dvprs', 'pseq-10', 'pcs', 'odi', 'gad-2', 'phq-2', 'start-back'];
  return {
    ...base,
    entries: base.entries.map((e) => ({ ...e, regions })),
    flares: Array.from({ length: 20 }, (_, n) => ({
      ...flare,
      id: `019c3400-0000-7000-8000-${String(n + 1).padStart(12, '0')}`,
      suspectedTriggers: ['poor-sleep', 'stress', 'weather-change'],
      ownTriggers: ['a long drive to work'],
      helpedText: ['lying down on the floor', 'a hot shower'],
    })),
    medicines: {
      ...medicines,
      orders: Array.from({ length: 14 }, () => medicines.orders[0]!),
      regimen: { ...medicines.regimen, flags: [warning, warning, warning] },
    },
    responses: instruments.flatMap((instrumentId) => [
      { instrumentId, completedAt: '2026-04-10T14:00:00.000Z', score: 3, band: null },
      { instrumentId, completedAt: '2026-06-10T14:00:00.000Z', score: 2, band: null },
    ]),
    carePlan: {
      ...base.carePlan!,
      goals: Array.from({ length: 10 }, () => base.carePlan!.goals[0]!),
      interventions: Array.from({ length: 10 }, () => base.carePlan!.interventions[0]!),
    },
    procedures: Array.from({ length: 10 }, () => base.procedures[0]!),
  };
}
