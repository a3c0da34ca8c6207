// Client-generated UUIDv7 ids (RFC 9562 §5.7) for offline-first writes: time-ordered, random enough
// that two devices never collide, and known before the server has seen the entry.
let lastMs = -1;
let sequence = 0;

export function newClientId(nowMs = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const b = new Uint8Array(16);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  const random = crypto.getRandomValues(new Uint8Array(8));
  b[6] = 0x70 | ((sequence >> 8) & 0x0f);
  b[7] = sequence & 0xff;
  b.set(random, 8);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
