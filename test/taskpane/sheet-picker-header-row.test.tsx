/** @jest-environment jsdom */
/**
 * The sheet picker's header-row editor and sheet notices (issues #3, #5): changing the header row re-reads that row's
 * labels from the sheet's first rows and maps the columns again; a sheet without a detected header can be set up and
 * then ticked; each sheet's guard notices show under it.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetPicker } from '../../src/taskpane/components/SheetPicker';
import { I18nProvider } from '../../src/taskpane/i18n';
import { SheetProposal } from '../../src/workflows/propose-sheets';
import { RollLayout } from '../../src/domain/roll/roll-layout';
import { CellValue, SheetGrid } from '../../src/domain/workbook/sheet-grid';

const ID = '11010519491231002X';

function preview(sheet: string, rows: CellValue[][]): SheetGrid {
  return { workbook: 'w.xlsx', sheet, startRow: 1, startColumn: 1, rows };
}

/** A roll whose first rows hold two header-like rows: detection took row 2, the real header is row 4. */
const twoHeaders = preview('第一选区', [
  ['青山镇第一选区选民名单'], // 1
  ['序号', '姓名', '性别', '公民身份号码'], // 2 (an old header left above the real one)
  [], // 3
  ['编号', '名字', '身份证号', '住址'], // 4
  [1, '张三', ID, '幸福村'], // 5
  [2, '李四', ID, '幸福村'], // 6
]);
const detected: RollLayout = {
  sheet: '第一选区', headerRow: 2, firstDataRow: 4, lastDataRow: 6, columns: { seq: 1, name: 2, sex: 3, id: 4 },
  district: '第一选区', confidence: 0.8, notes: [],
};

/** A roll whose headers no synonym knows: detection found nothing. */
const unknown = preview('名单', [
  ['甲', '乙', '丙'],
  ['张三', ID, '男'],
  ['李四', ID, '女'],
]);

function proposals(): SheetProposal[] {
  return [
    {
      info: {
        name: '第一选区', rowCount: 6, columnCount: 4, visible: true, protected: true,
        problems: [
          { sheet: '第一选区', code: 'SHEET_PROTECTED', severity: 'warning', message: { zh: '工作表“第一选区”受保护，不会标记。', en: 'Sheet "第一选区" is protected and will not be flagged.' } },
          { sheet: '第一选区', code: 'SHEET_HAS_TABLE', severity: 'info', message: { zh: '工作表“第一选区”含有表格。', en: 'Sheet "第一选区" holds a table.' } },
        ],
      },
      kind: 'roll', layout: detected, saved: false,
      headers: [{ column: 1, letter: 'A', text: '序号' }, { column: 2, letter: 'B', text: '姓名' }, { column: 3, letter: 'C', text: '性别' }, { column: 4, letter: 'D', text: '公民身份号码' }],
      preview: twoHeaders,
    },
    {
      info: { name: '名单', rowCount: 3, columnCount: 3, visible: true, protected: false },
      kind: 'other', layout: null, saved: false, headers: [], preview: unknown,
    },
  ];
}

function renderPicker(overrides: Partial<Parameters<typeof SheetPicker>[0]> = {}) {
  const props = { proposals: proposals(), selected: [] as string[], onToggle: jest.fn(), onLayoutChange: jest.fn(), onRescan: jest.fn(), ...overrides };
  const view = render(<FluentProvider theme={webLightTheme}><I18nProvider language="zh"><SheetPicker {...props} /></I18nProvider></FluentProvider>);
  return { props, view };
}

const item = (sheet: string) => screen.getAllByTestId('sheet-item').find((i) => i.getAttribute('data-sheet') === sheet)!;
const checkbox = (sheet: string) => within(item(sheet)).getByRole('checkbox') as HTMLInputElement;
const headerRowInput = (sheet: string) => within(item(sheet)).getByTestId('header-row-input') as HTMLInputElement;

