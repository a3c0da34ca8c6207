// Boundary tests for block-diary relief thresholds, generated from RELIEF_THRESHOLDS: for NRS-derived
// relief, the whole-point readings whose relief is just below, exactly at and just above each threshold
// (from several baselines); for patient-reported relief, the threshold and one percentage point either
// side. The published thresholds are asserted separately.
//
// Source: CMS Local Coverage Determination L38773, Facet Joint Interventions for Pain Management,
// https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773 — diagnostic blocks need
// ≥ 80 % relief of the index pain; repeat therapeutic procedures ≥ 50 % (thresholds inclusive).
import { describe, expect, it } from 'vitest';
import { RELIEF_THRESHOLDS, computeBlockRelief, reliefPercent, type BlockDiaryReading, type ReliefAnalysis } from './block-diary.ts';

const reading = (intensity: number | null, patientReportedReliefPct: number | null): BlockDiaryReading => ({
  offsetMinutes: 30,
  intensity,
  patientReportedReliefPct,
  recordedAt: null,
});

const runAt = (analysis: ReliefAnalysis, threshold: number): unknown => {
  const field = `atLeast${threshold}` as keyof ReliefAnalysis;
  expect(field in analysis, `ReliefAnalysis reports ${field}`).toBe(true);
  return analysis[field];
};

describe('NRS-derived relief: each threshold from whole-point readings either side (generated)', () => {
  const cases = [10, 9, 7, 5, 4].flatMap((baseline) =>
    RELIEF_THRESHOLDS.flatMap((threshold) => {
      const all = Array.from({ length: baseline + 1 }, (_, r) => ({ r, pct: reliefPercent(baseline, r)! }));
      const below = all.filter((x) => x.pct < threshold).sort((a, b) => b.pct - a.pct)[0];
      const at = all.find((x) => x.pct === threshold);
      const above = all.filter((x) => x.pct > threshold).sort((a, b) => a.pct - b.pct)[0];
      return [below, at, above]
        .filter((x) => x !== undefined)
        .map((x) => ({ baseline, threshold, intensity: x.r, pct: Math.round(x.pct * 10) / 10, meets: x.pct >= threshold }));
    }),
  );

  it('reaches each threshold exactly from some baseline', () => {
    for (const t of RELIEF_THRESHOLDS)
      expect(
        cases.some((c) => c.threshold === t && c.pct === t),
        `${t} %`,
      ).toBe(true);
  });

  it.each(cases)('baseline $baseline → $intensity ($pct %): ≥ $threshold % is $meets', ({ baseline, threshold, intensity, meets }) => {
    const relief = computeBlockRelief({ baselineIntensity: baseline, readings: [reading(intensity, null)] });
    if (relief.nrs.kind !== 'computed') throw new Error('baseline > 0 must be computable');
    expect(runAt(relief.nrs, threshold) !== null).toBe(meets);
  });
});

describe('patient-reported relief: each threshold and one percentage point either side (generated)', () => {
  const cases = RELIEF_THRESHOLDS.flatMap((threshold) =>
    [threshold - 1, threshold, threshold + 1].map((pct) => ({ threshold, pct, meets: pct >= threshold })),
  );
  it.each(cases)('$pct %: ≥ $threshold % is $meets', ({ threshold, pct, meets }) => {
    const relief = computeBlockRelief({ baselineIntensity: 8, readings: [reading(null, pct)] });
    expect(runAt(relief.patientReported, threshold) !== null).toBe(meets);
  });
});

describe('relief thresholds: published values', () => {
  it('50 % (repeat therapeutic procedures) and 80 % (diagnostic blocks)', () => {
    expect([...RELIEF_THRESHOLDS]).toEqual([50, 80]);
  });
});
