// The report's sections read from the diary: summary, trends, body map, flares, what works, notes.
// Trends are the Insights trends (domain/insight/trends.ts) over the report's range: the first 14 days
// with data against the latest 14, judged by the measure's published rule (pain: IMMPACT, Dworkin 2008,
// and Farrar 2001); "what works" is the Insights comparison (domain/insight/what-works.ts) over the
// range's days — a pattern, never a cause.
import { findBodyRegion } from '../domain/diary/body-map.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import { flareDurationMinutes } from '../domain/diary/flare.ts';
import { dailySeries } from '../domain/insight/diary-factors.ts';
import { DIARY_TREND_INFO, entryValue, type DiaryTrendMeasure } from '../domain/insight/trend-measures.ts';
import { computeTrend, type DatedValue, type Trend } from '../domain/insight/trends.ts';
import { whatWorks } from '../domain/insight/what-works.ts';
import { differenceInCalendarDays, toLocalDateTime } from '../domain/time/local-date.ts';
import { cut, duration, oneDecimal, plural, words } from './report-format.ts';
import type { ReportSection } from './report-sections.ts';
import type { ReportBlock, ReportFact, ReportInput, ReportLimits, SectionBuilder } from './report-types.ts';

/** The measures charted: pain now (an NRS, with its published rule) and pain getting in the way of activity (function). */
const CHARTED: readonly DiaryTrendMeasure[] = ['pain-now', 'interference-activity'];

const MAX_NOTE_CHARS = 300;

export function measureTrend(input: ReportInput, measure: DiaryTrendMeasure): Trend {
  const info = DIARY_TREND_INFO[measure];
  const values: DatedValue[] = [];
  for (const e of input.entries) {
    const value = entryValue(e, measure);
    if (value !== null) values.push({ date: e.localDate, value });
  }
  return computeTrend({
    values,
    from: input.from,
    to: input.to,
    perDay: info.perDay,
    rule: info.rule === 'nrs' ? { kind: 'nrs' } : { kind: 'none' },
    direction: info.direction,
    scale: info.scale,
  });
}

const CATEGORY_WORDS: Record<string, string> = {
  substantial: 'a substantial improvement',
  moderate: 'a moderate improvement',
  minimal: 'a minimal improvement',
  improved: 'a clinically important improvement',
  worsened: 'worse',
  none: 'no clinically important change',
};

/** "6.2 in the first 14 days with data → 4.1 in the latest 14 days: −2.1 points (34 % less), a moderate improvement". */
function changeSentence(trend: Trend): string {
  if (!trend.baseline || trend.baseline.mean === null) return 'Not enough days with data to compare a baseline with the latest 14 days.';
  if (trend.latest.mean === null || !trend.change) return 'Nothing recorded in the latest 14 days to compare with the baseline.';
  const c = trend.change;
  const percent = c.percent === null ? '' : ` (${oneDecimal(Math.abs(c.percent))} % ${c.percent >= 0 ? 'less' : 'more'})`;
  const judged = c.category === null ? 'no threshold published' : CATEGORY_WORDS[c.category];
  return (
    `${oneDecimal(trend.baseline.mean)} (${trend.baseline.from} to ${trend.baseline.to}) then ` +
    `${oneDecimal(trend.latest.mean)} (${trend.latest.from} to ${trend.latest.to}): ` +
    `${c.absolute > 0 ? '+' : ''}${oneDecimal(c.absolute)} points${percent}, ${judged}.`
  );
}

function dayMeans(trend: Trend): number[] {
  return trend.days.flatMap((d) => (d.value === null ? [] : [d.value]));
}

