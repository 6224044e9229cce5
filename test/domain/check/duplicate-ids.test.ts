import { checkRolls } from '../../../src/domain/check/check-rolls';
import { d, ELECTION, laidOut, person, rollGrid } from './roll-fixtures';

const a = person('陈雨敏', d(1977, 7, 31), 744, 'female');
const b = person('李强', d(1965, 3, 2), 11, 'male');
const c = person('赵六', d(1990, 9, 9), 31, 'male');

describe('DUPLICATE_ID', () => {
  it('links every occurrence within a sheet, across district sheets and across workbooks', () => {
    const s1 = rollGrid('第一选区', [a, b, a], { workbook: 'town-a.xlsx' }); // a at rows 4 and 6
    const s2 = rollGrid('第二选区', [c, a], { workbook: 'town-a.xlsx' }); // a at row 5
    const s3 = rollGrid('第一选区', [a], { workbook: 'town-b.xlsx' }); // a at row 4 in another workbook
    const { findings } = checkRolls({ rolls: [s1, s2, s3].map(laidOut) }, { electionDate: ELECTION });
    const dups = findings.filter((f) => f.code === 'DUPLICATE_ID');
    const places = [
      { file: 'town-a.xlsx', sheet: '第一选区', row: 4 },
      { file: 'town-a.xlsx', sheet: '第一选区', row: 6 },
      { file: 'town-a.xlsx', sheet: '第二选区', row: 5 },
      { file: 'town-b.xlsx', sheet: '第一选区', row: 4 },
    ];
    expect(dups.map((f) => ({ file: f.file, sheet: f.sheet, row: f.row })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))))
      .toEqual([...places].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
    for (const f of dups) {
      expect(f.severity).toBe('error');
      expect(f.column).toBe('F');
      const others = places.filter((p) => !(p.file === f.file && p.sheet === f.sheet && p.row === f.row));
      expect(f.related.map(({ file, sheet, row }) => ({ file, sheet, row }))).toEqual(expect.arrayContaining(others));
      expect(f.related).toHaveLength(3);
    }
    expect(findings.filter((f) => f.code !== 'DUPLICATE_ID')).toEqual([]);
  });

  it('says whether the other registration is in the same district, another district or another workbook', () => {
    const same = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [a, a]))] }, { electionDate: ELECTION }).findings[0];
    expect(same.message.zh).toContain('同一选区内');
    const across = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [a])), laidOut(rollGrid('第二选区', [a]))] }, { electionDate: ELECTION }).findings[0];
    expect(across.message.zh).toContain('跨选区');
    const files = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [a], { workbook: 'x.xlsx' })), laidOut(rollGrid('第一选区', [a], { workbook: 'y.xlsx' }))] }, { electionDate: ELECTION }).findings[0];
    expect(files.message.zh).toContain('跨工作簿');
    expect(files.message.zh).toContain('y.xlsx');
  });

  it('counts a 15-digit and an 18-digit form of the same number, and a lower-case x, as the same ID', () => {
    const legacy = '110105491231002'; // 18-digit form 11010519491231002X
    const { findings } = checkRolls({
      rolls: [laidOut(rollGrid('第一选区', [
        { name: '王', sex: '女', id: '11010519491231002X' },
        { name: '王', sex: '女', id: legacy },
        { name: '王', sex: '女', id: '11010519491231002x' },
      ]))],
    }, { electionDate: ELECTION });
    expect(findings.filter((f) => f.code === 'DUPLICATE_ID').map((f) => f.row)).toEqual([4, 5, 6]);
  });

  it('ignores a row marked as moved out (迁出) in 备注', () => {
    const moved = { ...a, remarks: '迁出' };
    const { findings } = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [moved])), laidOut(rollGrid('第二选区', [{ ...a, remarks: '迁入' }]))] }, { electionDate: ELECTION });
    expect(findings).toEqual([]);
  });
});
