import { makeId } from '../../../src/domain/id/resident-id';
import { ageBand, countComposition, detectRosterLayout, occupationCategories, parseBirthDate, readRoster } from '../../../src/domain/summary/roster';
import { sheet } from './fixtures';

const ELECTION = { year: 2026, month: 11, day: 20 };

describe('parseBirthDate', () => {
  it.each([
    ['1990.01.02', { year: 1990, month: 1, day: 2 }, false],
    ['1990-1-2', { year: 1990, month: 1, day: 2 }, false],
    ['1990年1月2日', { year: 1990, month: 1, day: 2 }, false],
    ['19900102', { year: 1990, month: 1, day: 2 }, false],
    ['1990.01', { year: 1990, month: 1, day: 1 }, true],
    ['199001', { year: 1990, month: 1, day: 1 }, true],
  ])('%j', (text, date, monthOnly) => {
    expect(parseBirthDate(text)).toEqual({ date, monthOnly });
  });

  it('reads Excel serials and Dates, and rejects impossible dates', () => {
    expect(parseBirthDate(32875)!.date).toEqual({ year: 1990, month: 1, day: 2 }); // 1990-01-02 is serial 32875
    expect(parseBirthDate(new Date(Date.UTC(1990, 0, 2)))!.date).toEqual({ year: 1990, month: 1, day: 2 });
    expect(parseBirthDate('1990-02-30')).toBeNull();
    expect(parseBirthDate('不详')).toBeNull();
  });
});

describe('age bands on election day', () => {
  it('puts 35 in the first band and 36 in the second; 55 in the second and 56 in the third (birthdays count)', () => {
    expect(ageBand({ year: 1990, month: 11, day: 21 }, ELECTION)).toBe('age35'); // 35 until the day after
    expect(ageBand({ year: 1990, month: 11, day: 20 }, ELECTION)).toBe('age36to55'); // 36 on election day
    expect(ageBand({ year: 1970, month: 11, day: 21 }, ELECTION)).toBe('age36to55'); // still 55
    expect(ageBand({ year: 1970, month: 11, day: 20 }, ELECTION)).toBe('age56');
  });
});

describe('occupationCategories', () => {
  it('sorts the usual identity texts', () => {
    expect(occupationCategories('农民')).toEqual({ workerFarmer: true, professional: false, official: false });
    expect(occupationCategories('一线工人')).toMatchObject({ workerFarmer: true });
    expect(occupationCategories('中学教师')).toMatchObject({ professional: true, workerFarmer: false });
    expect(occupationCategories('党政领导干部')).toMatchObject({ official: true });
    expect(occupationCategories('个体工商户')).toEqual({ workerFarmer: false, professional: false, official: false });
  });
});

describe('reading a roster', () => {
  const grid = sheet('代表候选人', [
    ['××镇第十八届人大代表候选人名单'],
    ['序号', '姓 名', '性别', '民族', '出生年月', '政治面貌', '职业/身份', '是否连任', '选区', '身份证号'],
    [1, '甲', '女', '汉族', '1990.11', '中共党员', '农民', '是', '第一选区', null],
    [2, '乙', null, '土家族', null, '群众', '教师', null, '第一选区', makeId('110105', { year: 1960, month: 5, day: 5 }, 11, 'male')],
    [3, '丙', '女', '汉', '1995-12-31', '中共预备党员', '工人', '否', '第二选区', null],
    [4, '丁', '男', '汉族', '1972-11-20', '无党派人士', '党政领导干部', '连任', '第二选区', null],
    [5, '戊', '男', '', '不详', '', '个体', '', '第二选区', null],
    ['合计', '5人'],
  ]);

  it('finds the header by its labels and reads people up to the last name', () => {
    const layout = detectRosterLayout(grid)!;
    expect(layout).toMatchObject({ headerRow: 2, firstDataRow: 3, lastDataRow: 7 });
    expect(layout.columns).toMatchObject({ name: 2, sex: 3, ethnicity: 4, birthDate: 5, politics: 6, occupation: 7, reelected: 8, district: 9, id: 10 });
  });

  it('takes sex and birth from the ID when their cells are empty, and reports what it could not read', () => {
    const { people, problems } = readRoster(grid, detectRosterLayout(grid)!);
    expect(people.map((p) => p.name)).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(people[1]).toMatchObject({ sex: 'male', birth: { year: 1960, month: 5, day: 5 }, minority: true, cpc: false });
    expect(people[2]).toMatchObject({ minority: false, cpc: true });
    expect(people[3]).toMatchObject({ cpc: false, reelected: true });
    expect(people[4]).toMatchObject({ minority: null, cpc: null, birth: null });
    expect(problems.map((p) => p.zh)).toEqual([expect.stringMatching(/第7行（戊）：出生日期无法识别（E7）/)]);
  });

  it('counts the composition per district and in total (hand-counted)', () => {
    const { people } = readRoster(grid, detectRosterLayout(grid)!);
    const c = countComposition(people, ELECTION);
    // ages on 2026-11-20: 甲 36 (born 1990-11, read as the 1st), 乙 66, 丙 30, 丁 54 (birthday), 戊 unknown
    expect(c.total).toEqual({
      total: 5, female: 2, minority: 1, cpc: 2, nonCpc: 2, workerFarmer: 2, professional: 1, official: 1, reelected: 2,
      age35: 1, age36to55: 2, age56: 1,
    });
    expect(c.districts.map((d) => [d.district, d.counts.total])).toEqual([['第一选区', 2], ['第二选区', 3]]);
  });

  it('is not fooled by a sheet that is not a roster', () => {
    expect(detectRosterLayout(sheet('x', [['选区', '人口数'], ['第一选区', 100]]))).toBeNull();
  });
});
