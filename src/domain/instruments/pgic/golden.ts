// PGIC golden cases, worked by hand from https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (1 very much improved … 7 very much worse;
// score = rating) and its table https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (IMMPACT categories are checked in pgic.test.ts).
import type { InstrumentGolden } from '../golden.ts';

const G14 =
  'https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (PGIC)';
export const PGIC_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 1 → very much improved',
    source: G14,
    answers: { rating: 1 },
    expected: { kind: 'scored', score: 1, scores: { rating: 1 }, band: 'very-much-improved', flags: [], missing: [] },
  },
  { name: 'case 2: 2 → much improved', source: G14, answers: { rating: 2 }, expected: { kind: 'scored', score: 2, band: 'much-improved' } },
  {
    name: 'case 3: 3 → minimally improved',
    source: G14,
    answers: { rating: 3 },
    expected: { kind: 'scored', score: 3, band: 'minimally-improved' },
  },
  { name: 'case 4: 4 → no change', source: G14, answers: { rating: 4 }, expected: { kind: 'scored', score: 4, band: 'no-change' } },
  {
    name: '7 → very much worse',
    source:
      'PGIC, NINDS CDE, https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (7 = very much worse)',
    answers: { rating: 7 },
    expected: { kind: 'scored', score: 7, band: 'very-much-worse' },
  },
  {
    name: 'unanswered → not scored',
    source:
      'PGIC, NINDS CDE, https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (1 item)',
    answers: {},
    expected: { kind: 'incomplete', missing: ['rating'] },
  },
  {
    name: '0 is out of range (1–7)',
    source:
      'PGIC, NINDS CDE, https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677 (1–7)',
    answers: { rating: 0 },
    expected: { kind: 'invalid', item: 'rating' },
  },
];
