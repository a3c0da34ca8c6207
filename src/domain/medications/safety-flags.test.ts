import { describe, expect, it } from 'vitest';
import { computeRegimen } from './compute-regimen.ts';
import { validateRegimenInput } from './regimen-input.ts';
import { FLAG_GOLDEN_CASES } from './safety-flags.golden.ts';
import { FLAG_IDS } from './regimen.ts';
import { FLAG_SOURCES } from './safety-flags.ts';
import type { MedicationSettings } from './settings.ts';

describe('safety flag golden cases', () => {
  for (const c of FLAG_GOLDEN_CASES) {
    it(c.name, () => {
      const v = validateRegimenInput(c.input);
      if (v.kind !== 'valid') throw new Error(v.problems.join('; '));
      const flags = computeRegimen(v.regimen, v.patient, c.settings as Partial<MedicationSettings> | undefined).flags;
      const ids = flags.map((f) => f.id);
      for (const id of c.expected.fires) expect(ids).toContain(id);
      for (const id of c.expected.doesNotFire) expect(ids).not.toContain(id);
      for (const [id, want] of Object.entries(c.expected.detail ?? {})) {
        const f = flags.find((x) => x.id === id);
        expect(f, id).toBeDefined();
        expect(f!.severity).toBe(want.severity);
        expect(f!.message).toContain(want.says);
      }
    });
  }

  it('every flag id has at least one positive and one negative golden case', () => {
    for (const id of FLAG_IDS) {
      const positives = FLAG_GOLDEN_CASES.filter((c) => c.expected.fires.includes(id));
      const negatives = FLAG_GOLDEN_CASES.filter((c) => c.expected.doesNotFire.includes(id));
      expect(positives.length, `${id} positive`).toBeGreaterThan(0);
      expect(negatives.length, `${id} negative`).toBeGreaterThan(0);
    }
  });

  it('every flag id has a source', () => {
    for (const id of FLAG_IDS) expect(FLAG_SOURCES[id], id).toMatch(/https:\/\//);
  });

  it('messages never prescribe: they offer options to discuss', () => {
    for (const c of FLAG_GOLDEN_CASES) {
      const v = validateRegimenInput(c.input);
      if (v.kind !== 'valid') continue;
      for (const f of computeRegimen(v.regimen, v.patient).flags) {
        expect(f.message).toContain('Options to discuss');
        expect(f.message).not.toMatch(/\b(must|stop taking|discontinue now)\b/i);
      }
    }
  });

  it('methadone QTc > 500 raises the severity to warning', () => {
    const r = computeRegimen({ items: [{ drug: 'methadone', doseMg: 5, perDay: 2 }] }, { qtcMs: 510 });
    expect(r.flags.find((f) => f.id === 'methadone-qtc')?.severity).toBe('warning');
    const r2 = computeRegimen({ items: [{ drug: 'methadone', doseMg: 5, perDay: 2 }] }, { qtcMs: 420 });
    expect(r2.flags.find((f) => f.id === 'methadone-qtc')?.severity).toBe('caution');
  });

  it('naloxone message lists the particular triggers present', () => {
    const r = computeRegimen(
      {
        items: [
          { drug: 'oxycodone', doseMg: 10, perDay: 6 },
          { drug: 'alprazolam', doseMg: 0.5, perDay: 1 },
        ],
      },
      { historyOfOverdose: true },
    );
    const f = r.flags.find((x) => x.id === 'naloxone-not-on-list')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('dosage ≥ 50 MME/day');
    expect(f.message).toContain('benzodiazepine with opioid');
    expect(f.message).toContain('history of overdose');
  });
});
