/**
 * What the checks need to know about one registration, worked out once: the usable normalised ID, the birth date
 * and sex (from the ID when it has them, else from the 出生日期/性别 columns), whether the ID cell lost its digits
 * by being stored as a number, and whether the row is an active registration (not marked 死亡/迁出/… in 备注).
 *
 * Speed: most IDs are well-formed; those are validated here directly (digits, check character, date, region)
 * without building an IdAnalysis. Anything unusual goes through `analyzeId` for its problems and messages.
 */
import { CalendarDate, isLeapYear, isValidDate } from '../common/calendar-date';
import { analyzeId, CHECK_CHARS, CHECK_WEIGHTS as WEIGHTS, IdAnalysis } from '../id/resident-id';
import { regionName } from '../id/regions';
import { Sex } from '../roll/normalise';
import { RollRecord } from '../roll/read-roll';

export interface RowFacts {
  /** Normalised 18-character ID (also when its check character is wrong); null when blank, malformed or lost. */
  id18: string | null;
  /** The ID passed every error-level check. */
  idValid: boolean;
  /** The ID cell is a number too long for Excel to hold exactly (or text like 1.10105E+17). */
  precisionLost: boolean;
  /** Birth date YYYYMMDD: from the ID when it holds a real one, else the 出生日期 column's full date; 0 when unknown. */
  birthKey: number;
  /** The birth date came from the ID. */
  birthFromId: boolean;
  sex: Sex | null;
  /** Not marked as removed (死亡, 迁出, 被剥夺政治权利, …) in 备注. */
  active: boolean;
}

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/** True when an ID cell's digits were lost: a number beyond 2^53 or with a fraction, or scientific text. */
export function idPrecisionLost(cell: unknown, text: string): boolean {
  if (typeof cell === 'number') return !Number.isSafeInteger(cell);
  return text.length > 0 && text.length < 18 && SCIENTIFIC.test(text);
}

/** The birth date in the (trustworthy) first 15 digits of an 18-digit ID that was stored as a number; 0 if none. */
export function lostIdBirthKey(cell: unknown): number {
  if (typeof cell !== 'number' || !(cell >= 1e17 && cell < 1e18)) return 0;
  const digits = BigInt(Math.round(cell)).toString();
  const y = Number(digits.slice(6, 10));
  const m = Number(digits.slice(10, 12));
  const d = Number(digits.slice(12, 14));
  return y >= 1880 && isValidDate(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

/** The birth date of a key, or null for 0. */
export function birthOf(f: RowFacts): CalendarDate | null {
  const k = f.birthKey;
  return k === 0 ? null : { year: Math.floor(k / 10000), month: Math.floor(k / 100) % 100, day: k % 100 };
}

/** Where analyseRow leaves the ID analysis it made (null when the ID is blank, lost, or passed the fast checks). */
export interface AnalysisSink {
  analysis: IdAnalysis | null;
}

const CHECK_CODES = Array.from(CHECK_CHARS, (c) => c.charCodeAt(0));

/** Whether a 6-digit region code (as a number) is a current division; filled as codes are met. */
const regionKnownByCode = new Map<number, boolean>();

/** True when the first 6 characters of `id` (already known to be digits) are a current division code. */
function regionKnown(id: string): boolean {
  let code = 0;
  for (let i = 0; i < 6; i++) code = code * 10 + (id.charCodeAt(i) - 48);
  let known = regionKnownByCode.get(code);
  if (known === undefined) {
    known = regionName(id.slice(0, 6)) !== null;
    if (regionKnownByCode.size < 100000) regionKnownByCode.set(code, known);
  }
  return known;
}

/**
 * The YYYYMMDD birth key of a well-formed, problem-free 18-character ID (check character right, real date not
 * after `latestKey`, known region), or 0 when the ID needs the full analysis.
 */
export function quickValidId(id: string, latestKey: number): number {
  if (id.length !== 18) return 0;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    sum += d * WEIGHTS[i];
  }
  if (id.charCodeAt(17) !== CHECK_CODES[sum % 11]) return 0;
  const year = (id.charCodeAt(6) - 48) * 1000 + (id.charCodeAt(7) - 48) * 100 + (id.charCodeAt(8) - 48) * 10 + (id.charCodeAt(9) - 48);
  const month = (id.charCodeAt(10) - 48) * 10 + (id.charCodeAt(11) - 48);
  const day = (id.charCodeAt(12) - 48) * 10 + (id.charCodeAt(13) - 48);
  if (year < 1880 || !isValidDate(year, month, day)) return 0;
  const key = year * 10000 + month * 100 + day;
  if (latestKey > 0 && key > latestKey) return 0;
  if (!regionKnown(id)) return 0;
  return key;
}

/** True when someone born on `birthKey` (YYYYMMDD) is at least `years` old on `onKey` (29 Feb → 1 Mar). */
export function reachedAgeKey(birthKey: number, years: number, onKey: number): boolean {
  let anniversary = birthKey + years * 10000;
  if (birthKey % 10000 === 229 && !isLeapYear(Math.floor(anniversary / 10000))) anniversary += 72; // 0229 → 0301
  return anniversary <= onKey;
}

/** Works out a record's facts; `latestBirth` (the election day) makes later birth dates in IDs impossible. */
export function analyseRow(r: RollRecord, latestBirth?: CalendarDate, sink?: AnalysisSink): RowFacts {
  const latestKey = latestBirth ? latestBirth.year * 10000 + latestBirth.month * 100 + latestBirth.day : 0;
  const text = r.idText;
  const active = r.remarks.removed === null;
  const quick = typeof r.idCell === 'string' ? quickValidId(text, latestKey) : 0;
  if (quick !== 0) {
    if (sink) sink.analysis = null;
    return {
      id18: text, idValid: true, precisionLost: false,
      birthKey: quick, birthFromId: true,
      sex: (text.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
      active,
    };
  }
  const precisionLost = idPrecisionLost(r.idCell, text);
  let analysis: IdAnalysis | null = null;
  if (!precisionLost && text !== '') analysis = analyzeId(text, latestBirth ? { latestBirth } : {});
  const id18 = analysis?.id18 ?? null;
  const idBirth = analysis?.birth ?? null;
  let birthKey = idBirth ? idBirth.year * 10000 + idBirth.month * 100 + idBirth.day : r.birthKey % 100 === 0 ? 0 : r.birthKey;
  if (birthKey === 0 && precisionLost) birthKey = lostIdBirthKey(r.idCell);
  const facts: RowFacts = {
    id18,
    idValid: analysis?.valid ?? false,
    precisionLost,
    birthKey,
    birthFromId: idBirth !== null,
    sex: (analysis && analysis.id18 ? analysis.sex : null) ?? r.sex,
    active,
  };
  if (sink) sink.analysis = analysis;
  return facts;
}
