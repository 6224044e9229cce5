/** @jest-environment jsdom */
/**
 * The task pane's entry point: inside Excel (here the fake, installed as the globals) it shows the App; in a
 * plain browser it says the page runs inside Excel and links to the playground.
 */
import './jsdom-shims';
import { screen, waitFor } from '@testing-library/dom';
import { FakeExcel, installFakeExcel } from '../../src/fake-excel';

// The entry creates its own React root, outside Testing Library: updates are waited for with findBy/waitFor.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

function loadEntry() {
  jest.isolateModules(() => {
    require('../../src/taskpane/index');
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('task pane entry', () => {
  it('outside Office: explains and offers the playground', async () => {
    loadEntry();
    const box = await screen.findByTestId('outside-office');
    expect(box.textContent).toMatch(/Excel/);
    expect(screen.getByTestId('open-playground').getAttribute('href')).toBe('playground.html');
  });

  it('in a browser where office.js says the host is not Excel: the same message', async () => {
    const installed = installFakeExcel(globalThis, new FakeExcel(), { host: '' as unknown as string, displayLanguage: 'en-US' });
    try {
      loadEntry();
      expect((await screen.findByTestId('outside-office')).textContent).toContain('Open this in Excel');
    } finally {
      installed.uninstall();
    }
  });

  it('inside Excel: renders the task pane in the display language', async () => {
    const fake = new FakeExcel({ name: 'b.xlsx', sheets: [{ name: '第一选区', rows: [['序号', '姓名', '性别', '公民身份号码'], [1, '张三', '男', '11010519491231002X']] }] });
    const installed = installFakeExcel(globalThis, fake, { displayLanguage: 'zh-CN' });
    try {
      loadEntry();
      await waitFor(() => expect(screen.getAllByTestId('sheet-item').length).toBe(1));
      expect(screen.getByTestId('validate-button').textContent).toBe('校验');
    } finally {
      installed.uninstall();
    }
  });
});
