// Both readings of the PCS cut-off at exactly 30 (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php), pinned so a change of
// PCS_CUTOFF_INCLUSIVE is a deliberate decision.
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { PCS_CLINICAL_CUTOFF, PCS_CUTOFF_INCLUSIVE, pcs, pcsClinicallyRelevant } from './definition.ts';

describe('PCS clinically-relevant cut-off (Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php)', () => {
  it('the default reading is ≥ 30', () => {
    expect(PCS_CLINICAL_CUTOFF).toBe(30);
    expect(PCS_CUTOFF_INCLUSIVE).toBe(true);
  });
  it('Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php row 2, total 30: ≥ 30 → yes; > 30 → no', () => {
    expect(pcsClinicallyRelevant(30, true)).toBe(true);
    expect(pcsClinicallyRelevant(30, false)).toBe(false);
  });
  it('Sullivan 1995, Psychol Assess 7:524, https://sullivan-painresearch.mcgill.ca/pcs.php row 1, total 36: relevant under both readings; 29 under neither', () => {
    expect(pcsClinicallyRelevant(36, true)).toBe(true);
    expect(pcsClinicallyRelevant(36, false)).toBe(true);
    expect(pcsClinicallyRelevant(29, true)).toBe(false);
    expect(pcsClinicallyRelevant(29, false)).toBe(false);
  });
  it('has no change threshold (MCID unconfirmed)', () => {
    expect(computeChange(pcs, 36, 20)).toMatchObject({ absolute: -16, category: null });
  });
});
