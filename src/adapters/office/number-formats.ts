/**
 * Number formats as Excel reports them: which ones show a date (so a serial number in such a cell is a date),
 * and converting a date serial to the Date at UTC midnight that the rest of the program expects.
 */
import { fromExcelSerial } from '../../domain/common/calendar-date';

/** True for number formats that display a date: y or d codes (outside quotes/brackets), or 年/月/日. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === 'General' || format === '@') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[yd]/i.test(bare) || /[年月日]/.test(format);
}

/** A date serial as a Date at UTC midnight (as ExcelJS gives dates), or null when it is not a plausible date. */
export function serialToUtcDate(serial: number): Date | null {
  const d = fromExcelSerial(serial);
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
}
