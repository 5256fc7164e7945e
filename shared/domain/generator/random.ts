/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so a portfolio is
 * the same, byte for byte, for the same seed on every machine and JavaScript engine. Only integer
 * and exactly-rounded arithmetic is used. It is not for anything secret.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform whole number in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weights (non-negative, not all zero). */
  weighted<T>(items: readonly (readonly [item: T, weight: number])[]): T;
  /** `count` distinct items in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4-shaped UUID from the stream. */
  uuid(): string;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const uuidCodes: number[] = new Array<number>(36).fill(48);

export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed ${seed} must be a whole number`);
  // Fold the high bits in so seeds above 2^32 still differ.
  const seeder = splitmix32((seed ^ Math.floor(seed / 0x1_0000_0000)) >>> 0);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();

  function nextUint32(): number {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  }
  for (let i = 0; i < 12; i += 1) nextUint32();

  const next = () => nextUint32() / 0x1_0000_0000;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    // The index is within bounds, so the element exists.
    return items[int(0, items.length - 1)] as T;
  }

  function shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      const held = out[i] as T;
      out[i] = out[j] as T;
      out[j] = held;
    }
    return out;
  }

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted(items) {
      let total = 0;
      for (const [, weight] of items) total += Math.max(0, weight);
      let roll = next() * total;
      let chosen: (typeof items)[number] | undefined;
      for (const entry of items) {
        if (!(entry[1] > 0)) continue;
        chosen = entry;
        roll -= entry[1];
        if (roll < 0) break;
      }
      if (chosen === undefined) throw new RangeError('Weights must not all be zero');
      return chosen[0];
    },
    sample(items, count) {
      return shuffle(items).slice(0, Math.max(0, count));
    },
    shuffle,
    uuid() {
      // Written as character codes into one buffer: hundreds of thousands of ids are made per
      // portfolio, and this builds each as one flat string instead of a rope of pieces.
      let p = 0;
      for (let w = 0; w < 4; w += 1) {
        let word = nextUint32();
        if (w === 1) word = ((word & 0xffff0fff) | 0x00004000) >>> 0; // version 4
        if (w === 2) word = ((word & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
        for (let shift = 28; shift >= 0; shift -= 4) {
          if (p === 8 || p === 13 || p === 18 || p === 23) uuidCodes[p++] = 45; // '-'
          uuidCodes[p++] = HEX_CODES[(word >>> shift) & 15] ?? 48;
        }
      }
      return String.fromCharCode(...uuidCodes);
    },
  };
}
