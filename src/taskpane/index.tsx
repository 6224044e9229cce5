/**
 * The task pane's entry point. Waits for office.js; inside Excel it renders the App on the open workbook, in the
 * clerk's display language. Opened in a plain browser (or when office.js could not load), it says that this page
 * runs inside Excel and links to the playground.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { OutsideOffice } from './components/OutsideOffice';
import { detectLanguage } from './i18n';
import { officeWorkbook } from '../workflows/office-workbook';

/** How long to wait for Office.onReady before deciding this is not Office. */
const READY_TIMEOUT_MS = 8000;

function mount(): HTMLElement {
  let el = document.getElementById('root');
  if (!el) {
    el = document.createElement('div');
    el.id = 'root';
    document.body.appendChild(el);
  }
  return el;
}

function start(): void {
  const root = createRoot(mount());
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') {
    root.render(<OutsideOffice language={detectLanguage()} />);
    return;
  }
  let decided = false;
  const timer = setTimeout(() => {
    if (decided) return;
    decided = true;
    root.render(<OutsideOffice language={detectLanguage()} />);
  }, READY_TIMEOUT_MS);
  void office.onReady((info) => {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    const language = detectLanguage();
    if (String(info?.host) === 'Excel') {
      root.render(<App port={officeWorkbook((batch) => Excel.run(batch))} language={language} />);
    } else {
      root.render(<OutsideOffice language={language} />);
    }
  });
}

start();
