// PGIC: IMMPACT meaning of each rating (https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677) and change delegated to the rating.
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { PGIC_IMMPACT_CATEGORY, pgic } from './definition.ts';

describe('PGIC (https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677)', () => {
  it('maps ratings 1–4 to substantial / moderate / minimal / none', () => {
    expect(PGIC_IMMPACT_CATEGORY['very-much-improved']).toBe('substantial');
    expect(PGIC_IMMPACT_CATEGORY['much-improved']).toBe('moderate');
    expect(PGIC_IMMPACT_CATEGORY['minimally-improved']).toBe('minimal');
    expect(PGIC_IMMPACT_CATEGORY['no-change']).toBe('none');
  });
  it('every band has an IMMPACT meaning', () => {
    for (const band of pgic.bands) expect(PGIC_IMMPACT_CATEGORY[band.id]).toBeDefined();
  });
  it('change between two ratings is not categorised: the rating is the change', () => {
    expect(computeChange(pgic, 4, 2)).toMatchObject({ category: null });
  });
});
