import { describe, expect, it } from 'vitest';
import { fullReportInput, NOTE_MARKER } from '../../test/support/report-fixture.ts';
import { DEFAULT_REPORT_SECTION_IDS, REPORT_SECTION_IDS } from '../contract/reports.ts';
import { buildReportModel } from './report-model.ts';
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTIONS } from './report-sections.ts';
import type { ReportBlock, ReportModel } from './report-types.ts';

const blocksOf = (model: ReportModel, id: string) => model.sections.find((s) => s.id === id)?.blocks ?? [];
const textOf = (blocks: readonly ReportBlock[]) =>
  blocks
    .map((b) =>
      b.kind === 'text'
        ? b.text
        : b.kind === 'facts'
          ? b.facts.map((f) => `${f.label}: ${f.value}`).join('\n')
          : b.kind === 'table'
            ? b.rows.map((r) => r.join(' | ')).join('\n')
            : '',
    )
    .join('\n');

describe('the report model', () => {
  it('names the same sections as the contract, notes left out by default', () => {
    expect(REPORT_SECTIONS).toEqual(REPORT_SECTION_IDS);
    expect(DEFAULT_REPORT_SECTIONS).toEqual(DEFAULT_REPORT_SECTION_IDS);
    expect(DEFAULT_REPORT_SECTIONS).not.toContain('notes');
  });

  it('shows only the chosen sections, in the report order, whatever order they were chosen in', () => {
    const model = buildReportModel(fullReportInput(90, ['notes', 'flares', 'summary']));
    expect(model.sections.map((s) => s.id)).toEqual(['summary', 'flares', 'notes']);
    expect(textOf(blocksOf(model, 'notes'))).toContain(NOTE_MARKER);
  });

  it('leaves the notes out unless they are chosen', () => {
    const model = buildReportModel(fullReportInput(90));
    expect(model.sections.map((s) => s.id)).not.toContain('notes');
    expect(JSON.stringify(model)).not.toContain(NOTE_MARKER);
  });

  it('summarises the range: every local date, the check-ins and the change judged by the published rule', () => {
    const model = buildReportModel(fullReportInput(90));
    expect(model).toMatchObject({ from: '2026-04-02', to: '2026-06-30', days: 90, generated: '2026-07-01 10:30' });
    const summary = textOf(blocksOf(model, 'summary'));
    expect(summary).toContain('Days with a check-in: 90 of 90 (90 check-ins)');
    // Fixture: the first 14 days alternate 6 and 7 (mean 6.5), the latest 14 alternate 3 and 4 (mean 3.5):
    // 3 points and 46 % less, which IMMPACT calls moderate (30 % or more, under 50 %).
    expect(summary).toContain('-3 points (46.2 % less), a moderate improvement');
    expect(summary).toContain('Flares started: 3');
    expect(summary).toContain('30 MME/day');
  });

  it('charts pain with the band of a clinically important improvement, and activity interference without one', () => {
    const charts = blocksOf(buildReportModel(fullReportInput(90)), 'trends').filter((b) => b.kind === 'line-chart');
    expect(charts).toHaveLength(2);
    const [pain, activity] = charts as Extract<ReportBlock, { kind: 'line-chart' }>[];
    expect(pain!.days).toHaveLength(90);
    // IMMPACT moderate: 30 % below the baseline of 6.5 is 4.55; the band reaches down to the scale's 0.
    expect(pain!.band).toMatchObject({ from: 0, to: 4.55 });
    expect(activity!.band).toBeNull();
  });

  it('lists the questions prepared for the visit ahead, with the answers written down', () => {
    const model = buildReportModel(fullReportInput(30));
    const blocks = blocksOf(model, 'visit-questions');
    expect(blocks[0]).toEqual({
      kind: 'text',
      text: 'Follow-up on 2026-07-08 with Riverside pain clinic. What matters most: Sleeping through the night',
    });
    expect(blocks[1]).toMatchObject({
      kind: 'table',
      columns: ['Question', 'Answer given'],
      rows: [
        ['How will we measure progress?', '–'],
        ['Can I keep swimming?', 'Yes, twice a week.'],
      ],
    });
  });

  it('says so when nothing was recorded, rather than leaving a section out', () => {
    const empty = {
      ...fullReportInput(30),
      entries: [],
      flares: [],
      responses: [],
      procedures: [],
      blockDiaries: [],
      carePlan: null,
      medicines: null,
      visits: [],
    };
    const model = buildReportModel(empty);
    expect(model.sections).toHaveLength(DEFAULT_REPORT_SECTIONS.length);
    expect(textOf(blocksOf(model, 'flares'))).toBe('No flares were recorded in this period.');
    expect(textOf(blocksOf(model, 'visit-questions'))).toBe('None recorded.');
    expect(textOf(blocksOf(model, 'care-plan'))).toBe('No care plan has been written.');
  });

  it('reads block-diary relief against the baseline: 8 to 2 is 75 % at 30 minutes, 50 % or more until the 120-minute reading', () => {
    const text = textOf(blocksOf(buildReportModel(fullReportInput(90)), 'procedures'));
    expect(text).toContain('Medial branch block');
    expect(text).toContain('peak 75 % at 30 min; 50 % or more for 1 h 30 min observed');
  });
});
