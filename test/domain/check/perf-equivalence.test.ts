/**
 * The engine's shortcuts give the same answers as the plain definitions: homophones compared character by
 * character vs whole-name pinyin, and the pre-ranked findings sort vs the plain comparator.
 */
import { Finding } from '../../../src/domain/common/finding';
import { compareNames, namePinyin, oneCharApart } from '../../../src/domain/check/name-similarity';
import { sortFindings } from '../../../src/domain/check/check-rolls';

describe('compareNames homophones', () => {
  const names = ['李晓艳', '李小艳', '李晓燕', '张伟', '章伟', '张玮', '王·明', '王明·', '王·铭', '阿依·古丽', '阿衣·古丽', '张a', '张A', '赵钱', '照前', '陈晨', '沉晨'];
  it('is homophone exactly when the whole-name pinyin is equal (different names of one length)', () => {
    for (const a of names) {
      for (const b of names) {
        if (a === b) continue;
        const plain = a.length === b.length && namePinyin(a) === namePinyin(b);
        const m = compareNames(a, b);
        expect([a, b, m === 'homophone']).toEqual([a, b, plain]);
        if (!plain) expect([a, b, m]).toEqual([a, b, oneCharApart(a, b) ? 'one-char' : null]);
      }
    }
  });
  it('finds the classic homophones', () => {
    expect(compareNames('李晓艳', '李小艳')).toBe('homophone');
    expect(compareNames('李晓艳', '李晓燕')).toBe('homophone');
  });
});

describe('sortFindings', () => {
  function finding(file: string, sheet: string, row: number, column: string | undefined, code: string, tag: number): Finding {
    const f: Finding = { file, sheet, row, code, severity: 'error', message: { zh: String(tag), en: String(tag) }, related: [] };
    if (column) f.column = column;
    return f;
  }
  it('orders by workbook, sheet, row, column and code, keeping equal findings in their order', () => {
    const fileOrder = new Map([['b.xlsx', 0], ['a.xlsx', 1]]);
    const sheetOrder = new Map([['b.xlsx\u0000S2', 0], ['b.xlsx\u0000S1', 1], ['a.xlsx\u0000S1', 2]]);
    const input: Finding[] = [];
    let tag = 0;
    for (const file of ['a.xlsx', 'b.xlsx', 'c.xlsx']) for (const sheet of ['S1', 'S2']) for (const row of [10, 2]) {
      for (const column of ['AA', 'B', undefined, 'C']) for (const code of ['Z_CODE', 'A_CODE', 'A_CODE']) input.push(finding(file, sheet, row, column, code, tag++));
    }
    // Expected, by hand: b/S2, b/S1, a/S1, then the unknown sheets and workbooks in input order.
    const fileRank = (f: Finding) => fileOrder.get(f.file) ?? 1e9;
    const sheetRank = (f: Finding) => sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? 1e9;
    const colRank = (c?: string) => (c === undefined ? 0 : c === 'B' ? 1 : c === 'C' ? 2 : 3);
    const expected = input.map((f, i) => ({ f, i })).sort((x, y) =>
      fileRank(x.f) - fileRank(y.f) || sheetRank(x.f) - sheetRank(y.f) || x.f.row - y.f.row ||
      colRank(x.f.column) - colRank(y.f.column) || (x.f.code < y.f.code ? -1 : x.f.code > y.f.code ? 1 : 0) || x.i - y.i).map((x) => x.f);
    const sorted = [...input];
    sortFindings(sorted, fileOrder, sheetOrder);
    expect(sorted.map((f) => f.message.zh)).toEqual(expected.map((f) => f.message.zh));
    expect(sorted[0]).toMatchObject({ file: 'b.xlsx', sheet: 'S2', row: 2, code: 'A_CODE' });
    expect(sorted[0].column).toBeUndefined();
  });
});
