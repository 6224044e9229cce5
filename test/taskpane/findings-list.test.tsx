/** @jest-environment jsdom */
/** The findings list: grouped by code, filterable, virtualised, click → select the cell. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Finding } from '../../src/domain/common/finding';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { I18nProvider } from '../../src/taskpane/i18n';

function finding(i: number, code: string, severity: Finding['severity'], sheet = '第一选区'): Finding {
  return { file: 'b.xlsx', sheet, row: i + 4, column: 'F', code, severity, message: { zh: `问题${i}：第${i + 4}行`, en: `Problem ${i}: row ${i + 4}` }, related: [] };
}

function renderList(findings: Finding[], onSelect = jest.fn(), language: 'zh' | 'en' = 'zh') {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language}><FindingsList findings={findings} onSelect={onSelect} height={400} /></I18nProvider>
    </FluentProvider>,
  );
  return onSelect;
}

describe('FindingsList', () => {
  it('groups by code with errors first and counts per group', () => {
    const findings = [finding(0, 'ID_LOWERCASE_X', 'warning'), finding(1, 'DUPLICATE_ID', 'error'), finding(2, 'ID_LOWERCASE_X', 'warning')];
    renderList(findings);
    const groups = screen.getAllByTestId('finding-group');
    expect(groups.map((g) => g.textContent)).toEqual([
      expect.stringContaining('身份证号重复（重登）（1）'),
      expect.stringContaining('身份证号末位为小写x（2）'),
    ]);
    // Collapsing a group hides its findings.
    expect(screen.getAllByTestId('finding-item')).toHaveLength(3);
    fireEvent.click(groups[1]);
    expect(screen.getAllByTestId('finding-item')).toHaveLength(1);
  });

  it('renders only a window of 100,000 findings', () => {
    const findings = Array.from({ length: 100_000 }, (_, i) => finding(i, i % 2 ? 'UNDERAGE' : 'ID_CHECKSUM', 'error'));
    renderList(findings);
    expect(screen.getAllByTestId('finding-item').length).toBeLessThan(40);
    expect(screen.getByTestId('findings-count').textContent).toContain('100000 / 100000');
  });

  it('selects the cell of a clicked finding and shows its full explanation', () => {
    const onSelect = renderList([finding(0, 'DUPLICATE_ID', 'error'), finding(7, 'DUPLICATE_ID', 'error', '第二选区')]);
    const items = screen.getAllByTestId('finding-item');
    expect(items[1].getAttribute('data-cell')).toBe('F11');
    fireEvent.click(items[1]);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ sheet: '第二选区', row: 11, column: 'F' }));
    expect(within(screen.getByTestId('finding-detail')).getByText('问题7：第11行')).toBeTruthy();
  });

  it('shows English when the language is English', () => {
    renderList([finding(0, 'UNDERAGE', 'error')], jest.fn(), 'en');
    expect(screen.getByText('Problem 0: row 4')).toBeTruthy();
    expect(screen.getByTestId('finding-group').textContent).toContain('Under 18 on election day');
  });

  it('filters by severity through the dropdown', async () => {
    renderList([finding(0, 'UNDERAGE', 'error'), finding(1, 'ID_LOWERCASE_X', 'warning'), finding(2, 'ID_FULLWIDTH', 'warning')]);
    fireEvent.click(screen.getByTestId('filter-severity'));
    fireEvent.click(await screen.findByRole('option', { name: '警告' }));
    const items = screen.getAllByTestId('finding-item');
    expect(items.map((i) => i.getAttribute('data-code')).sort()).toEqual(['ID_FULLWIDTH', 'ID_LOWERCASE_X']);
    expect(screen.getByTestId('findings-count').textContent).toContain('2 / 3');
  });

  it('shows related cells as links that select them', () => {
    const f = { ...finding(0, 'DUPLICATE_ID', 'error'), related: [{ file: 'b.xlsx', sheet: '第三选区', row: 9, column: 'F' }] };
    const onSelect = renderList([f]);
    fireEvent.click(screen.getByTestId('finding-item'));
    fireEvent.click(screen.getByText('第三选区!F9'));
    expect(onSelect).toHaveBeenLastCalledWith({ file: 'b.xlsx', sheet: '第三选区', row: 9, column: 'F' });
  });
});
