/** @jest-environment jsdom */
/**
 * The notices about awkward sheets under the 校验 outcome: each notice in the pane's language, naming its sheet;
 * and through the whole pane, a protected, filtered sheet with hidden rows gives its notices after 校验, and
 * 清除标记 says which protected sheet kept its flags.
 */
import './jsdom-shims';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { generateSample } from '../../src/domain/sample/sample-roll';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { App } from '../../src/taskpane/App';
import { SheetNotices } from '../../src/taskpane/components/ValidatePanel';
import { I18nProvider } from '../../src/taskpane/i18n';
import { SheetNotice } from '../../src/workflows/workbook-port';
import { MemoryWorkbook } from '../workflows/memory-port';

jest.setTimeout(30000);

const notices: SheetNotice[] = [
  { sheet: '第一选区', code: 'HIDDEN_ROWS', severity: 'warning', message: { zh: '第一选区有隐藏行。', en: 'Sheet one has hidden rows.' } },
  { sheet: '第二选区', code: 'SHEET_HAS_TABLES', severity: 'info', message: { zh: '第二选区含有表格。', en: 'Sheet two has tables.' } },
];

function renderNotices(list: SheetNotice[], language: 'zh' | 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language}><SheetNotices notices={list} /></I18nProvider>
    </FluentProvider>,
  );
}

describe('SheetNotices', () => {
  it('shows one message per notice, in Chinese', () => {
    renderNotices(notices, 'zh');
    const box = screen.getByTestId('validate-notices');
    const items = within(box).getAllByTestId('validate-notice-item');
    expect(items.map((i) => i.textContent)).toEqual(['第一选区有隐藏行。', '第二选区含有表格。']);
    expect(items.map((i) => i.getAttribute('data-sheet'))).toEqual(['第一选区', '第二选区']);
    expect(box.textContent).toContain('关于这些工作表');
  });

  it('and in English', () => {
    renderNotices(notices, 'en');
    const items = screen.getAllByTestId('validate-notice-item');
    expect(items.map((i) => i.textContent)).toEqual(['Sheet one has hidden rows.', 'Sheet two has tables.']);
    expect(screen.getByTestId('validate-notices').textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows nothing when there is nothing to say', () => {
    renderNotices([], 'zh');
    expect(screen.queryByTestId('validate-notices')).toBeNull();
  });
});

describe('the pane with an awkward sheet', () => {
  const sample = generateSample({ rows: 120, seed: 11 });
  const awkward = sample.roll.sheets[0].name;

  it('lists the notices after 校验 and names the protected sheet after 清除标记', async () => {
    const sheets = sampleWorkbook(sample).sheets.map((s) => (s.name === awkward ? { ...s, protected: true, filtered: true, hiddenRows: [5, 6] } : s));
    const wb = new MemoryWorkbook(sheets, 'sample.xlsx');
    wb.settings = { electionDate: sample.options.electionDate };
    render(<App port={wb} language="zh" />);
    await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByTestId('validate-button'));

    const box = await screen.findByTestId('validate-notices', {}, { timeout: 20000 });
    const items = within(box).getAllByTestId('validate-notice-item');
    const codes = items.filter((i) => i.getAttribute('data-sheet') === awkward).map((i) => i.getAttribute('data-code')).sort();
    // Protected and with findings: "not flagged" replaces "protected"; the filter and the hidden rows are noted.
    expect(codes).toEqual(['HIDDEN_ROWS', 'NOT_FLAGGED', 'SHEET_FILTERED']);
    for (const i of items) expect(i.textContent).toContain(`“${awkward}”`);
    expect(items.find((i) => i.getAttribute('data-code') === 'HIDDEN_ROWS')!.textContent).toContain('5, 6');
    // The pane still lists the findings of the protected sheet.
    expect(screen.getAllByTestId('finding-item').length).toBeGreaterThan(0);
    expect([...wb.flags.keys()].some((k) => k.startsWith(`${awkward}!`))).toBe(false);

    // A flag left on the protected sheet (say it was protected after an earlier check) cannot be cleared: said so.
    wb.flags.set(`${awkward}!B5`, 'error');
    fireEvent.click(screen.getByTestId('clear-flags-button'));
    await waitFor(() => expect(screen.getByTestId('validate-notice').textContent).toContain(`“${awkward}”受保护`));
    expect(screen.getByTestId('validate-notice').textContent).toContain('其他工作表的标记已清除');
  });
});
