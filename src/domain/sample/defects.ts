/**
 * Which rows of the sample carry which planted defect, and the small transformations that plant them on an
 * ID (wrong check character, one mistyped digit, full-width digits). The plan is drawn before any row is
 * generated, so the rows can then be produced one at a time (1,000,000 rows need not be held in memory).
 */
import { Random } from './random';

export type SlotKind =
  | 'dupSource' // first registration of a person registered twice under the same ID
  | 'dupCopy' // the second registration (same ID), in the same district or another one
  | 'posSource' // a person who is also registered a second time with a mistyped ID
  | 'posCopy' // that second registration: homophone or identical name, one ID digit changed
  | 'checksum' // ID with a wrong check character
  | 'precision' // ID stored as a number (last digits lost)
  | 'underage' // under 18 on election day
  | 'blankName'
  | 'blankId'
  | 'lowerX' // check character typed as a lower-case x
  | 'fullWidth' // ID typed with full-width digits
  | 'sexMismatch' // 性别 says 女, the ID says male
  | 'ineligible' // on the list of people deprived of political rights
  | 'exact18' // NOT a defect: turns 18 on election day
  | 'feb29Adult'; // NOT a defect: born on 29 February and 18 or older on election day

export interface Slot {
  kind: SlotKind;
  /** For copies: the global index of the first registration. */
  source?: number;
  /** For dupCopy: the copy is in another district. */
  cross?: boolean;
  /** For posCopy: the name is identical instead of a homophone. */
  identicalName?: boolean;
  /** For posSource: the name must have a character with a homophone. */
  needsHomophone?: boolean;
  /** For underage: the day after turning-18 edge, the 29-February edge, or any 17-year-old. */
  variant?: 'dayAfter' | 'feb29' | 'random';
}

export type RegisterExtra = 'missing' | 'excluded';

export interface DefectPlan {
  /** By global roll index (0-based, across all districts in order). */
  slots: Map<number, Slot>;
  /** Register-only people inserted after the roll person of that global index. */
  registerExtras: Map<number, RegisterExtra[]>;
}

export interface DistrictSpan {
  /** Global index of the district's first roll row. */
  start: number;
  count: number;
}

/** How many of each defect to plant: about 5 per 1,000 rows, at least one. */
export function defectCount(rows: number): number {
  return Math.max(1, Math.round(rows * 0.005));
}

class SlotPicker {
  readonly slots = new Map<number, Slot>();
  constructor(private readonly rng: Random) {}

  /** A free index in [lo, hi), or -1 when there is none. */
  free(lo: number, hi: number): number {
    if (hi <= lo) return -1;
    for (let i = 0; i < 64; i++) {
      const g = this.rng.int(lo, hi - 1);
      if (!this.slots.has(g)) return g;
    }
    const start = this.rng.int(lo, hi - 1);
    for (let i = 0; i < hi - lo; i++) {
      const g = lo + ((start - lo + i) % (hi - lo));
      if (!this.slots.has(g)) return g;
    }
    return -1;
  }

  put(g: number, slot: Slot): boolean {
    if (g < 0) return false;
    this.slots.set(g, slot);
    return true;
  }

  /** Two free rows: the earlier becomes the source, the later the copy. */
  pair(loA: number, hiA: number, loB: number, hiB: number, source: Slot, copy: (s: number) => Slot): boolean {
    const a = this.free(loA, hiA);
    if (a < 0) return false;
    this.slots.set(a, source);
    const b = this.free(loB, hiB);
    if (b < 0) {
      this.slots.delete(a);
      return false;
    }
    const [s, c] = a < b ? [a, b] : [b, a];
    this.slots.set(s, source);
    this.slots.set(c, copy(s));
    return true;
  }
}

/**
 * Draws the plan. `coveredRows` is how many roll rows (from the start) the population register covers:
 * people missing from the roll and excluded people are placed among them.
 */
export function planDefects(rng: Random, districts: DistrictSpan[], coveredRows: number, plant: boolean): DefectPlan {
  const total = districts.reduce((n, d) => n + d.count, 0);
  const picker = new SlotPicker(rng);
  const registerExtras = new Map<number, RegisterExtra[]>();
  const addExtra = (kind: RegisterExtra) => {
    const g = rng.int(0, coveredRows - 1);
    const list = registerExtras.get(g) ?? [];
    list.push(kind);
    registerExtras.set(g, list);
  };

  // Edge cases that are not defects, in every sample.
  picker.put(picker.free(0, total), { kind: 'exact18' });
  picker.put(picker.free(0, total), { kind: 'feb29Adult' });
  const excluded = Math.max(2, Math.round(defectCount(coveredRows) / 2));
  for (let i = 0; i < excluded; i++) addExtra('excluded');
  if (!plant) return { slots: picker.slots, registerExtras };

  const n = defectCount(total);
  const district = () => districts[rng.int(0, districts.length - 1)];
  for (let i = 0; i < n; i++) {
    const d = district();
    picker.pair(d.start, d.start + d.count, d.start, d.start + d.count, { kind: 'dupSource' }, (s) => ({ kind: 'dupCopy', source: s, cross: false }));
  }
  if (districts.length > 1) {
    for (let i = 0; i < n; i++) {
      let a = rng.int(0, districts.length - 1);
      let b = rng.int(0, districts.length - 2);
      if (b >= a) b++;
      if (a > b) [a, b] = [b, a];
      const da = districts[a];
      const db = districts[b];
      picker.pair(da.start, da.start + da.count, db.start, db.start + db.count, { kind: 'dupSource' }, (s) => ({ kind: 'dupCopy', source: s, cross: true }));
    }
  }
  for (let i = 0; i < n; i++) {
    const d = district();
    const identical = i % 4 === 3; // most are homophones; every fourth is the very same name
    picker.pair(d.start, d.start + d.count, d.start, d.start + d.count, { kind: 'posSource', needsHomophone: !identical },
      (s) => ({ kind: 'posCopy', source: s, identicalName: identical }));
  }
  const singles: SlotKind[] = ['checksum', 'precision', 'blankName', 'blankId', 'lowerX', 'fullWidth', 'sexMismatch', 'ineligible'];
  for (const kind of singles) for (let i = 0; i < n; i++) picker.put(picker.free(0, total), { kind });
  const underage = Math.max(2, n);
  for (let i = 0; i < underage; i++) {
    picker.put(picker.free(0, total), { kind: 'underage', variant: i === 0 ? 'dayAfter' : i === 1 ? 'feb29' : 'random' });
  }
  const missing = defectCount(coveredRows);
  for (let i = 0; i < missing; i++) addExtra('missing');
  return { slots: picker.slots, registerExtras };
}

const CHECK_CHARS = '0123456789X';

/** The ID with a different (wrong) check character. */
export function withWrongCheck(id: string, rng: Random): string {
  const others = CHECK_CHARS.split('').filter((c) => c !== id[17]);
  return id.slice(0, 17) + rng.pick(others);
}

/**
 * The ID with one digit of the sequence number mistyped (position 15 or 16, 1-based), which keeps the region,
 * the birth date and the sex digit and so looks like the same person; the check character no longer fits.
 */
export function withMistypedDigit(id: string, rng: Random): { id: string; position: number } {
  const at = rng.int(14, 15);
  const old = Number(id[at]);
  const digit = (old + rng.int(1, 9)) % 10;
  return { id: id.slice(0, at) + digit + id.slice(at + 1), position: at + 1 };
}

/** Digits and X as full-width characters (０-９, Ｘ), as typed with a Chinese input method in full-width mode. */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out += c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : ch;
  }
  return out;
}
