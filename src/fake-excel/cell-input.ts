/**
 * What Excel does with what is typed (or set through `range.values` / `range.formulas`): "=..." becomes a formula,
 * "'..." becomes literal text, "123" becomes the number 123, "TRUE" a boolean, "2024-01-02" a date serial with a
 * date format, "12%" a percentage — unless the cell is formatted as text ("@"). And the tiny formula evaluator the
 * fake needs: literals, HYPERLINK, ISTEXT, N, a cell reference and SUM over a range of the same sheet.
 */
import { parseRect, Rect } from './address';
import { formatDate, fromExcelSerial, isValidDate, toExcelSerial } from '../domain/common/calendar-date';

export type ScalarValue = string | number | boolean;

export interface ParsedInput {
  /** The stored value ("" clears the cell). */
  value: ScalarValue | '';
  formula?: string;
  /** Number format Excel applies as a side effect (dates, percentages). */
  numberFormat?: string;
  /** Typed with a leading apostrophe: text that must stay text. */
  quoted?: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Excel's serial for a calendar date, or null when the date does not exist. */
export function dateToSerial(year: number, month: number, day: number): number | null {
  return isValidDate(year, month, day) ? toExcelSerial({ year, month, day }) : null;
}

/** A date serial as YYYY-MM-DD (Excel's display of a date-formatted number). */
export function serialToIso(serial: number): string {
  const date = fromExcelSerial(serial);
  return date ? formatDate(date) : String(serial);
}

/** Interprets one input the way Excel does when it is set through the API. */
export function parseInput(input: ScalarValue, cellFormat: string | undefined): ParsedInput {
  if (typeof input !== 'string') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), quoted: true };
  if (cellFormat === '@') return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1)) / 100, numberFormat: '0%' };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const m = ISO_DATE.exec(t);
  if (m) {
    const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) return { value: serial, numberFormat: 'yyyy/m/d' };
  }
  return { value: input };
}

/** True for number formats that show a date (y, m with d, or d), ignoring quoted text and [colour] parts. */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[yd]/i.test(bare) || /年|月|日/.test(format);
}

/** The text Excel would show for a value under a number format (General and dates; others approximated). */
export function displayText(value: ScalarValue | '' | null, format: string | undefined): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(format)) return serialToIso(value);
    if (format && /%$/.test(format)) return `${Math.round(value * 100)}%`;
    if (format === '0') return Math.round(value).toString();
    if (Math.abs(value) >= 1e11 && Number.isInteger(value)) return value.toExponential(5).replace(/\.?0+e/, 'E').replace('e', 'E').replace('E+', 'E+');
    return String(value);
  }
  return value;
}

/** Looks up a cell's value on the formula's own sheet. */
export type CellLookup = (row0: number, column0: number) => ScalarValue | '' | null;

/** Evaluates the small subset of formulas the fake understands; anything else gives "#NAME?". */
export function evaluateFormula(formula: string, lookup: CellLookup): ScalarValue {
  const body = formula.replace(/^=/, '').trim();
  try {
    const v = evaluateExpression(body, lookup);
    return v;
  } catch {
    return '#NAME?';
  }
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth += 1;
    if (!quoted && ch === ')') depth -= 1;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() || out.length) out.push(current.trim());
  return out;
}

function evaluateExpression(expr: string, lookup: CellLookup): ScalarValue {
  const e = expr.trim();
  const cmp = /^(.*?)(<>|>=|<=|=|<|>)(.*)$/.exec(e);
  if (cmp && !/^"/.test(e) && !/^[A-Za-z]+\(/.test(e)) {
    const a = evaluateExpression(cmp[1], lookup);
    const b = evaluateExpression(cmp[3], lookup);
    switch (cmp[2]) {
      case '=': return a === b;
      case '<>': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      default: return a >= b;
    }
  }
  if (/^"([^"]|"")*"$/.test(e)) return e.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(e)) return Number(e);
  if (/^TRUE$/i.test(e)) return true;
  if (/^FALSE$/i.test(e)) return false;
  const call = /^([A-Za-z.]+)\((.*)\)$/.exec(e);
  if (call) {
    const name = call[1].toUpperCase();
    const args = splitArgs(call[2]);
    switch (name) {
      case 'HYPERLINK': {
        const target = evaluateExpression(args[0], lookup);
        return args.length > 1 ? evaluateExpression(args[1], lookup) : target;
      }
      case 'ISTEXT': return typeof evaluateExpression(args[0], lookup) === 'string';
      case 'N': {
        const v = evaluateExpression(args[0], lookup);
        return typeof v === 'number' ? v : v === true ? 1 : 0;
      }
      case 'SUM': {
        let total = 0;
        for (const a of args) {
          if (/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(a)) {
            const r: Rect = parseRect(a);
            for (let row = r.r0; row <= r.r1; row++) {
              for (let col = r.c0; col <= r.c1; col++) {
                const v = lookup(row, col);
                if (typeof v === 'number') total += v;
              }
            }
          } else {
            const v = evaluateExpression(a, lookup);
            if (typeof v === 'number') total += v;
          }
        }
        return total;
      }
      default:
        throw new Error(`unknown function ${name}`);
    }
  }
  if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(e)) {
    const r = parseRect(e);
    const v = lookup(r.r0, r.c0);
    return v === null || v === '' ? 0 : v;
  }
  throw new Error(`cannot evaluate ${e}`);
}
