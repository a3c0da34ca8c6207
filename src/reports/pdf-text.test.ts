import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';

describe('text for the standard PDF font', () => {
  it('keeps Latin-1 and the typographic marks the font encodes', () => {
    expect(pdfText('Zoë Müller – “fine” … 2×/day • 5 %')).toBe('Zoë Müller – “fine” … 2×/day • 5 %');
  });
  it('spells signs the font lacks in ASCII, and marks the rest rather than writing wrong letters', () => {
    expect(pdfText('≥ 30 %, −2 → better')).toBe('>= 30 %, -2 -> better');
    expect(pdfText('痛み')).toBe('??');
  });
});
