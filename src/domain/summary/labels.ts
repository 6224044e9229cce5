/**
 * How the summary tables compare the text of a template's labels with the labels they know: header texts are
 * normalised (spaces, line breaks, full-width brackets and digits, units such as "（人）" and "（%）", dash
 * variants); district names compare by their key (../common/district-name).
 */
import { toHalfWidth } from '../common/text';

export { toHalfWidth } from '../common/text';
export { chineseNumeralValue, districtKey } from '../common/district-name';

/** Units written after a label in brackets: （人）, (个), （%）, （名）, （元）, （人/名）… */
const UNIT_IN_BRACKETS = /[(\[【〔]\s*(人|个|名|户|%|‰|％|岁|人数|人次|次|张|票|单位[:：]?\s*人|单位[:：]?\s*%|人\/名|名\/人)\s*[)\]】〕]/g;

/**
 * A label as the matcher compares it: half-width, no whitespace or line breaks, no units in brackets,
 * dashes and "至/到/~" between numbers as "-", 周岁 as 岁, and no trailing colon.
 */
export function normaliseLabel(text: unknown): string {
  if (text === null || text === undefined) return '';
  let s = toHalfWidth(String(text));
  s = s.replace(/\s+/g, '');
  s = s.replace(UNIT_IN_BRACKETS, '');
  s = s.replace(/[“”"'‘’]/g, '');
  s = s.replace(/周岁/g, '岁');
  s = s.replace(/(\d)岁?\s*(?:[-‐‑‒–—―~～〜]|至|到)+\s*(\d)/g, '$1-$2');
  s = s.replace(/[:：、,，。.;；]+$/g, '');
  s = s.replace(/^[:：、,，;；]+/g, '');
  return s;
}

/** Markers of a percentage column, as a whole label or at its end (after normalisation). */
const PERCENT_MARKERS = ['所占比例', '占总数比例', '占比', '比例', '百分比', '比重', '%'];
/** Markers of a count column, as a whole label or at its end. */
const COUNT_MARKERS = ['人数', '数量', '名额数'];

export type MeasureMarker = 'count' | 'percent';

/**
 * Splits a normalised label into the part that names a category and a marker saying whether it asks for a
 * count or a percentage: "女性比例" → {base: "女性", marker: "percent"}, "人数" → {base: "", marker: "count"},
 * "比例(%)" → percent. A label without a marker returns itself and no marker.
 */
export function splitMeasureMarker(label: string): { base: string; marker?: MeasureMarker } {
  let s = label.replace(/\(%\)$/, '%').replace(/\(‰\)$/, '');
  if (s.length > 1 && s.endsWith('%') && PERCENT_MARKERS.includes(s.slice(0, -1))) s = s.slice(0, -1);
  for (const m of PERCENT_MARKERS) {
    if (s === m) return { base: '', marker: 'percent' };
    if (s.endsWith(m)) {
      let base = s.slice(0, -m.length);
      base = base.replace(/(所占|占代表总数|占总数|占|的)$/, '');
      return { base, marker: 'percent' };
    }
  }
  for (const m of COUNT_MARKERS) {
    if (s === m) return { base: '', marker: 'count' };
  }
  if (s === '人' || s === '名' || s === '数') return { base: '', marker: 'count' };
  return { base: s };
}

/** Labels of a 合计 row or column. */
export function isTotalLabel(text: unknown): boolean {
  const s = normaliseLabel(text);
  if (!s) return false;
  return /^(合计|总计|总数|小计合计|全[镇乡县区市].*合计|.{0,12}(合计|总计))$/.test(s) && !/^其中/.test(s);
}

/** True when a cell holds a number, or text that is just a number ("12", " 3.5 "). */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const s = toHalfWidth(value).trim().replace(/,/g, '');
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  }
  return null;
}

/** Rounds to a number of decimals the way a clerk expects (half away from zero), without float noise. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9) / f;
  return Object.is(r, -0) ? 0 : r;
}
