/** An exclusion-list sheet's reason, read the same way by the command line and the add-in. */
import { exclusionReasonOfSheet } from '../../../src/domain/roll/exclusion-reason';
import { SheetGrid } from '../../../src/domain/workbook/sheet-grid';

const sheet = (name: string, ...titleRows: string[][]): SheetGrid => ({
  workbook: 'w.xlsx', sheet: name, startRow: 1, startColumn: 1, rows: [...titleRows, ['姓名', '公民身份号码']],
});

describe('exclusionReasonOfSheet', () => {
  it('reads the reason from the sheet name', () => {
    expect(exclusionReasonOfSheet(sheet('剥夺政治权利人员名单'))).toBe('deprived');
    expect(exclusionReasonOfSheet(sheet('不列入选民名单人员'))).toBe('notIncluded');
    expect(exclusionReasonOfSheet(sheet('死亡人员'))).toBe('deceased');
  });

  it('reads it from the title rows when the sheet name says nothing', () => {
    expect(exclusionReasonOfSheet(sheet('Sheet3', ['清溪镇经确认未列入选民名单的精神病人名单']))).toBe('notIncluded');
    expect(exclusionReasonOfSheet(sheet('Sheet3', ['清溪镇'], ['户籍注销（去世）人员']))).toBe('deceased');
  });

  it('takes a list that says nothing more specific as deprived of political rights', () => {
    expect(exclusionReasonOfSheet(sheet('排除名单'))).toBe('deprived');
  });
});
