import { checkRolls } from '../../../src/domain/check/check-rolls';
import { LaidOutSheet } from '../../../src/domain/check/check-types';
import { detectRollLayout } from '../../../src/domain/roll/detect-layout';
import { CellValue, SheetGrid } from '../../../src/domain/workbook/sheet-grid';
import { d, ELECTION, id, laidOut, person, rollGrid } from './roll-fixtures';

function list(workbook: string, sheet: string, rows: CellValue[][]): LaidOutSheet {
  const grid: SheetGrid = { workbook, sheet, startRow: 1, startColumn: 1, rows: [['姓名', '性别', '出生日期', '身份证号', '选区', '备注'], ...rows] };
  return { grid, layout: detectRollLayout(grid)! };
}

const voter = person('王芳', d(1980, 5, 6), 12, 'female');
const roll = [laidOut(rollGrid('第一选区', [voter]))];

describe('NOT_REGISTERED from the population register', () => {
  it('reports adults on no roll and on no exclusion list, pointing into the register', () => {
    const adult = id(d(1990, 1, 1), 31, 'male');
    const turning18 = id(d(2008, 12, 15), 33, 'male'); // 18 on election day: must be registered
    const child = id(d(2008, 12, 16), 35, 'male'); // 18 the day after
    const excluded = id(d(1970, 1, 1), 37, 'male');
    const dead = id(d(1950, 1, 1), 39, 'male');
    const register = list('register.xlsx', '户籍人口', [
      ['王芳', '女', '1980-05-06', voter.id as string, '第一选区', null], // row 2: on the roll
      ['张三', '男', '1990-01-01', adult, '第一选区', null], // row 3: missing
      ['李四', '男', '2008-12-15', turning18, '第一选区', null], // row 4: missing
      ['小五', '男', '2008-12-16', child, '第一选区', null], // row 5: under 18
      ['赵六', '男', '1970-01-01', excluded, '第一选区', null], // row 6: on the exclusion list
      ['钱七', '男', '1950-01-01', dead, '第一选区', '死亡'], // row 7: marked dead in the register
    ]);
    const exclusions = [{ reason: 'deprived' as const, sheets: [list('excl.xlsx', '剥夺政治权利人员', [['赵六', '男', '1970-01-01', excluded, null, '判刑']])] }];
    const { findings } = checkRolls({ rolls: roll, register: [register], exclusions }, { electionDate: ELECTION });
    const missing = findings.filter((f) => f.code === 'NOT_REGISTERED');
    expect(missing.map((f) => [f.file, f.sheet, f.row, f.column])).toEqual([['register.xlsx', '户籍人口', 3, 'D'], ['register.xlsx', '户籍人口', 4, 'D']]);
    expect(missing[0].message.zh).toContain('漏登');
  });

  it('a mistyped ID on the roll does not make the resident look missing (matched by name and birth date)', () => {
    const typo = `${(voter.id as string).slice(0, 16)}${(Number((voter.id as string)[16]) + 2) % 10}${(voter.id as string)[17]}`;
    const typoRoll = [laidOut(rollGrid('第一选区', [{ ...voter, id: typo }]))];
    const register = list('register.xlsx', '户籍人口', [['王芳', '女', '1980-05-06', voter.id as string, '第一选区', null]]);
    const { findings } = checkRolls({ rolls: typoRoll, register: [register] }, { electionDate: ELECTION });
    expect(findings.filter((f) => f.code === 'NOT_REGISTERED')).toEqual([]);
  });
});

describe('NOT_REGISTERED from the previous roll', () => {
  it('reports voters missing now unless 备注 gives a removal reason', () => {
    const gone = id(d(1960, 2, 2), 41, 'male');
    const moved = id(d(1961, 3, 3), 43, 'male');
    const previous = list('last.xlsx', '第一选区', [
      ['王芳', '女', '1980-05-06', voter.id as string, '第一选区', null], // row 2: still on the roll
      ['周八', '男', '1960-02-02', gone, '第一选区', null], // row 3: missing, no reason
      ['吴九', '男', '1961-03-03', moved, '第一选区', '已迁出'], // row 4: reason given
    ]);
    const { findings } = checkRolls({ rolls: roll, previous: [previous] }, { electionDate: ELECTION });
    expect(findings.map((f) => [f.code, f.file, f.row])).toEqual([['NOT_REGISTERED', 'last.xlsx', 3]]);
    expect(findings[0].message.zh).toContain('上届');
  });
});

describe('INELIGIBLE_LISTED', () => {
  it('reports a rolled person on an exclusion list, by ID or by name and birth date', () => {
    const deprived = person('孙某', d(1975, 4, 4), 51, 'male');
    const deceased = person('周某', d(1940, 1, 1), 53, 'male');
    const rolls = [laidOut(rollGrid('第一选区', [voter, deprived, deceased]))];
    const exclusions = [
      { reason: 'deprived' as const, sheets: [list('excl.xlsx', '剥夺政治权利人员', [['孙某', '男', '1975-04-04', deprived.id as string, null, '判处有期徒刑并剥夺政治权利']])] },
      { reason: 'deceased' as const, sheets: [list('dead.xlsx', '死亡人员', [['周某', '男', '1940-01-01', null, null, null]])] },
    ];
    const { findings } = checkRolls({ rolls, exclusions }, { electionDate: ELECTION });
    expect(findings.map((f) => [f.code, f.row, f.column])).toEqual([['INELIGIBLE_LISTED', 5, 'F'], ['INELIGIBLE_LISTED', 6, 'F']]);
    expect(findings[0].related).toEqual([{ file: 'excl.xlsx', sheet: '剥夺政治权利人员', row: 2, column: 'D' }]);
    expect(findings[0].message.zh).toContain('被剥夺政治权利');
    expect(findings[1].message.zh).toContain('已死亡');
  });

  it('does not match by name alone', () => {
    const rolls = [laidOut(rollGrid('第一选区', [voter]))];
    const exclusions = [{ reason: 'deprived' as const, sheets: [list('excl.xlsx', '剥夺政治权利人员', [['王芳', '女', '1999-01-01', null, null, null]])] }];
    expect(checkRolls({ rolls, exclusions }, { electionDate: ELECTION }).findings).toEqual([]);
  });
});
