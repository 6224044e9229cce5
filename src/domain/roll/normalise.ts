/**
 * Reading roll cells the way a clerk means them, without changing the source: trimming (also full-width and
 * zero-width spaces), full-width letters and digits to half-width, 男/女 to a sex, and dates from Date cells,
 * Excel serial numbers, numbers like 19900102 or 199001, and text such as 1990.01.02, 1990-1-2, 1990年1月2日,
 * 1990/1/2 or 199001.
 */
import { CalendarDate, fromExcelSerial, fromUtcDate, isValidDate } from '../common/calendar-date';
import { CellValue } from '../workbook/sheet-grid';
import { toHalfWidth } from '../common/text';

export { hasFullWidth, toHalfWidth } from '../common/text';
export { districtKey } from '../common/district-name';

const EDGE_SPACE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;
const ANY_SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;


function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;
}

/** Trims spaces (also full-width, no-break and zero-width) at both ends; returns the same string when there are none. */
export function trimSpaces(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isSpaceCode(s.charCodeAt(0)) && !isSpaceCode(s.charCodeAt(n - 1))) return s;
  return s.replace(EDGE_SPACE, '');
}

/** A cell as trimmed text ('' for an empty cell); numbers as written by JavaScript, dates as YYYY-MM-DD. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return trimSpaces(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const d = fromUtcDate(value);
  return d ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : '';
}

/** A cell as trimmed, half-width text. */
export function normaliseText(value: CellValue | undefined): string {
  const t = cellText(value);
  return hasFullWidthOrIdeographicSpace(t) ? trimSpaces(toHalfWidth(t)) : t;
}

function hasFullWidthOrIdeographicSpace(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return true;
  }
  return false;
}

/** A person's name: half-width, no spaces at all (clerks pad two-character names: "张  三"), · kept. */

export function normaliseName(value: CellValue | undefined): string {
  const t = cellText(value);
  if (t === '') return t;
  let plain = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // Han characters and the middle dot need nothing; anything else (spaces, dots, full-width forms) may.
    if (c < 0x3400 && c !== 0xb7) {
      plain = false;
      break;
    }
    if (c >= 0xff01 && c <= 0xff5e) {
      plain = false;
      break;
    }
  }
  if (plain) return t;
  return toHalfWidth(t).replace(ANY_SPACE, '').replace(/[.．・•]/g, '·');
}

export type Sex = 'male' | 'female';

/** 男/女 (also 男性, 女性, M, F, male, female); null when blank or not recognised. */
export function parseSex(value: CellValue | undefined): Sex | null {
  if (value === '男') return 'male';
  if (value === '女') return 'female';
  const t = normaliseText(value).toLowerCase();
  switch (t) {
    case '男': case '男性': case 'm': case 'male': case '1':
      return 'male';
    case '女': case '女性': case 'f': case 'female': case '2':
      return 'female';
    default:
      return null;
  }
}

/** A date read from a cell: day is null when only year and month were written (出生年月 199001). */
export interface ParsedDate {
  year: number;
  month: number;
  day: number | null;
}

const TEXT_YMD = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/;
const TEXT_YM = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?$/;
const DIGITS = /^\d+$/;

function ymd(year: number, month: number, day: number | null): ParsedDate | null {
  if (year < 1880 || year > 2200) return null;
  if (day === null) return month >= 1 && month <= 12 ? { year, month, day: null } : null;
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

function fromDigits(s: string): ParsedDate | null {
  if (s.length === 8) return ymd(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  if (s.length === 6) return ymd(Number(s.slice(0, 4)), Number(s.slice(4, 6)), null);
  return null;
}

/**
 * A birth date from a cell: Date (ExcelJS date cells), Excel serial numbers (office.js), numbers 19900102 /
 * 199001 / 1990.01, and text forms. Null when the cell is blank or holds something that is not a date.
 */
export function parseDateCell(value: CellValue | undefined): ParsedDate | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const d = fromUtcDate(value);
    return d ? { year: d.year, month: d.month, day: d.day } : null;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    if (Number.isInteger(value)) {
      if (value >= 10000000) return fromDigits(String(value));
      if (value >= 100000 && value <= 999999) return fromDigits(String(value));
      if (value < 100000) {
        const d = fromExcelSerial(value);
        return d ? ymd(d.year, d.month, d.day) : null;
      }
      return null;
    }
    // 1990.01 typed as a number (出生年月): year and hundredths as the month.
    const year = Math.floor(value);
    if (year >= 1880 && year <= 2200) return ymd(year, Math.round((value - year) * 100), null);
    // A serial with a time part.
    const d = fromExcelSerial(value);
    return d ? ymd(d.year, d.month, d.day) : null;
  }
  if (typeof value !== 'string') return null;
  const t = toHalfWidth(value).replace(EDGE_SPACE, '');
  if (t === '') return null;
  if (DIGITS.test(t)) return fromDigits(t);
  let m = TEXT_YMD.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = TEXT_YM.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), null);
  // ISO with a time part, e.g. 1990-01-02T00:00:00
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ]/.exec(t);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * A birth date cell as a number YYYYMMDD (YYYYMM00 when only year and month are written), 0 when blank or not a
 * date. Allocation-free for Date cells, the common case.
 */
export function parseDateKey(value: CellValue | undefined): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return 0;
    const y = value.getUTCFullYear();
    return y < 1880 || y > 2200 ? 0 : y * 10000 + (value.getUTCMonth() + 1) * 100 + value.getUTCDate();
  }
  const d = parseDateCell(value);
  return d ? d.year * 10000 + d.month * 100 + (d.day ?? 0) : 0;
}

/** A date key as a date when the day is known, else null. */
export function keyToDate(key: number): CalendarDate | null {
  if (key === 0 || key % 100 === 0) return null;
  return { year: Math.floor(key / 10000), month: Math.floor(key / 100) % 100, day: key % 100 };
}

/** A date key as text: 1990-01-02, or 1990-01 when the day is unknown. */
export function dateKeyText(key: number): string {
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  return d === 0 ? ym : `${ym}-${String(d).padStart(2, '0')}`;
}

/** The full date when the day is known. */
export function fullDate(d: ParsedDate | null): CalendarDate | null {
  return d && d.day !== null ? { year: d.year, month: d.month, day: d.day } : null;
}

/** Human form of a parsed date: 1990-01-02 or 1990-01. */
export function formatParsedDate(d: ParsedDate): string {
  const ym = `${d.year}-${String(d.month).padStart(2, '0')}`;
  return d.day === null ? ym : `${ym}-${String(d.day).padStart(2, '0')}`;
}

