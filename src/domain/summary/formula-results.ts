/**
 * The results of the simple formulas a template keeps (a 合计 row of =SUM(B5:B7), =B5+B6, =C5/B5*100), computed
 * after a fill so that a file written without Excel shows the right totals in programs that do not recalculate
 * on opening (LibreOffice, WPS, previewers). Only numbers, same-sheet cell references and ranges, + − × ÷,
 * parentheses, SUM and ROUND are understood; any other formula gives null and keeps its old result.
 */

export type CellLookup = (row: number, column: number) => { value: unknown; formula: string | null };

type Token = { t: 'num'; v: number } | { t: 'ref'; row: number; column: number } | { t: 'range'; r1: number; c1: number; r2: number; c2: number }
  | { t: 'op'; v: string } | { t: 'fn'; v: string } | { t: '(' } | { t: ')' } | { t: ',' };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function tokenize(src: string): Token[] | null {
  const tokens: Token[] = [];
  const s = src.replace(/^=/, '');
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    let m: RegExpExecArray | null;
    let length = 1;
    if (/^\s/.test(rest)) {
      // skip
    } else if ((m = /^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)/.exec(rest))) {
      tokens.push({ t: 'range', c1: colNumber(m[1]), r1: Number(m[2]), c2: colNumber(m[3]), r2: Number(m[4]) });
      length = m[0].length;
    } else if ((m = /^([A-Za-z]+)\s*\(/.exec(rest))) {
      tokens.push({ t: 'fn', v: m[1].toUpperCase() }, { t: '(' });
      length = m[0].length;
    } else if ((m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![\w!(])/.exec(rest))) {
      tokens.push({ t: 'ref', column: colNumber(m[1]), row: Number(m[2]) });
      length = m[0].length;
    } else if ((m = /^\d+(\.\d+)?/.exec(rest))) {
      tokens.push({ t: 'num', v: Number(m[0]) });
      length = m[0].length;
    } else if ('+-*/'.includes(rest[0])) {
      tokens.push({ t: 'op', v: rest[0] });
    } else if (rest[0] === '(' || rest[0] === ')' || rest[0] === ',') {
      tokens.push({ t: rest[0] });
    } else {
      return null; // sheet references, strings, comparisons, other syntax: not evaluated
    }
    i += length;
  }
  return tokens;
}

/**
 * Evaluates a formula; null when it uses anything not understood, refers to a cell holding text, or loops.
 * Empty cells count as 0, as in Excel; formula cells are evaluated in turn.
 */
export function evaluateFormula(formula: string, lookup: CellLookup, visiting: Set<string> = new Set()): number | null {
  const parsed = tokenize(formula);
  if (!parsed) return null;
  const tokens: Token[] = parsed;
  let pos = 0;
  let failed = false;

  const cellNumber = (row: number, column: number, inRange: boolean): number => {
    const key = `${row},${column}`;
    const { value, formula: f } = lookup(row, column);
    if (f) {
      if (visiting.has(key)) { failed = true; return 0; }
      visiting.add(key);
      const v = evaluateFormula(f, lookup, visiting);
      visiting.delete(key);
      if (v === null) { failed = true; return 0; }
      return v;
    }
    if (value === null || value === undefined || value === '') return 0;
    if (typeof value === 'number') return value;
    if (inRange) return 0; // SUM ignores text in ranges
    failed = true;
    return 0;
  };

  const args = (): number[][] => {
    const list: number[][] = [];
    if (tokens[pos]?.t === ')') { pos++; return list; }
    for (;;) {
      const tok = tokens[pos];
      if (tok?.t === 'range') {
        pos++;
        const vals: number[] = [];
        for (let r = Math.min(tok.r1, tok.r2); r <= Math.max(tok.r1, tok.r2); r++) {
          for (let c = Math.min(tok.c1, tok.c2); c <= Math.max(tok.c1, tok.c2); c++) vals.push(cellNumber(r, c, true));
        }
        list.push(vals);
      } else {
        list.push([expr()]);
      }
      const sep = tokens[pos++];
      if (sep?.t === ')') return list;
      if (sep?.t !== ',') { failed = true; return list; }
    }
  };

  const primary = (): number => {
    const tok = tokens[pos++];
    if (!tok) { failed = true; return 0; }
    if (tok.t === 'num') return tok.v;
    if (tok.t === 'ref') return cellNumber(tok.row, tok.column, false);
    if (tok.t === 'op' && (tok.v === '-' || tok.v === '+')) { const v = primary(); return tok.v === '-' ? -v : v; }
    if (tok.t === '(') {
      const v = expr();
      if (tokens[pos++]?.t !== ')') failed = true;
      return v;
    }
    if (tok.t === 'fn') {
      pos++; // the '('
      const a = args();
      if (tok.v === 'SUM') return a.flat().reduce((x, y) => x + y, 0);
      if (tok.v === 'ROUND' && a.length === 2 && a[0].length === 1 && a[1].length === 1) {
        const f = 10 ** a[1][0];
        return Math.sign(a[0][0]) * Math.round(Math.abs(a[0][0]) * f) / f;
      }
      failed = true;
      return 0;
    }
    failed = true;
    return 0;
  };

  const term = (): number => {
    let v = primary();
    while (tokens[pos]?.t === 'op' && ((tokens[pos] as { v: string }).v === '*' || (tokens[pos] as { v: string }).v === '/')) {
      const op = (tokens[pos++] as { v: string }).v;
      const r = primary();
      if (op === '*') v *= r;
      else if (r === 0) { failed = true; return 0; }
      else v /= r;
    }
    return v;
  };

  function expr(): number {
    let v = term();
    while (tokens[pos]?.t === 'op' && ((tokens[pos] as { v: string }).v === '+' || (tokens[pos] as { v: string }).v === '-')) {
      const op = (tokens[pos++] as { v: string }).v;
      const r = term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  const result = expr();
  if (failed || pos !== tokens.length || !Number.isFinite(result)) return null;
  return Math.round(result * 1e9) / 1e9;
}
