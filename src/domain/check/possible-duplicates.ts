/**
 * POSSIBLE_DUPLICATE: likely the same person registered twice under different IDs or names.
 *
 * Never all pairs. Candidate pairs come from two blocking steps:
 * 1. ID near-misses. The ID check character (ISO 7064 MOD 11-2) catches every single-digit error and every
 *    adjacent transposition, so when two IDs are one digit or one swap apart, at least one of them has a wrong
 *    check character. Only those IDs are expanded: each single-digit change and each adjacent swap that gives a
 *    valid check character, and the corrected check character, are looked up in the index of all IDs.
 * 2. Rows without a usable ID (blank, malformed, digits lost to a number cell): blocked by birth date (from the
 *    出生日期 column, or the trustworthy first 15 digits of a lost ID) and compared with every row of that block
 *    whose name has the same length; a lost ID is matched to an ID with the same first 15 digits.
 *
 * Each candidate pair is scored (0–1) from evidence that must agree together — name, birth date, sex, ID and
 * address — and reported from DEFAULT_THRESHOLD. A name match is required. Weights:
 *   name: same 0.35, homophone 0.30, one character apart 0.20;  birth date same 0.20;  sex same 0.05, differs −0.20;
 *   ID: one digit / one swap apart 0.35, same first 15 digits of a lost ID 0.30, one side without ID 0,
 *       both present and otherwise different −0.30;  address: same 0.20, different −0.15, unknown 0.
 * So two 张伟 born on the same day with unrelated IDs (0.30) or with one ID missing and different addresses
 * (0.45) are not reported, while 李晓艳/李小艳 with the same birth date and IDs one digit apart (≥ 0.75) are;
 * a row without an ID is reported with an identical name, birth date and address (0.80).
 */
import { Finding } from '../common/finding';
import { CHECK_CHARS, CHECK_WEIGHTS as WEIGHTS, checkCharacter } from '../id/resident-id';
import { columnOf, RollRecord } from '../roll/read-roll';
import { findingAt, listPlaces, refOf } from './finding-text';
import { compareNames } from './name-similarity';
import { RowFacts } from './row-facts';
import { IdLookup } from './id-table';

export const DEFAULT_THRESHOLD = 0.7;


export type IdRelation = 'one-digit' | 'transposed' | 'lost-prefix' | 'missing' | 'different';

export interface PairScore {
  score: number;
  reasons: string[];
}

const codes: number[] = new Array(18).fill(0);

function fromCodes(): string {
  return String.fromCharCode.apply(null, codes);
}

/**
 * IDs that differ from `id` (18 chars) in one digit and still have `id`'s check character, or only in the check
 * character. (The check character catches every single-digit error, so a valid ID one digit away from `id` has
 * `id`'s check character only when the changed digit is among the first 17.)
 */
export function oneDigitVariants(id: string): string[] {
  const out: string[] = [];
  let sum = 0;
  for (let i = 0; i < 18; i++) codes[i] = id.charCodeAt(i);
  for (let i = 0; i < 17; i++) sum += (codes[i] - 48) * WEIGHTS[i];
  const check = id[17];
  for (let pos = 0; pos < 17; pos++) {
    const orig = codes[pos] - 48;
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === orig) continue;
      const s = sum + (digit - orig) * WEIGHTS[pos];
      if (CHECK_CHARS[((s % 11) + 11) % 11] !== check) continue;
      codes[pos] = 48 + digit;
      out.push(fromCodes());
      codes[pos] = 48 + orig;
    }
  }
  const right = checkCharacter(id);
  if (right !== check) out.push(id.slice(0, 17) + right);
  return out;
}

/**
 * IDs with two adjacent characters of `id` swapped that have a valid check character (the only swaps that can
 * give another registration's correct ID).
 */
