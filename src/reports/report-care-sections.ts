// The report's sections read from the rest of the record: medicines with MME (CDC 2022, through the
// domain's regimen computation), questionnaires with their published bands and change rules, the care
// plan's goals and interventions, procedures with block-diary relief (domain/diary/block-diary.ts), and
// the questions for the visit.
import { computeBlockRelief, type BlockDiary } from '../domain/diary/block-diary.ts';
import { computeChange, findInstrument } from '../domain/instruments/index.ts';
import { findDrug } from '../domain/medications/formulary.ts';
import { toLocalDateTime } from '../domain/time/local-date.ts';
import { cut, duration, oneDecimal, plural, words } from './report-format.ts';
import type { ReportSection } from './report-sections.ts';
import type { ReportBlock, ReportInput, ReportLimits, ReportMedicationOrder, SectionBuilder } from './report-types.ts';

function howTaken(o: ReportMedicationOrder): string {
  const dose = o.doseMg !== null ? `${oneDecimal(o.doseMg)} mg` : o.doseMcgPerHour !== null ? `${oneDecimal(o.doseMcgPerHour)} mcg/h` : '';
  const when =
    o.schedule === 'as-needed'
      ? `as needed${o.maxPerDay !== null ? `, up to ${o.maxPerDay}/day` : ''}`
      : o.timesPerDay !== null
        ? `${o.timesPerDay}×/day`
        : 'scheduled';
  return [dose, when, words(o.route)].filter((s) => s !== '').join(', ');
}

function medicines(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const m = input.medicines;
  if (!m || m.orders.length === 0) blocks.push({ kind: 'text', text: 'No medicines are on the list.' });
  else {
    const mmeBy = new Map(m.regimen.perDrug.map((d) => [d.drug, d.mme]));
    const { shown, more } = cut(m.orders, limits.orders, 'medicine');
    blocks.push({
      kind: 'table',
      columns: ['Medicine', 'How taken', 'MME/day'],
      widths: [0.35, 0.5, 0.15],
      rows: shown.map((o) => [findDrug(o.formularyId)?.generic ?? o.formularyId, howTaken(o), oneDecimal(mmeBy.get(o.formularyId))]),
    });
    if (more) blocks.push({ kind: 'text', text: more });
    const r = m.regimen;
    const lines = [`Total on ${m.asOf}: ${r.totalMmeText} MME/day (CDC 2022 conversion factors).`];
    for (const n of r.notCalculable) lines.push(`${findDrug(n.drug)?.generic ?? n.drug}: ${n.message}`);
    for (const f of r.flags)
      lines.push(`${f.severity === 'info' ? 'Note' : f.severity === 'caution' ? 'Caution' : 'Warning'}: ${f.message}`);
    blocks.push(...lines.map((text): ReportBlock => ({ kind: 'text', text })));
  }
  // What the diary says was taken in the period, beside what is prescribed.
  let asNeeded = 0;
  const asNeededDays = new Set<string>();
  for (const e of input.entries) {
    for (const taken of e.medicines) {
      if (taken.regimen !== 'as-needed') continue;
      asNeeded++;
      asNeededDays.add(e.localDate);
    }
  }
  blocks.push({
    kind: 'text',
    text: `As-needed doses recorded in the diary: ${asNeeded} on ${plural(asNeededDays.size, 'day')} of the period.`,
  });
  return blocks;
}

function questionnaires(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const byInstrument = new Map<string, typeof input.responses>();
  for (const r of [...input.responses].sort((a, b) => (a.completedAt < b.completedAt ? -1 : 1))) {
    byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  }
  if (byInstrument.size === 0) return [{ kind: 'text', text: 'No questionnaires were answered in this period.' }];
  const day = (at: string) => toLocalDateTime(new Date(at), input.timeZone).date;
  // The most recently answered first, so a cut leaves out the ones answered longest ago.
  const latestFirst = [...byInstrument].sort(([, a], [, b]) => (a.at(-1)!.completedAt > b.at(-1)!.completedAt ? -1 : 1));
  const { shown, more } = cut(latestFirst, limits.questionnaires, 'questionnaire');
  const rows = shown.map(([id, responses]) => {
    const definition = findInstrument(id);
    const scored = responses.filter((r) => r.score !== null);
    const first = scored[0];
    const last = scored.at(-1);
    const band = last?.band ? (definition?.bands.find((b) => b.id === last.band)?.label ?? words(last.band)) : '–';
    let change = '–';
    if (definition && first && last && first !== last) {
      const c = computeChange(definition, first.score!, last.score!);
      change = `${c.absolute > 0 ? '+' : ''}${oneDecimal(c.absolute)}${c.category ? `, ${words(c.category)}` : ''}`;
    }
    return [
      definition?.shortTitle ?? id,
      String(responses.length),
      first ? `${oneDecimal(first.score)} (${day(first.completedAt)})` : '–',
      last ? `${oneDecimal(last.score)} (${day(last.completedAt)})` : '–',
      band,
      change,
    ];
  });
  return [
    {
      kind: 'table',
      columns: ['Questionnaire', 'Answered', 'First score', 'Latest score', 'Latest band', 'Change'],
      widths: [0.17, 0.1, 0.19, 0.19, 0.17, 0.18],
      rows,
    },
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
    { kind: 'text', text: "Bands and change categories are each questionnaire's published ones." },
  ];
}

