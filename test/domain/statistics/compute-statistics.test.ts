import { checkRolls, computeRollStatistics } from '../../../src/domain/check/check-rolls';
import { LaidOutSheet } from '../../../src/domain/check/check-types';
import { ageOnKey } from '../../../src/domain/statistics/compute-statistics';
import { detectRollLayout } from '../../../src/domain/roll/detect-layout';
import { ageOn } from '../../../src/domain/common/calendar-date';
import { d, ELECTION, laidOut, person, rollGrid } from '../check/roll-fixtures';

function list(sheet: string, rows: (string | null)[][]): LaidOutSheet {
  const grid = { workbook: 'x.xlsx', sheet, startRow: 1, startColumn: 1, rows: [['姓名', '身份证号', '选区', '原因'], ...rows] };
  return { grid, layout: detectRollLayout(grid)! };
}

describe('computeStatistics (through checkRolls)', () => {
  it('counts a hand-worked roll per district and in total', () => {
    // Election day 2026-12-15.
    const one = rollGrid('第一选区', [
      person('甲', d(2008, 12, 1), 11, 'male', { remarks: '新增（年满18周岁）' }), // 18 → band 18-35
      person('乙', d(1960, 6, 6), 12, 'female', { ethnicity: '回族', remarks: '外出，委托李四投票' }), // 66 → 60+
      person('丙', d(1980, 1, 1), 13, 'male', { ethnicity: '汉', remarks: '迁入' }), // 46 → 36-59
      person('丁', d(1970, 2, 2), 14, 'female', { remarks: '死亡' }), // removed, not a voter
    ]);
    const two = rollGrid('第二选区', [person('戊', d(1999, 12, 15), 15, 'female', { ethnicity: '蒙古族' })]); // 27 → 18-35
    const { statistics } = checkRolls({
      rolls: [laidOut(one), laidOut(two)],
      districts: [{ name: '第一选区', population: 100 }, { name: '第2选区', population: 50 }, { name: '第三选区', population: 30 }],
      exclusions: [
        { reason: 'notIncluded', sheets: [list('不列入', [['某甲', null, '第一选区', '精神病人，经确认不列入']])] },
        { reason: 'deceased', sheets: [list('死亡', [['某乙', null, '第一选区', '死亡']])] },
      ],
    }, { electionDate: ELECTION });

    expect(statistics.electionDate).toBe('2026-12-15');
    expect(statistics.districts.map((x) => x.district)).toEqual(['第一选区', '第2选区', '第三选区']);
    const [a, b, c] = statistics.districts;
    expect(a).toEqual({
      district: '第一选区', population: 100, registered: 3, male: 2, female: 1, minority: 1,
      added: { total: 2, byReason: { 年满18周岁: 1, 恢复政治权利: 0, 迁入: 1, 其他: 0 } },
      removed: { total: 1, byReason: { 死亡: 1, 迁出: 0, 被剥夺政治权利: 0, 其他: 0 } },
      away: 1, proxy: 1, notIncluded: 1,
      ageBands: { '18-35': 1, '36-59': 1, '60+': 1 },
      byEthnicity: { 汉族: 2, 回族: 1 },
    });
    expect(b).toMatchObject({ population: 50, registered: 1, male: 0, female: 1, minority: 1, ageBands: { '18-35': 1, '36-59': 0, '60+': 0 }, byEthnicity: { 蒙古族: 1 } });
    expect(c).toMatchObject({ population: 30, registered: 0 });
    expect(statistics.total).toMatchObject({
      district: '合计', population: 180, registered: 4, male: 2, female: 2, minority: 2, away: 1, proxy: 1, notIncluded: 1,
      ageBands: { '18-35': 2, '36-59': 1, '60+': 1 },
    });
    expect(statistics.total.added.total).toBe(2);
    expect(statistics.total.removed.byReason['死亡']).toBe(1);
  });

  it('the total is the sum of the districts (property over a generated roll)', () => {
    const people = Array.from({ length: 60 }, (_, i) => person(`人${i}`, d(1950 + (i % 50), 1 + (i % 12), 1 + (i % 28)), 2 * i + 1, i % 3 ? 'male' : 'female', { remarks: ['', '迁入', '死亡', '外出'][i % 4] }));
    const { statistics } = checkRolls({ rolls: [laidOut(rollGrid('第一选区', people.slice(0, 25))), laidOut(rollGrid('第二选区', people.slice(25)))] }, { electionDate: ELECTION });
    const sum = (k: 'registered' | 'male' | 'female' | 'away') => statistics.districts.reduce((s, x) => s + x[k], 0);
    for (const k of ['registered', 'male', 'female', 'away'] as const) expect(statistics.total[k]).toBe(sum(k));
    expect(statistics.total.registered + statistics.total.removed.total).toBe(60);
    expect(statistics.total.population).toBeNull(); // no district table, no register
  });

  it('ageOnKey agrees with ageOn, including 29 February', () => {
    const births = [d(2008, 2, 29), d(2000, 2, 29), d(1990, 3, 1), d(1990, 12, 31), d(1990, 1, 1)];
    const days = [d(2026, 2, 28), d(2026, 3, 1), d(2028, 2, 28), d(2028, 2, 29), d(2026, 12, 15)];
    const key = (x: { year: number; month: number; day: number }) => x.year * 10000 + x.month * 100 + x.day;
    for (const b of births) for (const on of days) expect(ageOnKey(key(b), key(on))).toBe(ageOn(b, on));
  });
});

describe('computeRollStatistics', () => {
  it('gives the same statistics as checkRolls without running the checks', () => {
    const people = Array.from({ length: 20 }, (_, i) => person(`人${i}`, d(1960 + i, 1 + (i % 12), 1 + i), 2 * i + 1, i % 2 ? 'male' : 'female', { remarks: i % 5 === 0 ? '迁入' : '' }));
    const input = { rolls: [laidOut(rollGrid('第一选区', people))], districts: [{ name: '第一选区', population: 40 }] };
    expect(computeRollStatistics(input, { electionDate: ELECTION })).toEqual(checkRolls(input, { electionDate: ELECTION }).statistics);
  });
});