function summary(input: ReportInput): readonly ReportBlock[] {
  const days = differenceInCalendarDays(input.to, input.from) + 1;
  const dates = new Set(input.entries.map((e) => e.localDate));
  const pain = measureTrend(input, 'pain-now');
  const means = dayMeans(pain);
  const facts: ReportFact[] = [
    { label: 'Period', value: `${input.from} to ${input.to} (${plural(days, 'day')})` },
    { label: 'Days with a check-in', value: `${dates.size} of ${days} (${plural(input.entries.length, 'check-in')})` },
  ];
  if (means.length > 0) {
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    facts.push({
      label: 'Pain now, 0–10',
      value: `average ${oneDecimal(mean)}; day averages from ${oneDecimal(Math.min(...means))} to ${oneDecimal(Math.max(...means))}`,
    });
    facts.push({ label: 'Change in pain', value: changeSentence(pain) });
  }
  facts.push({ label: 'Flares started', value: String(input.flares.length) });
  if (input.medicines && input.medicines.orders.length > 0) {
    const r = input.medicines.regimen;
    facts.push({ label: `Opioids on ${input.medicines.asOf}`, value: `${r.totalMmeText} MME/day (CDC 2022 factors)` });
  }
  const blocks: ReportBlock[] = [{ kind: 'facts', facts }];
  if (input.entries.length === 0) blocks.push({ kind: 'text', text: 'No check-ins were recorded in this period.' });
  return blocks;
}

function trends(input: ReportInput): readonly ReportBlock[] {
  if (input.entries.length === 0) return [{ kind: 'text', text: 'No check-ins were recorded in this period.' }];
  return CHARTED.flatMap((measure): ReportBlock[] => {
    const info = DIARY_TREND_INFO[measure];
    const trend = measureTrend(input, measure);
    const band = trend.band ? { from: trend.band.from, to: trend.band.to, label: `Shaded: ${trend.band.rule}` } : null;
    const recorded = trend.days.filter((d) => d.value !== null).length;
    const chart: ReportBlock = {
      kind: 'line-chart',
      title: `${info.label} (${info.unit}, ${info.direction === 'lower-is-better' ? 'lower is better' : 'higher is better'})`,
      alt: `Line chart of ${info.label.toLowerCase()} by day from ${trend.from} to ${trend.to}: ${recorded} days with a value, weekly averages drawn as a thicker line.${band ? ' The shaded band is a clinically important improvement on the baseline.' : ''}`,
      unit: info.unit,
      scale: info.scale,
      from: trend.from,
      to: trend.to,
      days: trend.days.map((d) => d.value),
      weeks: trend.weeks.map((w) => ({ from: w.from, to: w.to, value: w.value })),
      band,
      baseline: trend.baseline,
      latest: trend.latest,
    };
    const judged = info.rule === 'nrs' ? '' : ' No clinically important change is published for this measure.';
    return [chart, { kind: 'text', text: `${info.label}: ${changeSentence(trend)}${judged}` }];
  });
}

function bodyMap(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const daysBy = new Map<string, Set<string>>();
  const ratings = new Map<string, number[]>();
  for (const e of input.entries) {
    for (const r of e.regions) {
      let set = daysBy.get(r.code);
      if (!set) daysBy.set(r.code, (set = new Set()));
      set.add(e.localDate);
      if (r.intensity !== null) ratings.set(r.code, [...(ratings.get(r.code) ?? []), r.intensity]);
    }
  }
  if (daysBy.size === 0) return [{ kind: 'text', text: 'No body-map regions were marked in this period.' }];
  const regions = [...daysBy]
    .map(([code, set]) => ({ code, days: set.size }))
    .sort((a, b) => b.days - a.days || (a.code < b.code ? -1 : 1));
  const daysWithEntries = new Set(input.entries.map((e) => e.localDate)).size;
  const { shown, more } = cut(regions, limits.regions, 'region');
  const rows = shown.map((r) => {
    const rated = ratings.get(r.code) ?? [];
    const mean = rated.length === 0 ? null : rated.reduce((a, b) => a + b, 0) / rated.length;
    return [findBodyRegion(r.code)?.label ?? r.code, `${r.days} of ${daysWithEntries}`, oneDecimal(mean)];
  });
  const named = shown.slice(0, 3).map((r) => findBodyRegion(r.code)?.label ?? r.code);
  return [
    {
      kind: 'body-map',
      alt: `Body map, front and back: the darker a region, the more days it was marked. Most often: ${named.join('; ')}.`,
      regions,
      daysWithEntries,
    },
    {
      kind: 'table',
      columns: ['Region', 'Days marked', 'Average rating 0–10'],
      widths: [0.5, 0.25, 0.25],
      rows,
    },
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
  ];
}

