// A small seeded random stream for the simulations that validate the statistics: the same seed gives
// the same simulated people on every machine, so a test's figures are reproducible.
//
// sfc32 (Chris Doty-Humphrey's "small fast counter", PractRand) for uniform numbers; normal deviates
// by the Box–Muller transform (Box GEP, Muller ME. Ann Math Stat 1958;29:610–1).

export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

export function seededRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // The first outputs still show the seed's bits; the generator's author advises discarding some.
  for (let i = 0; i < 15; i++) next();
  let spare = Number.NaN;
  return {
    uniform: next,
    normal() {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = Number.NaN;
        return z;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}