function carePlan(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const plan = input.carePlan;
  if (!plan) return [{ kind: 'text', text: 'No care plan has been written.' }];
  const blocks: ReportBlock[] = [{ kind: 'text', text: `Care plan, version ${plan.version}.` }];
  if (plan.goals.length === 0) blocks.push({ kind: 'text', text: 'No goals are set.' });
  else {
    const { shown, more } = cut(plan.goals, limits.goals, 'goal');
    blocks.push({
      kind: 'table',
      columns: ['Goal', 'Measured by', 'From', 'Target', 'By'],
      widths: [0.3, 0.22, 0.17, 0.17, 0.14],
      rows: shown.map((g) => [g.activity, g.measure, g.baseline, g.target, g.targetDate ?? '–']),
    });
    if (more) blocks.push({ kind: 'text', text: more });
  }
  const current = plan.interventions.filter((i) => i.status === 'active' || i.status === 'planned' || i.status === 'on-hold');
  if (current.length > 0) {
    const { shown, more } = cut(current, limits.interventions, 'intervention');
    blocks.push({
      kind: 'table',
      columns: ['Treatment', 'Kind', 'How often', 'Status'],
      widths: [0.44, 0.2, 0.22, 0.14],
      rows: shown.map((i) => [i.description, words(i.modality), i.frequency || '–', words(i.status)]),
    });
    if (more) blocks.push({ kind: 'text', text: more });
  }
  return blocks;
}

function reliefText(diary: BlockDiary): string {
  const relief = computeBlockRelief(diary);
  const nrs = relief.nrs;
  if (nrs.kind === 'not-computable') return 'baseline pain 0: relief not computable';
  if (nrs.peakReliefPct === null) return 'no readings yet';
  const at50 = nrs.atLeast50 ? `; 50 % or more for ${duration(nrs.atLeast50.observedMinutes)} observed` : '; never 50 % or more';
  return `peak ${oneDecimal(nrs.peakReliefPct)} % at ${duration(nrs.peakAtMinutes ?? 0)}${at50}`;
}

function procedures(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const diaries = new Map(input.blockDiaries.map((d) => [d.id, d]));
  const linked = new Set<string>();
  const rows: string[][] = [...input.procedures]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((p) => {
      const diary = p.blockDiaryId ? diaries.get(p.blockDiaryId) : undefined;
      if (diary) linked.add(diary.id);
      const where = [p.levels.join(', '), p.side === 'not-applicable' ? '' : p.side].filter((s) => s !== '').join(', ');
      return [p.date, p.label || words(p.type), where || '–', p.intent, diary ? reliefText(diary) : 'no block diary'];
    });
  for (const d of input.blockDiaries) {
    if (linked.has(d.id)) continue;
    const at = toLocalDateTime(new Date(d.procedureAt), d.timeZone).date;
    rows.push([at, d.procedureLabel, '–', '–', reliefText(d)]);
  }
  if (rows.length === 0) return [{ kind: 'text', text: 'No procedures were recorded in this period.' }];
  const { shown, more } = cut(rows, limits.procedures, 'procedure');
  return [
    {
      kind: 'table',
      columns: ['Date', 'Procedure', 'Level, side', 'Intent', 'Relief from the block diary (pain 0–10 against baseline)'],
      widths: [0.13, 0.25, 0.15, 0.12, 0.35],
      rows: shown,
    },
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
  ];
}

/** Visits the section shows: the next ones the patient prepared for, so the report stays within its pages. */
const VISITS_SHOWN = 2;
const VISIT_KIND_WORDS = { 'first-consultation': 'First consultation', 'follow-up': 'Follow-up', procedure: 'Procedure visit' } as const;

// The questions the patient prepared for the visits in or after the period, with the clinician's answers
// where they were written down.
function visitQuestions(input: ReportInput): readonly ReportBlock[] {
  const visits = input.visits.filter((v) => v.questions.length > 0 || v.whatMattersMost !== '');
  if (visits.length === 0) return [{ kind: 'text', text: 'None recorded.' }];
  const { shown, more } = cut(visits, VISITS_SHOWN, 'visit');
  const blocks: ReportBlock[] = [];
  for (const v of shown) {
    const heading = `${VISIT_KIND_WORDS[v.kind]} on ${v.date}${v.with ? ` with ${v.with}` : ''}.`;
    blocks.push({ kind: 'text', text: v.whatMattersMost ? `${heading} What matters most: ${v.whatMattersMost}` : heading });
    if (v.questions.length > 0)
      blocks.push({
        kind: 'table',
        columns: ['Question', 'Answer given'],
        widths: [0.5, 0.5],
        rows: v.questions.map((q) => [q.text, q.answer || '–']),
      });
  }
  if (more) blocks.push({ kind: 'text', text: more });
  return blocks;
}

export const careSections: Readonly<
  Record<Extract<ReportSection, 'medicines' | 'questionnaires' | 'care-plan' | 'procedures' | 'visit-questions'>, SectionBuilder>
> = {
  medicines,
  questionnaires,
  'care-plan': carePlan,
  procedures,
  'visit-questions': visitQuestions,
};
