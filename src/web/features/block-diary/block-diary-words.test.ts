import { describe, expect, it } from 'vitest';
import { momentInWords } from './block-diary-words.ts';

describe('a moment in words', () => {
  const now = new Date('2026-05-30T10:00:00Z');
  it("gives only the time on the same day in the diary's zone, else the date too", () => {
    const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
      new Date('2026-05-30T08:30:00Z'),
    );
    expect(momentInWords('2026-05-30T08:30:00Z', 'Europe/Berlin', now)).toBe(time);
    const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
      new Date('2026-05-29T21:30:00Z'),
    );
    expect(momentInWords('2026-05-29T21:30:00Z', 'Europe/Berlin', now)).toBe(dateTime);
  });
  it('keeps zones apart when the formats are reused', () => {
    // 23:30 UTC on the 29th is the 30th in Tokyo (as is now) but the 29th in New York (where now is the 30th).
    const iso = '2026-05-29T23:30:00Z';
    expect(momentInWords(iso, 'Asia/Tokyo', now)).toBe(
      new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(iso)),
    );
    expect(momentInWords(iso, 'America/New_York', now)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' }).format(new Date(iso)),
    );
    expect(momentInWords(iso, 'Asia/Tokyo', now)).not.toBe(momentInWords(iso, 'America/New_York', now));
  });
});
