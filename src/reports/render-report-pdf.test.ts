// The PDF read back with poppler: what a screen reader and copy-paste get (real text, tagged, titled),
// vector figures (no raster image inside), and a quarter of daily check-ins on at most two pages.
import { describe, expect, it } from 'vitest';
import { pdfImageCount, pdfInfo, pdfToText } from '../../test/support/pdf-reader.ts';
import { crowdedReportInput, fullReportInput, NOTE_MARKER } from '../../test/support/report-fixture.ts';
import { buildReportModel } from './report-model.ts';
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTION_HEADINGS, REPORT_SECTIONS } from './report-sections.ts';
import { renderReportPdf } from './render-report-pdf.ts';
import { renderFittedReportPdf } from './report-pdf.ts';

async function render(days: number, sections = DEFAULT_REPORT_SECTIONS) {
  const input = fullReportInput(days, sections);
  return (await renderReportPdf(buildReportModel(input), { generatedAt: input.generatedAt })).pdf;
}

describe('the report as a PDF', () => {
  it('fits 90 days of daily check-ins and every default section on two tagged pages of real text', async () => {
    const pdf = await render(90);
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Pain report for Alex Example, 2026-04-02 to 2026-06-30');
    expect(info['PDF version']).toBe('1.7');
    expect(Number(info.Pages)).toBeLessThanOrEqual(2);
    const text = pdfToText(pdf);
    for (const id of DEFAULT_REPORT_SECTIONS) expect(text).toContain(REPORT_SECTION_HEADINGS[id]);
    expect(text).toContain('90 of 90 (90 check-ins)');
    expect(text).toContain('-3 points (46.2 % less), a moderate improvement');
    expect(text).toContain('30 MME/day');
    expect(text).toContain('Follow-up on 2026-07-08 with Riverside pain clinic.');
    expect(text).toContain('Can I keep swimming?');
    expect(text).not.toContain(NOTE_MARKER);
    expect(text).not.toContain(REPORT_SECTION_HEADINGS.notes);
  });

  it('numbers every page and dates it', async () => {
    const text = pdfToText(await render(90));
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text.match(/made 2026-07-01 10:30/g)).toHaveLength(2);
  });

  it('draws its charts and the body map as vectors, not images', async () => {
    expect(pdfImageCount(await render(90))).toBe(0);
  });

  it('shows the notes only when they are chosen', async () => {
    const text = pdfToText(await render(90, REPORT_SECTIONS));
    expect(text).toContain(REPORT_SECTION_HEADINGS.notes);
    expect(text).toContain(NOTE_MARKER);
  });

  it('draws a year as readily as a quarter', async () => {
    const info = pdfInfo(await render(366));
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeLessThanOrEqual(2);
  });

  it('keeps a full record to two pages by showing fewer items per list, and says how many were left out', async () => {
    const input = crowdedReportInput();
    const full = await renderReportPdf(buildReportModel(input), { generatedAt: input.generatedAt });
    expect(full.pages).toBeGreaterThan(2);
    const fitted = await renderFittedReportPdf(input);
    expect(fitted.density).not.toBe('full');
    expect(fitted.pages).toBeLessThanOrEqual(2);
    expect(Number(pdfInfo(fitted.pdf).Pages)).toBe(fitted.pages);
    const text = pdfToText(fitted.pdf);
    for (const id of DEFAULT_REPORT_SECTIONS) expect(text).toContain(REPORT_SECTION_HEADINGS[id]);
    expect(text).toMatch(/\d+ more flares not shown\./);
  });

  it('keeps an ordinary record at its fullest', async () => {
    expect((await renderFittedReportPdf(fullReportInput(90))).density).toBe('full');
  });
});
