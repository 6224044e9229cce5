import { fillTemplate } from '../../../src/domain/summary/fill-template';
import { COMPOSITION_TABLE, REGISTRATION_TABLE, ALLOCATION_TABLE } from '../../../src/domain/summary/table-definitions';
import { compositionValues, registrationValues, allocationValues } from '../../../src/domain/summary/table-values';
import { findDistrict, findTemplates, matchHeaderPath, matchTemplate, titleScore, transposeGrid } from '../../../src/domain/summary/template-match';
import { CompositionCounts } from '../../../src/domain/summary/roster';
import { sheet, threeDistricts } from './fixtures';

describe('matchHeaderPath', () => {
  const key = (path: string[], def = REGISTRATION_TABLE) => matchHeaderPath(path, def)?.key ?? null;

  it('matches labels, synonyms and units', () => {
    expect(key(['人口数（人）'])).toBe('population');
    expect(key(['总人口'])).toBe('population');
    expect(key(['选民数'])).toBe('registered');
    expect(key(['其中', '女性'])).toBe('female');
    expect(key(['其中：男'])).toBe('male');
    expect(key(['未列入选民名单的'])).toBe('notIncluded');
    expect(key(['选区名称'])).toBe('districtName');
  });

  it('tells the two 合计 columns apart by their parent and will not guess without one', () => {
    expect(key(['新增选民', '合计'])).toBe('addedTotal');
    expect(key(['减少选民数', '小计'])).toBe('removedTotal');
    expect(key(['合计'])).toBeNull();
    expect(key(['新增选民'])).toBe('addedTotal');
    expect(key(['迁入'])).toBeNull(); // 迁入 alone could be anything
    expect(key(['新增', '迁入'])).toBe('addedMovedIn');
    expect(key(['减少', '迁出'])).toBe('removedMovedOut');
  });

  it('reads counts and percentages of a composition category from the marker in the leaf or under it', () => {
    const c = (path: string[]) => key(path, COMPOSITION_TABLE);
    expect(c(['女性', '人数'])).toBe('female');
    expect(c(['女性', '比例'])).toBe('femalePercent');
    expect(c(['女性', '占比(%)'])).toBe('femalePercent');
    expect(c(['女性比例'])).toBe('femalePercent');
    expect(c(['女代表'])).toBe('female');
    expect(c(['年龄段', '35岁及以下', '人数'])).toBe('age35');
    expect(c(['年龄', '36至55周岁', '比例'])).toBe('age36to55Percent');
    expect(c(['人数'])).toBe('total');
    expect(c(['政治面貌', '非中共党员', '%'])).toBe('nonCpcPercent');
  });

  it('returns null for labels of no column', () => {
    expect(key(['港澳台选民'])).toBeNull();
    expect(key(['备注'])).toBeNull();
  });
});

describe('finding districts by their labels', () => {
  const names = ['第一选区', '第二选区', '东村选区', '第十一选区'];
  it('accepts the usual spellings, numbers only in the 编号 column', () => {
    expect(findDistrict('第1选区', names, false)).toBe('第一选区');
    expect(findDistrict('二选区', names, false)).toBe('第二选区');
    expect(findDistrict('东村', names, false)).toBe('东村选区');
    expect(findDistrict('11', names, true)).toBe('第十一选区');
    expect(findDistrict('11', names, false)).toBeNull();
    expect(findDistrict('西村', names, false)).toBeNull();
  });
});

