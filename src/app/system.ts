// Real implementations of the Clock, Ids and PasswordHasher ports, chosen by api/main.ts and cli/main.ts.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import type { Clock, Ids, PasswordHasher } from './ports.ts';

export const systemClock: Clock = { now: () => new Date() };

// Random bytes are drawn from the CSPRNG a few kilobytes at a time: one call per id costs more than the id.
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

function pooledRandomBytes(n: number): Uint8Array {
  if (randomOffset + n > randomPool.length) {
    randomPool = crypto.randomBytes(RANDOM_POOL_BYTES);
    randomOffset = 0;
  }
  const bytes = randomPool.subarray(randomOffset, randomOffset + n);
  randomOffset += n;
  return bytes;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, a 12-bit sequence (rand_a used as a counter,
 * §6.2 method 1) so ids made in the same millisecond still sort in creation order, then random bits.
 */
export function uuidv7(nowMs: number, sequence: number, random: Uint8Array = pooledRandomBytes(8)): string {
  const b = new Uint8Array(16);
  let ms = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | ((sequence >> 8) & 0x0f);
  b[7] = sequence & 0xff;
  b.set(random.subarray(0, 8), 8);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = (i: number) => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

export function systemIds(clock: Clock = systemClock): Ids {
  let lastMs = -1;
  let sequence = 0;
  return {
    newId: () => {
      const now = clock.now().getTime();
      if (now > lastMs) {
        lastMs = now;
        sequence = 0;
      } else if (++sequence > 0xfff) {
        // More than 4096 ids in one millisecond (or the clock stepped back): borrow the next millisecond.
        lastMs += 1;
        sequence = 0;
      }
      return uuidv7(lastMs, sequence);
    },
    newSecret: (bytes) => crypto.randomBytes(bytes).toString('base64url'),
  };
}

export function sha256(text: string): string {
  // The one-shot form: half the cost of createHash().update().digest(), on every authenticated request.
  return crypto.hash('sha256', text, 'base64url');
}

/** SHA-256 as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return crypto.hash('sha256', text, 'hex');
}

// OWASP Password Storage Cheat Sheet, argon2id minimum: m = 19 MiB, t = 2, p = 1.
export const ARGON2_OWASP = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;
export type Argon2Params = { readonly memory: number; readonly passes: number; readonly parallelism: number; readonly tagLength: number };

type Argon2 = (algorithm: string, params: Record<string, unknown>, cb: (err: Error | null, key: Buffer) => void) => void;

export function argon2idHasher(ARGON2: Argon2Params = ARGON2_OWASP): PasswordHasher {
  const native = (crypto as unknown as { argon2?: Argon2 }).argon2;
  if (!native)
    throw new Error('Painwise needs Node.js 24.7 or later for argon2id password hashing (npm ci installs it; run through npm run / npx).');
  const argon2 = promisify(native) as (algorithm: string, params: Record<string, unknown>) => Promise<Buffer>;
  const derive = (password: string, nonce: Buffer) => argon2('argon2id', { message: password, nonce, ...ARGON2 });
  return {
    async hash(password) {
      const nonce = crypto.randomBytes(16);
      const tag = await derive(password, nonce);
      // PHC string format, as other argon2 libraries write it.
      return `$argon2id$v=19$m=${ARGON2.memory},t=${ARGON2.passes},p=${ARGON2.parallelism}$${nonce.toString('base64url')}$${tag.toString('base64url')}`;
    },
    async verify(hash, password) {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(hash);
      if (!m) return false;
      const nonce = Buffer.from(m[4]!, 'base64url');
      const expected = Buffer.from(m[5]!, 'base64url');
      const tag = await argon2('argon2id', {
        message: password,
        nonce,
        memory: Number(m[1]),
        passes: Number(m[2]),
        parallelism: Number(m[3]),
        tagLength: expected.length,
      });
      return tag.length === expected.length && crypto.timingSafeEqual(tag, expected);
    },
  };
}
