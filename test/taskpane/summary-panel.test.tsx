/** @jest-environment jsdom */
/**
 * The 统计汇总 tab of the task pane on the fake Excel holding the sample and a clerk's template: 生成汇总 shows the
 * table filled, the sheet created and the unmatched label by name; 撤销汇总 puts the workbook back exactly.
 */
import './jsdom-shims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SETTINGS_KEY } from '../../src/adapters/office/workbook-settings';
import { generateSample } from '../../src/domain/sample/sample-roll';
import { FakeExcel, FakeSheetJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { App } from '../../src/taskpane/App';
import { officeWorkbook } from '../../src/workflows/office-workbook';

jest.setTimeout(30000);

const sample = generateSample({ rows: 120, seed: 5 });

const TEMPLATE: FakeSheetJSON = {
  name: '登记表',
  rows: [
    ['选民登记情况统计表'],
    ['选区', '人口数', '登记选民数', '其中', null, '备用栏'],
    [null, null, null, '男', '女'],
    ['第一选区'], ['第二选区'], ['第三选区'],
    ['合计'],
    ['填表人：'],
  ],
  merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:F3'],
  cells: { B7: { formula: '=SUM(B4:B6)' }, C7: { formula: '=SUM(C4:C6)' }, D7: { formula: '=SUM(D4:D6)' }, E7: { formula: '=SUM(E4:E6)' } },
};

function open() {
  const fake = new FakeExcel({ name: 'sample.xlsx', sheets: [...sampleWorkbook(sample).sheets, TEMPLATE] });
  const port = officeWorkbook((batch) => fake.run(batch));
  return { fake, port };
}

/** Sheets and settings, without the moment the settings were saved. */
function snapshot(fake: FakeExcel) {
  const json = fake.toJSON();
  const stored = json.settings?.[SETTINGS_KEY] as { savedAt?: string; settings?: Record<string, unknown> } | undefined;
  if (stored) {
    delete stored.savedAt;
    delete stored.settings?.lastSummary;
  }
  return json;
}

async function renderOnSummaryTab(language: 'zh' | 'en' = 'zh') {
  const { fake, port } = open();
  await port.saveSettings({ electionDate: sample.options.electionDate });
  render(<App port={port} language={language} />);
  await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBeGreaterThan(0));
  fireEvent.click(screen.getByTestId('summary-tab'));
  return { fake, port };
}

describe('统计汇总 tab', () => {
  it('fills the template, creates nothing it need not, names the unmatched label; undo restores the workbook', async () => {
    const { fake } = await renderOnSummaryTab();
    expect((screen.getByTestId('summary-undo-button') as HTMLButtonElement).disabled).toBe(true);
    const before = snapshot(fake);

    await act(async () => { fireEvent.click(screen.getByTestId('summary-run-button')); });
    const results = await screen.findByTestId('summary-results', {}, { timeout: 20000 });
    expect(within(results).getByTestId('summary-filled').textContent).toContain('登记表');
    // No seat settings: no allocation table and a note saying why; the registration table went into the template.
    expect(within(results).queryByTestId('summary-created')).toBeNull();
    expect(within(results).getByTestId('summary-notes').textContent).toContain('名额分配');
    const unmatched = within(results).getByTestId('summary-unmatched');
    expect(unmatched.textContent).toContain('备用栏');
    expect(unmatched.textContent).toContain('登记表!F2');
    expect(fake.cellView('登记表', 4, 3).value).toEqual(expect.any(Number));

    const undo = screen.getByTestId('summary-undo-button') as HTMLButtonElement;
    await waitFor(() => expect(undo.disabled).toBe(false));
    await act(async () => { fireEvent.click(undo); });
    await waitFor(() => expect(screen.getByTestId('summary-notice').textContent).toContain('已撤销汇总'));
    expect(snapshot(fake)).toEqual(before);
    expect(screen.queryByTestId('summary-results')).toBeNull();
  });

  it('speaks English and creates the allocation sheet when seats are set up', async () => {
    const { fake, port } = open();
    await port.saveSettings({ electionDate: sample.options.electionDate, seats: { districtSheet: '选区划分', seats: 6 } });
    render(<App port={port} language="en" />);
    await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByTestId('summary-tab'));
    expect(screen.getByTestId('summary-run-button').textContent).toBe('Make the tables');
    await act(async () => { fireEvent.click(screen.getByTestId('summary-run-button')); });
    const created = await screen.findByTestId('summary-created', {}, { timeout: 20000 });
    expect(created.textContent).toContain('选区划分和代表名额分配表');
    expect(fake.sheetNames()).toContain('选区划分和代表名额分配表');
  });

  it('shows the clerk-facing error when the election date is missing', async () => {
    const { port } = open();
    render(<App port={port} language="zh" />);
    await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByTestId('summary-tab'));
    await act(async () => { fireEvent.click(screen.getByTestId('summary-run-button')); });
    expect((await screen.findByTestId('summary-notice')).textContent).toContain('选举日');
  });
});
