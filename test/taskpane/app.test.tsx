/** @jest-environment jsdom */
/**
 * The whole task pane on an in-memory workbook holding the generated sample: sheets proposed, election date
 * saved, 校验 → findings → click selects the cell → 清除标记, and the 名额分配 tab.
 */
import './jsdom-shims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { generateSample } from '../../src/domain/sample/sample-roll';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../workflows/memory-port';

jest.setTimeout(30000);

const sample = generateSample({ rows: 120, seed: 11 });

function book() {
  return new MemoryWorkbook(sampleWorkbook(sample).sheets, 'sample.xlsx');
}

async function renderApp(wb: MemoryWorkbook, language: 'zh' | 'en' = 'zh') {
  render(<App port={wb} language={language} />);
  await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBeGreaterThan(0));
}

describe('task pane', () => {
  it('proposes the roll sheets, ticked', async () => {
    await renderApp(book());
    for (const s of sample.roll.sheets) {
      const item = screen.getAllByTestId('sheet-item').find((i) => i.getAttribute('data-sheet') === s.name)!;
      expect((within(item).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    }
    const register = screen.getAllByTestId('sheet-item').find((i) => i.getAttribute('data-sheet') === '户籍人口')!;
    expect((within(register).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });

  it('saves the election date in the workbook', async () => {
    const wb = book();
    await renderApp(wb);
    fireEvent.change(screen.getByTestId('election-date'), { target: { value: '2026-12-15' } });
    await waitFor(() => expect(wb.settings.electionDate).toBe('2026-12-15'));
  });

  it('says the election date is needed before checking', async () => {
    const wb = book();
    await renderApp(wb);
    fireEvent.click(screen.getByTestId('validate-button'));
    expect((await screen.findByTestId('validate-notice')).textContent).toContain('选举日');
    expect(wb.calls).not.toContain('flagFindings');
  });

  it('validates, lists findings, selects a clicked finding\'s cell and clears the flags', async () => {
    const wb = book();
    wb.settings = { electionDate: sample.options.electionDate };
    const before = JSON.stringify(wb.sheets.map((s) => s.rows));
    await renderApp(wb);
    fireEvent.click(screen.getByTestId('validate-button'));
    const list = await screen.findByTestId('findings-list', {}, { timeout: 20000 });
    const items = within(list).getAllByTestId('finding-item');
    expect(items.length).toBeGreaterThan(0);
    expect(screen.getByTestId('validate-notice').textContent).toMatch(/共校验 \d+ 行/);
    expect(wb.flags.size).toBeGreaterThan(0);
    expect(wb.sheets.some((s) => s.name === '校验结果')).toBe(true);

    const first = items[0];
    fireEvent.click(first);
    await waitFor(() => expect(wb.selection).not.toBeNull());
    expect(`${wb.selection!.column ?? ''}${wb.selection!.row}`).toBe(first.getAttribute('data-cell'));
    expect(wb.selection!.sheet).toBe(first.getAttribute('data-sheet'));

    fireEvent.click(screen.getByTestId('clear-flags-button'));
    await waitFor(() => expect(wb.flags.size).toBe(0));
    await waitFor(() => expect(screen.getByTestId('validate-notice').textContent).toContain('已清除'));
    expect(JSON.stringify(wb.sheets.filter((s) => s.name !== '校验结果').map((s) => s.rows))).toBe(before);
  });

  it('cancels a running check without writing anything', async () => {
    const wb = book();
    wb.settings = { electionDate: sample.options.electionDate };
    wb.readDelay = 30;
    await renderApp(wb);
    fireEvent.click(screen.getByTestId('validate-button'));
    fireEvent.click(await screen.findByTestId('cancel-button'));
    expect((await screen.findByTestId('validate-notice', {}, { timeout: 10000 })).textContent).toContain('已取消');
    expect(wb.calls).not.toContain('flagFindings');
    expect(wb.sheets.some((s) => s.name === '校验结果')).toBe(false);
  });

  it('allocates seats from the district table and writes the allocation sheet', async () => {
    const wb = book();
    await renderApp(wb);
    fireEvent.click(screen.getByTestId('seats-tab'));
    const districts = sample.districts.sheets[0].rows.filter((r) => typeof r[1] === 'number' && r[0] !== '合计').length;
    const seats = districts * 2;
    fireEvent.change(screen.getByTestId('seats-number'), { target: { value: String(seats) } });
    await act(async () => { fireEvent.click(screen.getByTestId('seats-run-button')); });
    const table = await screen.findByTestId('seats-results', {}, { timeout: 10000 });
    const rows = within(table).getAllByTestId('seats-result-row');
    expect(rows.length).toBe(districts);
    const total = rows.reduce((n, r) => n + Number(r.querySelectorAll('td')[2].textContent), 0);
    expect(total).toBe(seats);
    expect(wb.sheets.some((s) => s.name === '代表名额分配')).toBe(true);
    expect(wb.charts.length).toBe(1);
    expect(wb.settings.seats?.seats).toBe(seats);
  });

  it('saves the clerk\'s choice of roll sheets', async () => {
    const wb = book();
    await renderApp(wb);
    const first = sample.roll.sheets[0].name;
    const item = screen.getAllByTestId('sheet-item').find((i) => i.getAttribute('data-sheet') === first)!;
    fireEvent.click(within(item).getByRole('checkbox'));
    await waitFor(() => expect(wb.settings.rollSheets).toEqual(sample.roll.sheets.slice(1).map((s) => s.name)));
  });

  it('says what is missing when seats are allocated without a number of deputies', async () => {
    const wb = book();
    await renderApp(wb);
    fireEvent.click(screen.getByTestId('seats-tab'));
    await act(async () => { fireEvent.click(screen.getByTestId('seats-run-button')); });
    expect((await screen.findByTestId('seats-error')).textContent).toContain('应选代表总名额');
    expect(wb.sheets.some((s) => s.name === '代表名额分配')).toBe(false);
  });

  it('speaks English when Office does', async () => {
    await renderApp(book(), 'en');
    expect(screen.getByTestId('validate-button').textContent).toBe('Check');
    expect(screen.getByText('Election Clerk')).toBeTruthy();
  });
});
