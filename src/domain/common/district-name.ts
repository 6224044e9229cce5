/**
 * District (选区) names as clerks write them, reduced to one key: "第一选区", "第1选区", "一选区" and "1" are the same
 * district, as are "东村选区" and "东村". Used wherever districts are compared: the roll checks, the statistics and
 * the summary tables.
 */
import { toHalfWidth } from './text';

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** "十二" → 12, "二十" → 20, "三十五" → 35, "一百零二" → 102; null when the text is not a Chinese numeral. */
export function chineseNumeralValue(text: string): number | null {
  if (!text || !/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  let seenUnit = false;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) {
      current = CHINESE_DIGITS[ch];
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
      seenUnit = true;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
      seenUnit = true;
    }
  }
  total += current;
  if (!seenUnit && text.length > 1) {
    // "一二" is not a numeral, but "一〇二" style digit strings are: read digit by digit
    let n = 0;
    for (const ch of text) n = n * 10 + CHINESE_DIGITS[ch];
    return n;
  }
  return total;
}

/**
 * A key under which district names compare: "第一选区", "第1选区", "一选区", "1" → "1";
 * "东村选区", "东村" → "东村". Whitespace and full-width characters do not matter.
 */
export function districtKey(name: unknown): string {
  if (typeof name === 'number' && Number.isInteger(name)) return String(name);
  const text = name === null || name === undefined ? '' : String(name);
  let key = cache.get(text);
  if (key === undefined) {
    key = computeKey(text);
    if (cache.size < 10000) cache.set(text, key);
  }
  return key;
}

const cache = new Map<string, string>();

function computeKey(text: string): string {
  let s = toHalfWidth(text).replace(/[\s\u200b\ufeff]+/g, '').replace(/[“”"'‘’]/g, '').replace(/[:：、,，。.;；]+$/g, '');
  s = s.replace(/选区$/, '').replace(/^第/, '').replace(/号$/, '');
  const n = chineseNumeralValue(s);
  if (n !== null) return String(n);
  if (/^\d+$/.test(s)) return String(Number(s));
  return s;
}
