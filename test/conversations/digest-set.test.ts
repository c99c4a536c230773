// The flat digest set answers as a Set of numbers would, through growth and collisions.
import { describe, expect, it } from 'vitest';
import { DigestSet } from '../../src/conversations/digest-set.js';
import { seededRandom } from '../../src/seeded-random.js';

describe('DigestSet', () => {
  it('holds what a Set holds, through growth, keys that share their low bits, and zero', () => {
    const random = seededRandom(7);
    const flat = new DigestSet(4);
    const set = new Set<number>();
    const keys: number[] = [0, 1, 2 ** 40, 2 ** 40 + 2 ** 33];
    for (let i = 0; i < 20_000; i++) keys.push(Math.floor(random() * 2 ** 52));
    // Same low 32 bits, different high bits: the same first slot.
    for (let i = 1; i < 50; i++) keys.push(i * 2 ** 32 + 12345);
    for (const key of keys) {
      expect(flat.has(key)).toBe(set.has(key === 0 ? 1 : key));
      flat.add(key);
      set.add(key === 0 ? 1 : key);
    }
    expect(flat.size).toBe(set.size);
    for (const key of keys) expect(flat.has(key)).toBe(true);
    for (let i = 0; i < 1000; i++) {
      const key = Math.floor(random() * 2 ** 52) + 0.5;
      expect(flat.has(key)).toBe(false);
    }
  });
});