export function adjacentSwaps(id: string): string[] {
  const out: string[] = [];
  let sum = 0;
  for (let i = 0; i < 18; i++) codes[i] = id.charCodeAt(i);
  for (let i = 0; i < 17; i++) sum += (codes[i] - 48) * WEIGHTS[i];
  const check = id[17];
  for (let k = 0; k < 16; k++) {
    const x = codes[k];
    const y = codes[k + 1];
    if (x === y) continue;
    const s = sum + (y - x) * WEIGHTS[k] + (x - y) * WEIGHTS[k + 1];
    if (CHECK_CHARS[((s % 11) + 11) % 11] !== check) continue;
    codes[k] = y;
    codes[k + 1] = x;
    out.push(fromCodes());
    codes[k] = x;
    codes[k + 1] = y;
  }
  // Swapping the last digit with the check character.
  if (id[16] !== id[17] && id[17] !== 'X') {
    const swapped = id.slice(0, 16) + id[17] + id[16];
    if (checkCharacter(swapped) === swapped[17]) out.push(swapped);
  }
  return out;
}

function hamming1(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
  return diff === 1;
}

function transposed(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k < a.length - 1 && a[k] === b[k + 1] && a[k + 1] === b[k] && a.slice(k + 2) === b.slice(k + 2);
}

/** The 18 digits of an ID number whose digits were lost (only the first 15 are trustworthy), or null. */
export function lostIdDigits(cell: unknown): string | null {
  if (typeof cell !== 'number' || !(cell >= 1e17 && cell < 1e18)) return null;
  return BigInt(Math.round(cell)).toString();
}

function idRelation(a: RollRecord, fa: RowFacts, b: RollRecord, fb: RowFacts): IdRelation {
  if (fa.precisionLost && fb.precisionLost && a.idCell === b.idCell) return 'lost-prefix';
  if (fa.id18 && fb.id18) {
    if (hamming1(fa.id18, fb.id18)) return 'one-digit';
    if (transposed(fa.id18, fb.id18)) return 'transposed';
    return 'different';
  }
  const la = fa.precisionLost ? lostIdDigits(a.idCell) : null;
  const lb = fb.precisionLost ? lostIdDigits(b.idCell) : null;
  const pa = la ?? fa.id18;
  const pb = lb ?? fb.id18;
  if ((la || lb) && pa && pb && pa.slice(0, 15) === pb.slice(0, 15)) return 'lost-prefix';
  return 'missing';
}

function sameColumnBirth(a: RollRecord, b: RollRecord): boolean {
  return a.birthKey !== 0 && a.birthKey % 100 !== 0 && a.birthKey === b.birthKey;
}

