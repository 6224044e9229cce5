/**
 * Calendar dates without time zones. A roll's birth dates and the election day are days on the calendar,
 * never instants: keeping them as plain {year, month, day} avoids the off-by-one errors of JavaScript Dates.
 */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** A sortable integer YYYYMMDD; comparing two of them compares the dates. */
export function toDayNumber(d: CalendarDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

export function fromDayNumber(n: number): CalendarDate {
  return { year: Math.floor(n / 10000), month: Math.floor(n / 100) % 100, day: n % 100 };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO form, YYYY-MM-DD. */
export function formatDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Parses exactly YYYY-MM-DD (as used on the command line and in settings); null when it is not a real date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/**
 * The day a person born on `birth` turns `years` old. Someone born on 29 February turns a year older on
 * 1 March in a year that is not a leap year (the day after 28 February), as the election rules require.
 */
export function anniversary(birth: CalendarDate, years: number): CalendarDate {
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

/** True when a person born on `birth` is at least `years` old on `on` (their birthday counts). */
export function hasReachedAge(birth: CalendarDate, years: number, on: CalendarDate): boolean {
  return compareDates(anniversary(birth, years), on) <= 0;
}

/** Completed years of age on a day. */
export function ageOn(birth: CalendarDate, on: CalendarDate): number {
  let age = on.year - birth.year;
  if (age > 0 && !hasReachedAge(birth, age, on)) age -= 1;
  return age;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;

/**
 * Converts an Excel date serial (1900 date system) to a calendar date. Serials below 61 fall in Excel's
 * phantom 29 February 1900 range; birth dates never do, so they are not special-cased beyond that.
 */
export function fromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function toExcelSerial(d: CalendarDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** A JavaScript Date read from a file (ExcelJS gives dates at UTC midnight) as a calendar date. */
export function fromUtcDate(d: Date): CalendarDate | null {
  if (Number.isNaN(d.getTime())) return null;
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
