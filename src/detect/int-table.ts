// A map of small integers to small integers in typed arrays, for lookups made at every word of a message.

export interface EncodedIntTable {
  keys: Int32Array;
  values: Int32Array;
}

/** A map of small non-negative integers to non-negative integers in two typed arrays, found by open
 * addressing: no boxed numbers and no hashing by the engine, for the lookups made at every token. */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** Room for `capacity` keys, or the table `encode()` gave. */
  constructor(capacity: number | EncodedIntTable) {
    if (typeof capacity === 'number') {
      const bits = Math.max(4, Math.ceil(Math.log2(capacity * 2 + 1)));
      this.keys = new Int32Array(2 ** bits).fill(-1);
      this.values = new Int32Array(2 ** bits);
    } else ({ keys: this.keys, values: this.values } = capacity);
    const bits = Math.log2(this.keys.length);
    this.shift = 32 - bits;
    this.mask = 2 ** bits - 1;
  }

  /** Its two arrays, to write out and read back with `new IntTable(encoded)`. */
  encode(): EncodedIntTable {
    return { keys: this.keys, values: this.values };
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & this.mask) {
      const found = this.keys[i]!;
      if (found === key) return this.values[i]!;
      if (found === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & this.mask;
    this.keys[i] = key;
    this.values[i] = value;
  }
}