describe('template layouts', () => {
  const values = registrationValues(threeDistricts());

  it('skips note rows above and below the table and stops at the signature line', () => {
    const grid = sheet('表一', [
      ['附件3'],
      ['××县××镇第十八届人民代表大会代表选举'],
      ['选民登记情况统计表'],
      ['填报单位：', null, '日期：2026年10月'],
      ['选区', '人口数', '登记选民数', '外出选民'],
      ['第一选区'],
      ['第二选区'],
      ['东村选区'],
      ['合计'],
      ['说明：1. 人口数为户籍人口。'],
      ['2. 外出选民指在外务工经商的选民。'],
      ['负责人：', null, '填表人：'],
    ]);
    const match = matchTemplate(grid, values)!;
    expect(match.headerStart).toBe(5);
    expect(match.entries.map((e) => e.index)).toEqual([6, 7, 8, 9]);
    expect(match.unmatched).toEqual([]);
    const result = fillTemplate(grid, match, values);
    expect(Math.max(...result.plan.writes.map((w) => w.row))).toBe(9);
    expect(Math.min(...result.plan.writes.map((w) => w.row))).toBe(6);
    expect(titleScore(grid, REGISTRATION_TABLE).address).toBe('A3');
  });

  it('matches a 选区编号 column of numbers when the name column is absent', () => {
    const grid = sheet('s', [
      ['选民登记情况统计表'],
      ['选区编号', '登记选民数', '男', '女'],
      [1], [2], [3], ['合计'],
    ]);
    const v = registrationValues({ ...threeDistricts(), districts: threeDistricts().districts.slice(0, 2) });
    const match = matchTemplate(grid, v)!;
    expect(match.entries.map((e) => [e.index, e.district])).toEqual([[3, '第一选区'], [4, '第二选区'], [6, null]]);
    expect(match.unmatched.map((u) => u.text)).toEqual(['3']);
  });

  it('matches districts as columns with a two-level side header (transposed merges)', () => {
    const grid = sheet('s', [
      ['选民登记情况统计表'],
      ['项目', null, '第一选区', '第二选区', '东村选区', '合计'],
      ['减少选民', '死亡'],
      [null, '迁出'],
      [null, '被剥夺政治权利'],
      [null, '小计'],
    ], ['A1:F1', 'A2:B2', 'A3:A6']);
    const t = transposeGrid(grid);
    expect(t.merges).toContainEqual({ startRow: 1, startColumn: 3, endRow: 1, endColumn: 6 }); // A3:A6 becomes C1:F1
    const match = matchTemplate(grid, values)!;
    expect(match.orientation).toBe('districts-as-columns');
    expect(match.measures.map((m) => [m.key, m.index, m.address])).toEqual([
      ['removedDeceased', 3, 'B3'], ['removedMovedOut', 4, 'B4'], ['removedDeprived', 5, 'B5'], ['removedTotal', 6, 'B6'],
    ]);
    expect(match.entries.map((e) => [e.index, e.address])).toEqual([[3, 'C2'], [4, 'D2'], [5, 'E2'], [6, 'F2']]);
  });

  it('fills a three-level composition header and a single row named after the township', () => {
    const counts = (o: Partial<CompositionCounts>): CompositionCounts => ({
      total: 0, female: 0, minority: 0, cpc: 0, nonCpc: 0, workerFarmer: 0, professional: 0, official: 0, reelected: 0, age35: 0, age36to55: 0, age56: 0, ...o,
    });
    const v = compositionValues({ districts: [], total: counts({ total: 8, age35: 2, age36to55: 5, age56: 1, female: 3 }) });
    const grid = sheet('结构', [
      ['××镇代表候选人结构情况统计表'],
      ['单位', '候选人数', '女性', null, '年龄段', null, null, null, null, null],
      [null, null, '人数', '比例', '35岁以下', null, '36-55岁', null, '56岁以上', null],
      [null, null, null, null, '人数', '比例', '人数', '比例', '人数', '比例'],
      ['××镇'],
    ], ['A2:A4', 'B2:B4', 'C2:D2', 'C3:C4', 'D3:D4', 'E2:J2', 'E3:F3', 'G3:H3', 'I3:J3']);
    const match = matchTemplate(grid, v)!;
    expect(match.headerEnd).toBe(4);
    expect(match.measures.map((m) => m.key)).toEqual(['total', 'female', 'femalePercent', 'age35', 'age35Percent', 'age36to55', 'age36to55Percent', 'age56', 'age56Percent']);
    expect(match.entries).toEqual([expect.objectContaining({ index: 5, isTotal: true, label: '××镇' })]);
    const filled = fillTemplate(grid, match, v).plan.writes.map((w) => w.value);
    // 8 candidates: 3 women 37.5%; 2 / 5 / 1 by age → 25.0%, 62.5%, 12.5%
    expect(filled).toEqual([8, 3, 37.5, 2, 25, 5, 62.5, 1, 12.5]);
  });

  it('returns null for a sheet with no header of the table', () => {
    expect(matchTemplate(sheet('x', [['姓名', '性别'], ['张三', '男']]), values)).toBeNull();
  });
});

