import { chineseNumeralValue, districtKey, isTotalLabel, normaliseLabel, numericValue, roundTo, splitMeasureMarker } from '../../../src/domain/summary/labels';

describe('normaliseLabel', () => {
  it.each([
    ['人口数（人）', '人口数'],
    ['登记选民数\n（人）', '登记选民数'],
    [' 外 出 选 民 ', '外出选民'],
    ['偏差（%）', '偏差'],
    ['36—55周岁', '36-55岁'],
    ['36岁至55岁', '36-55岁'],
    ['36～55岁', '36-55岁'],
    ['其中：', '其中'],
    ['合　计', '合计'],
    ['（人）', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLabel(input)).toBe(expected);
  });

  it('keeps labels that merely contain a bracket word', () => {
    expect(normaliseLabel('选区名称（范围）')).toBe('选区名称(范围)');
  });
});

describe('splitMeasureMarker', () => {
  it.each([
    ['女性比例', { base: '女性', marker: 'percent' }],
    ['女性所占比例', { base: '女性', marker: 'percent' }],
    ['占比', { base: '', marker: 'percent' }],
    ['比例%', { base: '', marker: 'percent' }],
    ['人数', { base: '', marker: 'count' }],
    ['女性', { base: '女性' }],
    ['登记选民数', { base: '登记选民数' }],
  ])('%j', (input, expected) => {
    expect(splitMeasureMarker(input)).toEqual(expected);
  });
});

describe('district names', () => {
  it('reads Chinese numerals', () => {
    expect(chineseNumeralValue('一')).toBe(1);
    expect(chineseNumeralValue('十')).toBe(10);
    expect(chineseNumeralValue('十二')).toBe(12);
    expect(chineseNumeralValue('二十')).toBe(20);
    expect(chineseNumeralValue('三十五')).toBe(35);
    expect(chineseNumeralValue('一百零二')).toBe(102);
    expect(chineseNumeralValue('东村')).toBeNull();
  });

  it('gives 第一选区, 第1选区, 一选区, １ and 1 the same key, and keeps names apart', () => {
    const keys = ['第一选区', '第1选区', '一选区', '１', 1, '第 一 选区'].map(districtKey);
    expect(new Set(keys)).toEqual(new Set(['1']));
    expect(districtKey('东村选区')).toBe(districtKey('东村'));
    expect(districtKey('第十一选区')).not.toBe(districtKey('第一选区'));
  });

  it('recognises 合计 rows but not sub-items', () => {
    for (const t of ['合计', '合　计', '总计', '全镇合计']) expect(isTotalLabel(t)).toBe(true);
    for (const t of ['第一选区', '其中：合计', '', null]) expect(isTotalLabel(t)).toBe(false);
  });
});

describe('numbers', () => {
  it('reads numbers and numeric text only', () => {
    expect(numericValue(12)).toBe(12);
    expect(numericValue(' 1,200 ')).toBe(1200);
    expect(numericValue('１２')).toBe(12);
    expect(numericValue('12人')).toBeNull();
    expect(numericValue(null)).toBeNull();
  });

  it('rounds halves away from zero without float noise', () => {
    expect(roundTo(33.333333, 1)).toBe(33.3);
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-16.25, 1)).toBe(-16.3);
  });
});
