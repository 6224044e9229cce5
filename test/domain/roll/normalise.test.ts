import { dateKeyText, districtKey, normaliseName, normaliseText, parseDateCell, parseDateKey, parseSex, toHalfWidth } from '../../../src/domain/roll/normalise';
import { toExcelSerial } from '../../../src/domain/common/calendar-date';

describe('parseDateCell', () => {
  it.each([
    ['1990.01.02', { year: 1990, month: 1, day: 2 }],
    ['1990-1-2', { year: 1990, month: 1, day: 2 }],
    ['1990/01/02', { year: 1990, month: 1, day: 2 }],
    ['1990年1月2日', { year: 1990, month: 1, day: 2 }],
    [' １９９０年１２月３１日 ', { year: 1990, month: 12, day: 31 }],
    ['19900102', { year: 1990, month: 1, day: 2 }],
    ['199001', { year: 1990, month: 1, day: null }],
    ['1990.1', { year: 1990, month: 1, day: null }],
    ['1990年11月', { year: 1990, month: 11, day: null }],
  ])('reads text %s', (text, expected) => {
    expect(parseDateCell(text)).toEqual(expected);
  });

  it('reads Date cells, Excel serials and numbers', () => {
    expect(parseDateCell(new Date(Date.UTC(2008, 1, 29)))).toEqual({ year: 2008, month: 2, day: 29 });
    // Excel shows serial 32874 as 1990-01-01 (a well-known value), so 32875 is 1990-01-02.
    expect(parseDateCell(toExcelSerial({ year: 1990, month: 1, day: 2 }))).toEqual({ year: 1990, month: 1, day: 2 });
    expect(parseDateCell(32875)).toEqual({ year: 1990, month: 1, day: 2 });
    expect(parseDateCell(19900102)).toEqual({ year: 1990, month: 1, day: 2 });
    expect(parseDateCell(199001)).toEqual({ year: 1990, month: 1, day: null });
    expect(parseDateCell(1990.12)).toEqual({ year: 1990, month: 12, day: null });
  });

  it('rejects what is not a date', () => {
    for (const v of ['', '不详', '1990-02-30', '19901301', '2001.13', 'abc', null, true, '12345']) expect(parseDateCell(v as never)).toBeNull();
  });

  it('gives allocation-free keys, YYYYMM00 for month-only dates', () => {
    expect(parseDateKey(new Date(Date.UTC(1990, 0, 2)))).toBe(19900102);
    expect(parseDateKey('199001')).toBe(19900100);
    expect(parseDateKey('x')).toBe(0);
    expect(dateKeyText(19900100)).toBe('1990-01');
    expect(dateKeyText(19900102)).toBe('1990-01-02');
  });
});

describe('text normalisation', () => {
  it('maps full-width forms to half-width and trims every kind of space', () => {
    expect(toHalfWidth('１１０１０５ｘ')).toBe('110105x');
    expect(normaliseText('\u3000 第一选区\u200b ')).toBe('第一选区');
    expect(normaliseText(42)).toBe('42');
    expect(normaliseText(null)).toBe('');
  });

  it('removes padding inside names and unifies the middle dot', () => {
    expect(normaliseName('张  三')).toBe('张三');
    expect(normaliseName('张\u3000三')).toBe('张三');
    expect(normaliseName('阿依古丽.买买提')).toBe('阿依古丽·买买提');
    expect(normaliseName('李晓艳')).toBe('李晓艳');
  });

  it('reads sex cells', () => {
    expect(parseSex('男')).toBe('male');
    expect(parseSex(' 女 ')).toBe('female');
    expect(parseSex('男性')).toBe('male');
    expect(parseSex('F')).toBe('female');
    expect(parseSex('未知')).toBeNull();
    expect(parseSex(null)).toBeNull();
  });

  it('compares district names with Arabic or Chinese numbers alike', () => {
    expect(districtKey('第1选区')).toBe(districtKey('第一选区'));
    expect(districtKey('第 12 选区')).toBe(districtKey('第十二选区'));
    expect(districtKey('第10选区')).toBe(districtKey('第十选区'));
    expect(districtKey('第21选区')).toBe(districtKey('第二十一选区'));
    expect(districtKey('第一选区')).not.toBe(districtKey('第二选区'));
  });
});
