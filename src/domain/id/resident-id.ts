/**
 * Chinese resident identity numbers, GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and one check character (ISO 7064 MOD 11-2). Legacy 15-digit numbers
 * (YYMMDD in the 1900s, no check character) convert to 18 digits.
 *
 * `analyzeId` never changes what the clerk typed: it reports the normalised form beside the problems found.
 */
import { CalendarDate, formatDate, isValidDate } from '../common/calendar-date';
import { Problem, problem } from '../common/problem';
import { toHalfWidth } from '../common/text';
import { regionName } from './regions';

export type IdProblemCode =
  | 'ID_FORMAT'
  | 'ID_CHECKSUM'
  | 'ID_BIRTHDATE'
  | 'ID_LEGACY_15'
  | 'ID_LOWERCASE_X'
  | 'ID_FULLWIDTH'
  | 'REGION_UNKNOWN';

export type Sex = 'male' | 'female';

export interface IdAnalysis {
  /** The input as given (after conversion to text). */
  input: string;
  /** No error-severity problems: the number is well-formed, its date real and its check character right. */
  valid: boolean;
  /** Normalised 18-character form (upper-case X, half-width digits, 15 converted), null when malformed. */
  id18: string | null;
  birthDate: string | null;
  birth: CalendarDate | null;
  sex: Sex | null;
  regionCode: string | null;
  regionName: string | null;
  problems: Problem<IdProblemCode>[];
}

/** ISO 7064 MOD 11-2 weights of the first 17 digits, and the check character for each sum mod 11. */
export const CHECK_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an 18-character ID. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * CHECK_WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Converts a legacy 15-digit number to its 18-character form (birth year 19YY, check character appended). */
export function convert15to18(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const TRIM = /^[\s\u3000\u200b\ufeff]+|[\s\u3000\u200b\ufeff]+$/g;

export interface AnalyzeOptions {
  /** Birth dates after this day are impossible (an ID of someone not yet born). Defaults to none. */
  latestBirth?: CalendarDate;
}

export function analyzeId(raw: unknown, options: AnalyzeOptions = {}): IdAnalysis {
  const input = raw === null || raw === undefined ? '' : String(raw);
  const problems: Problem<IdProblemCode>[] = [];
  const result: IdAnalysis = {
    input, valid: false, id18: null, birthDate: null, birth: null, sex: null, regionCode: null, regionName: null, problems,
  };

  let text = input.replace(TRIM, '');
  if (/[\uff01-\uff5e]/.test(text)) {
    text = toHalfWidth(text);
    problems.push(problem('ID_FULLWIDTH', 'warning', '身份证号含全角字符，已按半角读取。', 'The ID contains full-width characters; read as half-width.'));
  }
  if (text.endsWith('x')) {
    text = `${text.slice(0, -1)}X`;
    problems.push(problem('ID_LOWERCASE_X', 'warning', '校验码写成了小写 x，已按大写 X 读取。', 'The check character is a lower-case x; read as upper-case X.'));
  }

  let id18: string;
  if (text.length === 15 && isDigits(text, 0, 15)) {
    id18 = convert15to18(text);
    problems.push(problem('ID_LEGACY_15', 'warning', `这是15位旧号码，已换算为18位：${id18}。`, `This is a legacy 15-digit number; its 18-digit form is ${id18}.`));
  } else if (text.length === 18 && isDigits(text, 0, 17) && /[0-9X]/.test(text[17])) {
    id18 = text;
  } else {
    const what = text.length === 0 ? '为空' : `有 ${text.length} 位`;
    const whatEn = text.length === 0 ? 'is empty' : `has ${text.length} characters`;
    problems.push(problem('ID_FORMAT', 'error',
      `身份证号${what}，应为18位（前17位数字，末位数字或X）或15位数字。`,
      `The ID ${whatEn}; it must be 18 characters (17 digits, then a digit or X) or 15 digits.`));
    return result;
  }

  result.regionCode = id18.slice(0, 6);
  result.regionName = regionName(result.regionCode);
  const year = Number(id18.slice(6, 10));
  const month = Number(id18.slice(10, 12));
  const day = Number(id18.slice(12, 14));
  const latest = options.latestBirth;
  if (!isValidDate(year, month, day) || year < 1880 || (latest && year * 10000 + month * 100 + day > latest.year * 10000 + latest.month * 100 + latest.day)) {
    problems.push(problem('ID_BIRTHDATE', 'error',
      `身份证号中的出生日期 ${id18.slice(6, 14)} 不是有效日期。`,
      `The birth date in the ID, ${id18.slice(6, 14)}, is not a real date.`));
  } else {
    result.birth = { year, month, day };
    result.birthDate = formatDate(result.birth);
  }
  result.sex = Number(id18[16]) % 2 === 1 ? 'male' : 'female';

  const expected = checkCharacter(id18);
  if (expected !== id18[17]) {
    problems.push(problem('ID_CHECKSUM', 'error',
      `校验码错误：末位是 ${id18[17]}，按前17位应为 ${expected}。可能有数字录错，请与证件核对。`,
      `Check character mismatch: the last character is ${id18[17]} but the first 17 digits give ${expected}. A digit was probably mistyped; check against the card.`));
  }
  if (result.regionName === null) {
    problems.push(problem('REGION_UNKNOWN', 'warning',
      `地区码 ${result.regionCode} 不在现行行政区划代码中（可能是已撤并的旧区划）。`,
      `Region code ${result.regionCode} is not a current division code (it may be a former, merged division).`));
  }
  result.id18 = id18;
  result.valid = !problems.some((p) => p.severity === 'error');
  return result;
}

/** Makes a valid 18-character ID from its parts (used by the sample generator and tests). */
export function makeId(regionCode: string, birth: CalendarDate, sequence: number, sex: Sex): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
  const first17 = `${regionCode}${String(birth.year).padStart(4, '0')}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
