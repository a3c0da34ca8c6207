// Human-typable codes (clinic share codes): Crockford-style alphabet without 0/O/1/I/L/U, so a code
// read aloud or typed from paper is hard to get wrong. Grouped as PW-XXXXX-XXXXX (10 symbols, ~48 bits).
import type { Ids } from './ports.ts';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newShareCode(ids: Ids): string {
  const bytes = Buffer.from(ids.newSecret(16), 'base64url');
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i]! % ALPHABET.length];
  return `PW-${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Accepts lower case, spaces and missing dashes: `pw abcde fghjk` → `PW-ABCDE-FGHJK`. */
export function normalizeShareCode(input: string): string {
  const raw = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/^PW/, '');
  return raw.length === 10 ? `PW-${raw.slice(0, 5)}-${raw.slice(5)}` : input.trim().toUpperCase();
}