describe('findTemplates', () => {
  it('finds each table on the sheet whose title names it, and reports tables it cannot find', () => {
    const reg = sheet('Sheet2', [['选民登记情况统计表'], ['选区', '人口数', '登记选民数'], ['第一选区']]);
    const alloc = sheet('名额', [['选区划分和代表名额分配表'], ['选区编号', '选区名称', '人口数', '应选代表名额', '每名代表所代表人口数', '偏差(%)'], [1, '第一选区']]);
    const roll = sheet('第一选区', [['第一选区选民名单'], ['序号', '姓名', '性别'], [1, '张三', '男']]);
    const tables = [
      registrationValues(threeDistricts()),
      allocationValues({ districts: [{ name: '第一选区', population: 3000, seats: 3, populationPerDeputy: 1000, deviationPercent: 0 }] }),
      compositionValues({ districts: [], total: { total: 0, female: 0, minority: 0, cpc: 0, nonCpc: 0, workerFarmer: 0, professional: 0, official: 0, reelected: 0, age35: 0, age36to55: 0, age56: 0 } }),
    ];
    const found = findTemplates([roll, alloc, reg], tables);
    expect(found.matches.map((m) => [m.table, m.sheet])).toEqual([['registration', 'Sheet2'], ['allocation', '名额']]);
    expect(found.notFound).toEqual(['composition']);
    expect(found.matches[1].measures.map((m) => m.key)).toEqual(['population', 'seats', 'populationPerDeputy', 'deviationPercent']);
    expect(ALLOCATION_TABLE.columns.filter((c) => c.kind === 'label').map((c) => c.key)).toEqual(['districtNo', 'districtName']);
  });

  it('takes an untitled sheet by its header only when at least three columns match', () => {
    const untitled = sheet('Sheet1', [['选区', '登记选民数', '男', '女'], ['第一选区']]);
    const two = sheet('Sheet1', [['选区', '登记选民数', '男'], ['第一选区']]);
    const v = [registrationValues(threeDistricts())];
    expect(findTemplates([untitled], v).matches).toHaveLength(1);
    expect(findTemplates([untitled], v).notes[0].zh).toContain('按表头判断');
    expect(findTemplates([two], v).matches).toHaveLength(0);
  });
});

describe('a composition table with the categories down the side and 人数/比例 across', () => {
  it('fills the counts and the percentages of the 合计', () => {
    const counts: CompositionCounts = { total: 8, female: 3, minority: 1, cpc: 5, nonCpc: 3, workerFarmer: 4, professional: 2, official: 1, reelected: 2, age35: 2, age36to55: 5, age56: 1 };
    const v = compositionValues({ districts: [], total: counts });
    const grid = sheet('结构', [
      ['代表结构统计表'],
      ['项目', '人数', '比例（%）'],
      ['代表总数'],
      ['女性'],
      ['少数民族'],
      ['中共党员'],
      ['连任代表'],
    ]);
    const match = matchTemplate(grid, v)!;
    expect(match.orientation).toBe('districts-as-columns');
    const writes = fillTemplate(grid, match, v).plan.writes.map((w) => [`${String.fromCharCode(64 + w.column)}${w.row}`, w.value]);
    // 8 deputies: 3 women 37.5%, 1 minority 12.5%, 5 CPC 62.5%, 2 re-elected 25.0%
    expect(writes).toEqual(expect.arrayContaining([
      ['B3', 8], ['B4', 3], ['C4', 37.5], ['B5', 1], ['C5', 12.5], ['B6', 5], ['C6', 62.5], ['B7', 2], ['C7', 25],
    ]));
    expect(writes).toHaveLength(9); // 代表总数 has no percentage of its own
    expect(match.unmatched).toEqual([]);
  });
});