const ADDRESS_NOISE = /[\s,，.。、\-—_#号]/g;

/** Scores a candidate pair; null when the names do not match at all. */
export function scorePair(a: RollRecord, fa: RowFacts, b: RollRecord, fb: RowFacts): PairScore | null {
  const name = compareNames(a.name, b.name);
  if (name === null) return null;
  const reasons: string[] = [];
  let score = 0;
  if (name === 'same') { score += 0.35; reasons.push('same-name'); }
  else if (name === 'homophone') { score += 0.3; reasons.push('homophone-name'); }
  else { score += 0.2; reasons.push('name-one-char-apart'); }

  const rel = idRelation(a, fa, b, fb);
  const sameBirth = (fa.birthKey !== 0 && fa.birthKey === fb.birthKey) || sameColumnBirth(a, b);
  if (sameBirth) { score += 0.2; reasons.push('same-birth-date'); }
  else if (rel !== 'one-digit' && rel !== 'transposed' && rel !== 'lost-prefix') return null;

  const sa = a.sex ?? fa.sex;
  const sb = b.sex ?? fb.sex;
  if (sa && sb) {
    if (sa === sb) { score += 0.05; reasons.push('same-sex'); }
    else score -= 0.2;
  }

  switch (rel) {
    case 'one-digit': score += 0.35; reasons.push('id-one-digit-apart'); break;
    case 'transposed': score += 0.35; reasons.push('id-adjacent-transposition'); break;
    case 'lost-prefix': score += 0.3; reasons.push('id-first-15-digits-same'); break;
    case 'missing': reasons.push('id-missing'); break;
    default: score -= 0.3;
  }

  if (a.address !== '' && b.address !== '') {
    if (a.address.replace(ADDRESS_NOISE, '') === b.address.replace(ADDRESS_NOISE, '')) { score += 0.2; reasons.push('same-address'); }
    else score -= 0.15;
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
}

const REASON_TEXT: Record<string, { zh: string; en: string }> = {
  'same-name': { zh: '姓名相同', en: 'same name' },
  'homophone-name': { zh: '姓名同音', en: 'names sound the same' },
  'name-one-char-apart': { zh: '姓名只差一个字', en: 'names one character apart' },
  'same-birth-date': { zh: '出生日期相同', en: 'same birth date' },
  'same-sex': { zh: '性别相同', en: 'same sex' },
  'id-one-digit-apart': { zh: '身份证号只差一位', en: 'IDs one digit apart' },
  'id-adjacent-transposition': { zh: '身份证号相邻两位颠倒', en: 'IDs differ by two swapped digits' },
  'id-first-15-digits-same': { zh: '身份证号前15位相同（一方已丢失末位）', en: 'first 15 ID digits equal (one lost its last digits)' },
  'id-missing': { zh: '一方没有可用的身份证号', en: 'one has no usable ID' },
  'same-address': { zh: '住址相同', en: 'same address' },
};

export interface PossibleDuplicateOptions {
  threshold?: number;
  /** At most this many rows of one birth-date block are compared (default 1000). */
  maxBlock?: number;
}

/**
 * Compact facts for candidate generation, filled while the rows are first read (walking a million row objects
 * again costs more than the matching): birth dates and name lengths of active rows (0 for rows marked removed),
 * the rows whose ID has a wrong check character, and the active rows without a usable ID.
 */
export interface CandidatePool {
  birthKeys: Int32Array;
  nameLengths: Uint8Array;
  suspectIds: number[];
  needy: number[];
}

export function emptyPool(size: number): CandidatePool {
  return { birthKeys: new Int32Array(size), nameLengths: new Uint8Array(size), suspectIds: [], needy: [] };
}

/** Adds row `i` to the pool. */
export function addToPool(pool: CandidatePool, i: number, r: RollRecord, f: RowFacts): void {
  if (!f.active) return;
  pool.birthKeys[i] = f.birthKey;
  pool.nameLengths[i] = Math.min(255, r.name.length);
  if (f.id18 !== null) {
    if (!f.idValid) pool.suspectIds.push(i);
  } else if (f.birthKey !== 0 && r.name !== '') pool.needy.push(i);
}

export function poolOf(records: readonly RollRecord[], facts: readonly RowFacts[]): CandidatePool {
  const pool = emptyPool(facts.length);
  for (let i = 0; i < facts.length; i++) addToPool(pool, i, records[i], facts[i]);
  return pool;
}

interface Match {
  other: number;
  score: number;
  reasons: string[];
}

/**
 * Finds likely duplicates among `records` (facts parallel to it) using `idIndex` (ID → first record with it).
 * Appends one POSSIBLE_DUPLICATE finding per involved row (related: its likely twins). Returns the pairs found.
 */
export function possibleDuplicateFindings(
  records: readonly RollRecord[],
  facts: readonly RowFacts[],
  idIndex: IdLookup,
  out: Finding[],
  options: PossibleDuplicateOptions = {},
  pool?: CandidatePool,
): { a: number; b: number; score: number; reasons: string[] }[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxBlock = options.maxBlock ?? 1000;
  const seen = new Set<number>();
  const total = facts.length;
  const pairs: { a: number; b: number; score: number; reasons: string[] }[] = [];

  const consider = (i: number, j: number) => {
    if (i === j) return;
    const a = i < j ? i : j;
    const b = i < j ? j : i;
    const fa = facts[a];
    const fb = facts[b];
    if (!fa.active || !fb.active) return;
    if (fa.id18 !== null && fa.id18 === fb.id18) return; // DUPLICATE_ID already
    const ra = records[a];
    const rb = records[b];
    if (ra.name !== rb.name && compareNames(ra.name, rb.name) === null) return; // cheap test first
    const s = scorePair(ra, fa, rb, fb);
    if (!s || s.score < threshold) return;
    const key = a * total + b;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push({ a, b, score: s.score, reasons: s.reasons });
  };

  const p = pool ?? poolOf(records, facts);

  // 1. ID near-misses, from IDs with a wrong check character (or an impossible birth date).
  for (const i of p.suspectIds) {
    const id = facts[i].id18!;
    for (const v of oneDigitVariants(id)) {
      const j = idIndex.get(v);
      if (j !== undefined) consider(i, j);
    }
    for (const v of adjacentSwaps(id)) {
      const j = idIndex.get(v);
      if (j !== undefined) consider(i, j);
    }
  }

  // 2. Rows without a usable ID (blank, malformed, digits lost), blocked by birth date: each is compared with
  //    every row born the same day whose name has the same length (the score needs a matching name, and more).
  if (p.needy.length > 0) {
    const needyBirths = new Set<number>();
    for (const i of p.needy) needyBirths.add(p.birthKeys[i]);
    const blocks = new Map<number, number[]>();
    const { birthKeys, nameLengths } = p;
    for (let i = 0; i < birthKeys.length; i++) {
      const key = birthKeys[i];
      if (key === 0 || nameLengths[i] === 0 || !needyBirths.has(key)) continue;
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
    for (const i of p.needy) {
      const list = blocks.get(p.birthKeys[i])!;
      const n = Math.min(list.length, maxBlock);
      const length = nameLengths[i];
      for (let y = 0; y < n; y++) {
        const j = list[y];
        if (j !== i && nameLengths[j] === length) consider(i, j);
      }
    }
  }

  // One finding per row, with all its likely twins.
  const byRow = new Map<number, Match[]>();
  for (const p of pairs) {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]]) {
      const list = byRow.get(x);
      const m = { other: y, score: p.score, reasons: p.reasons };
      if (list) list.push(m);
      else byRow.set(x, [m]);
    }
  }
  const rows = [...byRow.keys()].sort((x, y) => x - y);
  for (const i of rows) {
    const r = records[i];
    const matches = byRow.get(i)!.sort((x, y) => y.score - x.score);
    const best = matches[0];
    const others = matches.map((m) => records[m.other]);
    const places = listPlaces(others, r.file);
    const reasonsZh = best.reasons.map((k) => REASON_TEXT[k]?.zh ?? k).join('、');
    const reasonsEn = best.reasons.map((k) => REASON_TEXT[k]?.en ?? k).join(', ');
    const idReason = best.reasons.some((k) => k.startsWith('id-') && k !== 'id-missing');
    const column = idReason ? columnOf(r, 'id') : columnOf(r, 'name');
    const f = findingAt(r, 'POSSIBLE_DUPLICATE', 'warning', column,
      `可能与 ${places.zh} 是同一人重复登记（相似度 ${best.score.toFixed(2)}：${reasonsZh}）。请核对证件；确为同一人的，只保留一处并改正身份证号。`,
      `Possibly the same person as ${places.en} (score ${best.score.toFixed(2)}: ${reasonsEn}). Check the ID cards; if it is one person, keep one registration and correct the ID.`,
      others.map((o) => refOf(o, column === columnOf(r, 'id') ? columnOf(o, 'id') : columnOf(o, 'name'))));
    f.score = best.score;
    f.reasons = best.reasons;
    out.push(f);
  }
  return pairs;
}
