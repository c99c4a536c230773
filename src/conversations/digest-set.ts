// A set of 52-bit digests in one flat array (8 bytes a slot, at most half of them full) instead of a Set of
// numbers (about 37 bytes a number, on the JavaScript heap, which the heap keeper then lets grow by as much
// again): the repeat filter remembers hundreds of thousands of them.

export class DigestSet {
  private slots: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.slots = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(digest: number): boolean {
    const key = asKey(digest);
    return this.slots[probe(this.slots, key)] === key;
  }

  add(digest: number): void {
    const key = asKey(digest);
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const at = probe(this.slots, key);
    if (this.slots[at] === key) return;
    this.slots[at] = key;
    this.count += 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) this.slots[probe(this.slots, key)] = key;
  }
}

/** 0 marks an empty slot, so a digest of 0 is kept as 1. */
const asKey = (digest: number): number => (digest === 0 ? 1 : digest);

/** The slot holding the key, or the empty one where it goes: digests are uniform, so their low bits pick the
 * first slot to try, and the next ones follow. */
function probe(slots: Float64Array, key: number): number {
  const mask = slots.length - 1;
  let i = (key % 0x100000000) & mask;
  while (slots[i] !== key && slots[i] !== 0) i = (i + 1) & mask;
  return i;
}
