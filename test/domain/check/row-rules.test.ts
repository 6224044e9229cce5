import { checkRolls } from '../../../src/domain/check/check-rolls';
import { Finding } from '../../../src/domain/common/finding';
import { checkCharacter } from '../../../src/domain/id/resident-id';
import { d, dateCell, ELECTION, id, laidOut, person, rollGrid, Person } from './roll-fixtures';

function check(people: Person[], options: { districts?: string[]; sheet?: string } = {}): Finding[] {
  const grid = rollGrid(options.sheet ?? '第一选区', people);
  return checkRolls(
    { rolls: [laidOut(grid)], districts: options.districts?.map((name) => ({ name, population: 1000 })) },
    { electionDate: ELECTION },
  ).findings;
}

const codesAt = (findings: Finding[], row: number) => findings.filter((f) => f.row === row).map((f) => f.code).sort();

describe('row rules', () => {
  it('reports nothing for a correct row', () => {
    expect(check([person('王芳', d(1980, 5, 6), 12, 'female')])).toEqual([]);
  });

  it('UNDERAGE: 18 exactly on election day is eligible, one day later is not', () => {
    // Election day 2026-12-15: born 2008-12-15 turns 18 that day; born 2008-12-16 turns 18 the next day.
    const findings = check([
      person('甲', d(2008, 12, 15), 11, 'male'), // row 4
      person('乙', d(2008, 12, 16), 13, 'male'), // row 5
    ]);
    expect(codesAt(findings, 4)).toEqual([]);
    expect(codesAt(findings, 5)).toEqual(['UNDERAGE']);
    const f = findings[0];
    expect(f).toMatchObject({ file: 'roll.xlsx', sheet: '第一选区', row: 5, column: 'F', severity: 'error' });
    expect(f.message.zh).toContain('第5行');
    expect(f.message.zh).toContain('2008-12-16');
  });

  it('UNDERAGE: someone born on 29 February turns 18 on 1 March in a non-leap year', () => {
    // Born 2008-02-29; 2026 is not a leap year, so the 18th birthday is 2026-03-01.
    const onFirst = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [person('丙', d(2008, 2, 29), 15, 'female')]))] }, { electionDate: d(2026, 3, 1) });
    const onLast = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [person('丙', d(2008, 2, 29), 15, 'female')]))] }, { electionDate: d(2026, 2, 28) });
    expect(onFirst.findings).toEqual([]);
    expect(onLast.findings.map((f) => f.code)).toEqual(['UNDERAGE']);
  });

  it('UNDERAGE from the 出生日期 column when there is no ID', () => {
    const findings = check([{ name: '丁', sex: '男', birth: '2009.01.01' }]);
    expect(codesAt(findings, 4)).toEqual(['REQUIRED_MISSING', 'UNDERAGE']);
    expect(findings.find((f) => f.code === 'UNDERAGE')!.column).toBe('E');
  });

  it('ID problems from analyzeId, at the ID column', () => {
    const good = id(d(1970, 1, 1), 21, 'male');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const withX = (() => {
      // Find a sequence whose check character is X, then write it lower-case.
      for (let seq = 1; seq < 999; seq += 2) {
        const v = id(d(1970, 1, 1), seq, 'male');
        if (v.endsWith('X')) return `${v.slice(0, 17)}x`;
      }
      throw new Error('no X found');
    })();
    const fullWidth = good.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const findings = check([
      { name: '甲', sex: '男', id: wrongCheck }, // 4
      { name: '乙', sex: '男', id: withX }, // 5
      { name: '丙', sex: '男', id: fullWidth }, // 6
      { name: '丁', sex: '男', id: '11010519700101' }, // 7: 14 characters
      { name: '戊', sex: '男', id: `11010519701301${'0211'}` }, // 8: month 13
      { name: '己', sex: '男', id: '110105700101213' }, // 9: legacy 15 digits (1970-01-01)
    ]);
    expect(codesAt(findings, 4)).toEqual(['ID_CHECKSUM']);
    expect(codesAt(findings, 5)).toEqual(['ID_LOWERCASE_X']);
    expect(codesAt(findings, 6)).toEqual(['ID_FULLWIDTH']);
    expect(codesAt(findings, 7)).toEqual(['ID_FORMAT']);
    expect(codesAt(findings, 8)).toContain('ID_BIRTHDATE');
    expect(codesAt(findings, 9)).toEqual(['ID_LEGACY_15']);
    for (const f of findings) expect(f.column).toBe('F');
  });

  it('REGION_UNKNOWN is a warning', () => {
    const first17 = '99999919700101021';
    const findings = check([{ name: '甲', sex: '男', id: first17 + checkCharacter(first17) }]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['REGION_UNKNOWN', 'warning']]);
  });

  it('ID_PRECISION_LOST when the ID cell is a number, and it is never "repaired"', () => {
    const findings = check([
      { name: '甲', sex: '男', id: 110105194912310000 },
      { name: '乙', sex: '男', id: '1.10105E+17' },
    ]);
    expect(codesAt(findings, 4)).toEqual(['ID_PRECISION_LOST']);
    expect(codesAt(findings, 5)).toEqual(['ID_PRECISION_LOST']);
    expect(findings[0].message.zh).toContain('1.10105E+17');
  });

  it('a legacy 15-digit ID stored as a number has lost nothing', () => {
    const findings = check([{ name: '甲', sex: '男', id: 110105700101213 }]);
    expect(findings.map((f) => f.code)).toEqual(['ID_LEGACY_15']);
  });

  it('SEX_MISMATCH and BIRTHDATE_MISMATCH against a valid ID', () => {
    const findings = check([
      person('甲', d(1970, 1, 1), 21, 'male', { sex: '女' }), // 4
      person('乙', d(1970, 1, 1), 23, 'male', { birth: dateCell(1970, 1, 2) }), // 5
      person('丙', d(1970, 1, 1), 25, 'male', { birth: '1970.01' }), // 6: month only, agrees
      person('丁', d(1970, 1, 1), 27, 'male', { birth: '197002' }), // 7: month only, disagrees
      person('戊', d(1970, 1, 1), 29, 'male', { birth: '不详' }), // 8: unreadable → warning
    ]);
    expect(codesAt(findings, 4)).toEqual(['SEX_MISMATCH']);
    expect(findings.find((f) => f.row === 4)!.column).toBe('C');
    expect(findings.find((f) => f.row === 4)!.related).toEqual([{ file: 'roll.xlsx', sheet: '第一选区', row: 4, column: 'F' }]);
    expect(codesAt(findings, 5)).toEqual(['BIRTHDATE_MISMATCH']);
    expect(findings.find((f) => f.row === 5)!.column).toBe('E');
    expect(codesAt(findings, 6)).toEqual([]);
    expect(codesAt(findings, 7)).toEqual(['BIRTHDATE_MISMATCH']);
    expect(findings.find((f) => f.row === 8)).toMatchObject({ code: 'BIRTHDATE_MISMATCH', severity: 'warning' });
  });

  it('REQUIRED_MISSING for blank names and IDs, at their columns', () => {
    const findings = check([
      { name: '', sex: '男', id: id(d(1970, 1, 1), 21, 'male') },
      { name: '乙', sex: '男', id: '  ' },
    ]);
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([['REQUIRED_MISSING', 4, 'B'], ['REQUIRED_MISSING', 5, 'F']]);
  });

  it('REQUIRED_MISSING once per sheet when the district cannot be known', () => {
    const findings = check([person('甲', d(1970, 1, 1), 21, 'male')], { sheet: 'Sheet1' });
    // rollGrid's title is "某镇Sheet1选民名单": no district there either.
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([['REQUIRED_MISSING', 3, undefined]]);
  });

  it('ETHNICITY_UNKNOWN is a warning; 汉 without 族 is fine', () => {
    const findings = check([
      person('甲', d(1970, 1, 1), 21, 'male', { ethnicity: '汉' }),
      person('乙', d(1970, 1, 1), 23, 'male', { ethnicity: '火星族' }),
    ]);
    expect(findings.map((f) => [f.code, f.row, f.column, f.severity])).toEqual([['ETHNICITY_UNKNOWN', 5, 'D', 'warning']]);
  });

  it('DISTRICT_UNKNOWN when a district table is given: once per sheet for a sheet district', () => {
    expect(check([person('甲', d(1970, 1, 1), 21, 'male')], { districts: ['第1选区', '第二选区'] })).toEqual([]);
    // The district table may write the same district without 第 or as a number, as the summary tables do.
    expect(check([person('甲', d(1970, 1, 1), 21, 'male')], { districts: ['一选区'] })).toEqual([]);
    expect(check([person('甲', d(1970, 1, 1), 21, 'male')], { districts: ['1'] })).toEqual([]);
    const findings = check([person('甲', d(1970, 1, 1), 21, 'male'), person('乙', d(1970, 1, 1), 23, 'male')], { districts: ['第二选区'] });
    expect(findings.map((f) => [f.code, f.row])).toEqual([['DISTRICT_UNKNOWN', 3]]);
  });

  it('DISTRICT_UNKNOWN per row for a 选区 column', () => {
    const grid = {
      workbook: 'one.xlsx', sheet: '选民名单', startRow: 1, startColumn: 1,
      rows: [
        ['姓名', '选区', '性别', '身份证号'],
        ['甲', '第一选区', '男', id(d(1970, 1, 1), 21, 'male')],
        ['乙', '第九选区', '男', id(d(1970, 1, 1), 23, 'male')],
        ['丙', '', '男', id(d(1970, 1, 1), 25, 'male')],
      ],
    };
    const { findings } = checkRolls({ rolls: [laidOut(grid)], districts: [{ name: '第一选区', population: 10 }] }, { electionDate: ELECTION });
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([['DISTRICT_UNKNOWN', 3, 'B'], ['REQUIRED_MISSING', 4, 'B']]);
  });

  it('rows marked as removed (死亡/迁出) are not voters: no UNDERAGE for them', () => {
    const findings = check([person('甲', d(2010, 1, 1), 21, 'male', { remarks: '迁出' })]);
    expect(findings).toEqual([]);
  });
});
