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
    const key = digest === 0 ? 1 : digest;
    const mask = this.slots.length - 1;
    for (let i = start(key, mask); ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === key) return true;
      if (slot === 0) return false;
    }
  }

  add(digest: number): void {
    const key = digest === 0 ? 1 : digest;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    if (place(this.slots, key)) this.count += 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) place(this.slots, key);
  }
}

/** Digests are uniform: their low bits pick the first slot to try. */
const start = (key: number, mask: number): number => (key % 0x100000000) & mask;

/** Puts a key in the first free slot from its own; false when it was there already. */
function place(slots: Float64Array, key: number): boolean {
  const mask = slots.length - 1;
  for (let i = start(key, mask); ; i = (i + 1) & mask) {
    if (slots[i] === key) return false;
    if (slots[i] === 0) {
      slots[i] = key;
      return true;
    }
  }
}