describe('SheetPicker: the header row', () => {
  it('changing the header row re-reads that row\'s labels and maps the columns again', async () => {
    const { props } = renderPicker();
    fireEvent.click(within(item('第一选区')).getByTestId('sheet-expand'));
    expect(headerRowInput('第一选区').value).toBe('2');
    expect(within(item('第一选区')).getByTestId('mapping-id').textContent).toContain('D · 公民身份号码');

    fireEvent.change(headerRowInput('第一选区'), { target: { value: '4' } });
    // Row 4's labels: 编号 → 序号, 名字 → 姓名, 身份证号 → 公民身份号码, 住址 → 住址; no 性别 there.
    expect(props.onLayoutChange).toHaveBeenCalledTimes(1);
    const [sheet, layout] = (props.onLayoutChange as jest.Mock).mock.calls[0] as [string, RollLayout];
    expect(sheet).toBe('第一选区');
    expect(layout).toMatchObject({ sheet: '第一选区', headerRow: 4, firstDataRow: 5, lastDataRow: 6, confidence: 1 });
    expect(layout.columns).toEqual({ seq: 1, name: 2, id: 3, address: 4 });

    // The picker shows the new mapping at once, with the new row's labels as the choices.
    const here = item('第一选区');
    expect(within(here).getByTestId('mapping-id').textContent).toContain('C · 身份证号');
    expect(within(here).getByTestId('mapping-sex').textContent).toContain('（无此列）');
    expect(within(here).getByTestId('sheet-meta').textContent).toContain('表头在第 4 行');
    expect(within(here).getByTestId('sheet-confirmed')).toBeTruthy();
    fireEvent.click(within(here).getByTestId('mapping-address'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['（无此列）', 'A · 编号', 'B · 名字', 'C · 身份证号', 'D · 住址']);
  });

  it('refuses a row number outside the rows read, or a blank row, and says why', () => {
    const { props } = renderPicker();
    fireEvent.click(within(item('第一选区')).getByTestId('sheet-expand'));
    fireEvent.change(headerRowInput('第一选区'), { target: { value: '7' } });
    expect(item('第一选区').textContent).toContain('请填写 1–6 之间的整数行号');
    fireEvent.change(headerRowInput('第一选区'), { target: { value: '3' } });
    expect(item('第一选区').textContent).toContain('这一行是空的');
    fireEvent.change(headerRowInput('第一选区'), { target: { value: '0' } });
    expect(item('第一选区').textContent).toContain('请填写 1–6 之间的整数行号');
    expect(props.onLayoutChange).not.toHaveBeenCalled();
  });
});

describe('SheetPicker: a sheet without a detected header', () => {
  it('starts with a blank header row; once its header row and name column are set, it can be ticked', async () => {
    const onToggle = jest.fn();
    const onLayoutChange = jest.fn();
    const { props, view } = renderPicker({ onToggle, onLayoutChange });
    expect(checkbox('名单').disabled).toBe(true);

    fireEvent.click(within(item('名单')).getByTestId('sheet-expand'));
    expect(headerRowInput('名单').value).toBe('');
    expect(within(item('名单')).queryByTestId('mapping-name')).toBeNull();

    fireEvent.change(headerRowInput('名单'), { target: { value: '1' } });
    const first = onLayoutChange.mock.calls[0][1] as RollLayout;
    expect(first).toMatchObject({ sheet: '名单', headerRow: 1, firstDataRow: 2, lastDataRow: 3, columns: {} });
    // No column known yet: still not tickable, and the editor says what is missing.
    expect(checkbox('名单').disabled).toBe(true);
    expect(within(item('名单')).getByTestId('mapping-needs-name-or-id')).toBeTruthy();

    fireEvent.click(within(item('名单')).getByTestId('mapping-name'));
    fireEvent.click(await screen.findByRole('option', { name: 'A · 甲' }));
    fireEvent.click(within(item('名单')).getByTestId('mapping-id'));
    fireEvent.click(await screen.findByRole('option', { name: 'B · 乙' }));
    const last = onLayoutChange.mock.calls[onLayoutChange.mock.calls.length - 1][1] as RollLayout;
    expect(last).toMatchObject({ headerRow: 1, columns: { name: 1, id: 2 }, confidence: 1 });
    expect(within(item('名单')).queryByTestId('mapping-needs-name-or-id')).toBeNull();

    expect(checkbox('名单').disabled).toBe(false);
    fireEvent.click(checkbox('名单'));
    expect(onToggle).toHaveBeenCalledWith('名单', true);

    // A new scan (new proposals) forgets the unsaved view of the edits: the parent's proposals are the truth again.
    view.rerender(<FluentProvider theme={webLightTheme}><I18nProvider language="zh"><SheetPicker {...props} proposals={proposals()} /></I18nProvider></FluentProvider>);
    expect(checkbox('名单').disabled).toBe(true);
  });
});

describe('SheetPicker: sheet notices', () => {
  it('shows each sheet\'s problems under it, with their severity', () => {
    renderPicker();
    const shown = within(item('第一选区')).getAllByTestId('sheet-problem');
    expect(shown.map((s) => s.textContent)).toEqual(['工作表“第一选区”受保护，不会标记。', '工作表“第一选区”含有表格。']);
    expect(shown.map((s) => s.getAttribute('data-severity'))).toEqual(['warning', 'info']);
    expect(within(item('名单')).queryAllByTestId('sheet-problem')).toEqual([]);
  });

  it('shows them in English too', () => {
    render(<FluentProvider theme={webLightTheme}><I18nProvider language="en">
      <SheetPicker proposals={proposals()} selected={[]} onToggle={jest.fn()} onLayoutChange={jest.fn()} onRescan={jest.fn()} />
    </I18nProvider></FluentProvider>);
    expect(within(item('第一选区')).getAllByTestId('sheet-problem')[0].textContent).toBe('Sheet "第一选区" is protected and will not be flagged.');
  });
});
