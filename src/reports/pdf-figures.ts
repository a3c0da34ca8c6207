// The report's figures as vector drawings (paths, not images), so they print sharply and stay small:
// a day-by-day line chart with weekly means, the baseline and latest periods and the band of a
// clinically important improvement; and the body map, front and back, each region shaded by the share
// of days it was marked.
import type PDFDocument from 'pdfkit';
import { FIGURE_SIZE, regionsInView, type BodyView } from '../domain/diary/body-map.ts';
import { differenceInCalendarDays } from '../domain/time/local-date.ts';
import { pdfText } from './pdf-text.ts';
import type { ReportBlock } from './report-types.ts';

type Doc = InstanceType<typeof PDFDocument>;
type LineChart = Extract<ReportBlock, { kind: 'line-chart' }>;
type BodyMap = Extract<ReportBlock, { kind: 'body-map' }>;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const AXIS_LABEL = 7;
const TITLE_HEIGHT = 11;
const LEFT_AXIS = 18;
const BOTTOM_AXIS = 10;

export function drawLineChart(doc: Doc, box: Box, chart: LineChart): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(AXIS_LABEL + 0.5)
    .fillColor('#000');
  doc.text(pdfText(chart.title), box.x, box.y, { width: box.w, lineBreak: false });
  const plot: Box = { x: box.x + LEFT_AXIS, y: box.y + TITLE_HEIGHT, w: box.w - LEFT_AXIS, h: box.h - TITLE_HEIGHT - BOTTOM_AXIS };
  const span = Math.max(1, differenceInCalendarDays(chart.to, chart.from));
  const xOfIndex = (i: number) => plot.x + (i / span) * plot.w;
  const xOfDate = (d: string) => xOfIndex(differenceInCalendarDays(d as never, chart.from));
  const { min, max } = chart.scale;
  const yOf = (v: number) => plot.y + plot.h - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plot.h;

  if (chart.band) {
    const top = yOf(chart.band.to);
    const bottom = yOf(chart.band.from);
    doc
      .save()
      .rect(plot.x, Math.min(top, bottom), plot.w, Math.abs(bottom - top))
      .fillOpacity(0.18)
      .fill('#2e8b57')
      .restore();
  }
  // Axes and the scale's ends and middle.
  doc.lineWidth(0.4).strokeColor('#777');
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(AXIS_LABEL - 0.5)
    .fillColor('#333');
  for (const v of [min, (min + max) / 2, max]) {
    doc.text(String(v), box.x, yOf(v) - 3, { width: LEFT_AXIS - 3, align: 'right', lineBreak: false });
    doc
      .save()
      .moveTo(plot.x, yOf(v))
      .lineTo(plot.x + plot.w, yOf(v))
      .lineWidth(0.2)
      .strokeColor('#ddd')
      .stroke()
      .restore();
  }
  doc.text(chart.from, plot.x, plot.y + plot.h + 2, { lineBreak: false });
  doc.text(chart.to, plot.x + plot.w - 40, plot.y + plot.h + 2, { width: 40, align: 'right', lineBreak: false });

  // Day values: a thin line broken where a day has none, and a dot on each day that has one.
  doc.lineWidth(0.5).strokeColor('#6a8caf');
  let drawing = false;
  chart.days.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    if (drawing) doc.lineTo(xOfIndex(i), yOf(v));
    else doc.moveTo(xOfIndex(i), yOf(v));
    drawing = true;
  });
  doc.stroke();
  doc.fillColor('#6a8caf');
  chart.days.forEach((v, i) => {
    if (v !== null) doc.circle(xOfIndex(i), yOf(v), 0.9).fill();
  });

  // Weekly means, thicker, at each week's middle.
  doc.lineWidth(1.4).strokeColor('#1f3f66');
  drawing = false;
  for (const week of chart.weeks) {
    if (week.value === null) {
      drawing = false;
      continue;
    }
    const x = (xOfDate(week.from) + xOfDate(week.to)) / 2;
    if (drawing) doc.lineTo(x, yOf(week.value));
    else doc.moveTo(x, yOf(week.value));
    drawing = true;
  }
  doc.stroke();

  // The baseline and the latest 14 days, each as a dashed level over its days.
  for (const [period, colour] of [
    [chart.baseline, '#8b4513'],
    [chart.latest, '#000000'],
  ] as const) {
    if (!period || period.mean === null) continue;
    const y = yOf(period.mean);
    doc
      .save()
      .moveTo(Math.max(plot.x, xOfDate(period.from)), y)
      .lineTo(Math.min(plot.x + plot.w, xOfDate(period.to)), y)
      .lineWidth(1)
      .dash(2, { space: 1.5 })
      .strokeColor(colour)
      .stroke()
      .restore();
  }
  if (chart.band) {
    doc
      .font('Helvetica')
      .fontSize(AXIS_LABEL - 1)
      .fillColor('#1e5c3a');
    doc.text(pdfText(chart.band.label), plot.x + 3, plot.y + 1, { width: plot.w - 6, height: 8, lineBreak: false, ellipsis: true });
  }
  doc.fillColor('#000');
}

const VIEWS: readonly BodyView[] = ['front', 'back'];

export function drawBodyMap(doc: Doc, box: Box, map: BodyMap): void {
  const scale = (box.h - 10) / FIGURE_SIZE.height;
  const figureWidth = FIGURE_SIZE.width * scale;
  const daysBy = new Map(map.regions.map((r) => [r.code, r.days]));
  const total = Math.max(1, map.daysWithEntries);
  VIEWS.forEach((view, n) => {
    const x0 = box.x + n * (figureWidth + 16);
    doc.font('Helvetica').fontSize(AXIS_LABEL).fillColor('#333');
    doc.text(view === 'front' ? 'Front' : 'Back', x0, box.y, { width: figureWidth, align: 'center', lineBreak: false });
    const y0 = box.y + 10;
    for (const { region, box: r } of regionsInView(view)) {
      const days = daysBy.get(region.code) ?? 0;
      const share = days / total;
      const rect = doc.roundedRect(x0 + r.x * scale, y0 + r.y * scale, r.w * scale, r.h * scale, 1.5);
      if (days > 0) rect.fillOpacity(0.15 + 0.85 * share).fillAndStroke('#b22222', '#666');
      else rect.fillOpacity(1).fillAndStroke('#f4f4f4', '#999');
    }
    doc.fillOpacity(1);
  });
  // The key, beside the figures.
  const kx = box.x + 2 * (figureWidth + 16);
  doc.font('Helvetica').fontSize(AXIS_LABEL).fillColor('#333');
  doc.text(pdfText(`Darker: marked on more of the ${map.daysWithEntries} days with a check-in.`), kx, box.y + box.h - 12, {
    width: box.w - (kx - box.x),
    lineBreak: false,
  });
  doc.fillColor('#000');
}
