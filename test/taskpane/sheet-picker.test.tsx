/** @jest-environment jsdom */
/** The sheet picker: proposed sheets with kind and confidence, ticking rolls, editing the column mapping. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetPicker } from '../../src/taskpane/components/SheetPicker';
import { I18nProvider } from '../../src/taskpane/i18n';
import { SheetProposal } from '../../src/workflows/propose-sheets';
import { RollLayout } from '../../src/domain/roll/roll-layout';

const layout: RollLayout = {
  sheet: '第一选区', headerRow: 3, firstDataRow: 4, lastDataRow: 60, columns: { seq: 1, name: 2, sex: 3, id: 6 },
  district: '第一选区', confidence: 0.82, notes: [],
};

const proposals: SheetProposal[] = [
  {
    info: { name: '第一选区', rowCount: 61, columnCount: 9, visible: true, protected: false },
    kind: 'roll', layout, saved: false,
    headers: [
      { column: 1, letter: 'A', text: '序号' }, { column: 2, letter: 'B', text: '姓名' }, { column: 3, letter: 'C', text: '性别' },
      { column: 6, letter: 'F', text: '公民身份号码' }, { column: 7, letter: 'G', text: '身份证号（旧）' },
    ],
  },
  { info: { name: '说明', rowCount: 3, columnCount: 1, visible: true, protected: false }, kind: 'other', layout: null, saved: false, headers: [] },
];

function renderPicker(overrides: Partial<Parameters<typeof SheetPicker>[0]> = {}) {
  const props = { proposals, selected: ['第一选区'], onToggle: jest.fn(), onLayoutChange: jest.fn(), onRescan: jest.fn(), ...overrides };
  render(<FluentProvider theme={webLightTheme}><I18nProvider language="zh"><SheetPicker {...props} /></I18nProvider></FluentProvider>);
  return props;
}

describe('SheetPicker', () => {
  it('lists sheets with their kind, header row, district and confidence', () => {
    renderPicker();
    const items = screen.getAllByTestId('sheet-item');
    expect(items.map((i) => i.getAttribute('data-sheet'))).toEqual(['第一选区', '说明']);
    expect(within(items[0]).getByText('选民名单')).toBeTruthy();
    expect(within(items[0]).getByTestId('sheet-confidence').textContent).toBe('识别可信度 82%');
    expect(items[0].textContent).toContain('表头在第 3 行');
    expect(items[0].textContent).toContain('选区：第一选区');
    // A sheet without a layout cannot be ticked.
    expect((within(items[1]).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
  });

  it('reports ticking and unticking', () => {
    const props = renderPicker();
    fireEvent.click(within(screen.getAllByTestId('sheet-item')[0]).getByRole('checkbox'));
    expect(props.onToggle).toHaveBeenCalledWith('第一选区', false);
  });

  it('edits the column mapping from the sheet\'s headers and marks it confirmed', async () => {
    const props = renderPicker();
    fireEvent.click(screen.getByTestId('sheet-expand'));
    const idDropdown = screen.getByTestId('mapping-id');
    expect(idDropdown.textContent).toContain('F · 公民身份号码');
    fireEvent.click(idDropdown);
    fireEvent.click(await screen.findByRole('option', { name: 'G · 身份证号（旧）' }));
    expect(props.onLayoutChange).toHaveBeenCalledWith('第一选区', expect.objectContaining({
      columns: { seq: 1, name: 2, sex: 3, id: 7 }, confidence: 1, headerRow: 3,
    }));
  });

  it('can remove a column from the mapping', async () => {
    const props = renderPicker();
    fireEvent.click(screen.getByTestId('sheet-expand'));
    fireEvent.click(screen.getByTestId('mapping-sex'));
    fireEvent.click(await screen.findByRole('option', { name: '（无此列）' }));
    const changed = (props.onLayoutChange as jest.Mock).mock.calls[0][1] as RollLayout;
    expect(changed.columns).toEqual({ seq: 1, name: 2, id: 6 });
  });
});