function flares(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  if (input.flares.length === 0) return [{ kind: 'text', text: 'No flares were recorded in this period.' }];
  const sorted = [...input.flares].sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  const { shown, more } = cut(sorted, limits.flares, 'flare');
  const rows = shown.map((f) => {
    const start = toLocalDateTime(new Date(f.startedAt), f.timeZone);
    const minutes = flareDurationMinutes(f);
    const helped = [...f.helpedTechniques.map(words), ...f.helpedText];
    return [
      `${start.date} ${start.time.slice(0, 5)}`,
      minutes === null ? 'ongoing' : duration(minutes),
      f.peakIntensity === null ? '–' : String(f.peakIntensity),
      [...f.suspectedTriggers.map(words), ...f.ownTriggers].join(', ') || '–',
      helped.join(', ') || '–',
    ];
  });
  return [
    {
      kind: 'table',
      columns: ['Started', 'Lasted', 'Peak', 'Suspected triggers', 'What helped'],
      widths: [0.18, 0.12, 0.08, 0.31, 0.31],
      rows,
    },
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
  ];
}

function whatWorksSection(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const days = differenceInCalendarDays(input.to, input.from) + 1;
  const items = whatWorks(dailySeries(input.entries, input.from, days));
  const findings = items.filter((i) => i.verdict === 'lower' || i.verdict === 'higher').sort((a, b) => (a.qValue ?? 1) - (b.qValue ?? 1));
  const caveat = 'Days with and without each factor compared; a pattern, never a cause.';
  if (findings.length === 0) {
    const waiting = items.filter((i) => i.verdict === 'not-enough-data').length;
    return [
      {
        kind: 'text',
        text: `No clear difference found in this period${waiting > 0 ? ` (${plural(waiting, 'comparison')} still need more days with and without the factor)` : ''}. ${caveat}`,
      },
    ];
  }
  const { shown, more } = cut(findings, limits.findings, 'finding');
  return [
    { kind: 'text', text: caveat },
    ...shown.map((i): ReportBlock => ({ kind: 'text', text: `• ${i.sentence}` })),
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
  ];
}

function notes(input: ReportInput, limits: ReportLimits): readonly ReportBlock[] {
  const written = input.entries.filter((e: DiaryEntry) => e.notes.trim() !== '');
  if (written.length === 0) return [{ kind: 'text', text: 'No notes were written in this period.' }];
  const { shown, more } = cut(written, limits.notes, 'note');
  const clip = (s: string) => (s.length > MAX_NOTE_CHARS ? `${s.slice(0, MAX_NOTE_CHARS - 1)}…` : s);
  return [
    {
      kind: 'table',
      columns: ['When', 'Note'],
      widths: [0.18, 0.82],
      rows: shown.map((e) => [`${e.localDate} ${e.localTime.slice(0, 5)}`, clip(e.notes.trim())]),
    },
    ...(more ? [{ kind: 'text' as const, text: more }] : []),
  ];
}

export const diarySections: Readonly<
  Record<Extract<ReportSection, 'summary' | 'trends' | 'body-map' | 'flares' | 'what-works' | 'notes'>, SectionBuilder>
> = {
  summary,
  trends,
  'body-map': bodyMap,
  flares,
  'what-works': whatWorksSection,
  notes,
};
