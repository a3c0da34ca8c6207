// A PDF read back with poppler (pdftotext, pdfinfo, pdfimages), as a reader or a screen reader would
// get at it: the text in reading order, the document's properties, and any raster images inside.
import { execFileSync } from 'node:child_process';

export function pdfToText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

/** pdfinfo's "Key: value" lines (Title, Tagged, Pages, PDF version …). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** How many raster images the PDF holds (pdfimages -list prints two header lines, then one per image). */
export function pdfImageCount(pdf: Uint8Array): number {
  const out = execFileSync('pdfimages', ['-list', '-'], { input: pdf, encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim() !== '').length - 2;
}
