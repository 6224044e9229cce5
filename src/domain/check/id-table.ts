/**
 * Finding the first record of an ID number among a million, fast: the index the duplicate and look-up rules share.
 */
/** Looks up the first record of an 18-character ID. */
export interface IdLookup {
  get(id: string): number | undefined;
}

const X = 88; // 'X'

/**
 * 18-character IDs → the first record index, in an open-addressing hash table on typed arrays. An ID is two
 * integers (digits 1–9, and digits 10–17 with the check character), so a million IDs cost three typed arrays
 * instead of a million Map entries: the roll's index is built several times faster and with far less garbage.
 * Anything not shaped like a normalised ID (17 digits, then a digit or X) goes to a plain Map.
 */
export class IdTable implements IdLookup {
  private hi: Int32Array;
  private lo: Int32Array;
  /** Record index + 1; 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private size = 0;
  private odd: Map<string, number> | null = null;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  // The two integers of the ID last split (kept in fields: no allocation per look-up).
  private splitHi = 0;
  private splitLo = 0;

  /** Splits a normalised ID into splitHi/splitLo; false when `id` is not one. */
  private split(id: string): boolean {
    if (id.length !== 18) return false;
    let hi = 0;
    let lo = 0;
    for (let k = 0; k < 17; k++) {
      const d = id.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return false;
      if (k < 9) hi = hi * 10 + d;
      else lo = lo * 10 + d;
    }
    const c = id.charCodeAt(17);
    const check = c === X ? 10 : c - 48;
    if (check < 0 || check > 10) return false;
    this.splitHi = hi;
    this.splitLo = lo * 11 + check;
    return true;
  }

  private slotOf(hi: number, lo: number): number {
    let h = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo ^ (lo >>> 15), 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 13)) & this.mask;
    while (this.slots[h] !== 0 && (this.hi[h] !== hi || this.lo[h] !== lo)) h = (h + 1) & this.mask;
    return h;
  }

  /** Records `i` as the first record of `id` unless it has one; returns the earlier first record, or -1. */
  addFirst(id: string, i: number): number {
    if (!this.split(id)) {
      this.odd ??= new Map();
      const first = this.odd.get(id);
      if (first !== undefined) return first;
      this.odd.set(id, i);
      return -1;
    }
    const h = this.slotOf(this.splitHi, this.splitLo);
    if (this.slots[h] !== 0) return this.slots[h] - 1;
    this.hi[h] = this.splitHi;
    this.lo[h] = this.splitLo;
    this.slots[h] = i + 1;
    if (++this.size * 2 > this.slots.length) this.grow();
    return -1;
  }

  get(id: string): number | undefined {
    if (!this.split(id)) return this.odd?.get(id);
    const h = this.slotOf(this.splitHi, this.splitLo);
    return this.slots[h] === 0 ? undefined : this.slots[h] - 1;
  }

  private grow(): void {
    const { hi, lo, slots } = this;
    this.hi = new Int32Array(slots.length * 2);
    this.lo = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === 0) continue;
      const h = this.slotOf(hi[k], lo[k]);
      this.hi[h] = hi[k];
      this.lo[h] = lo[k];
      this.slots[h] = slots[k];
    }
  }
}
