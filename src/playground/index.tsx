/**
 * The playground's entry point: generates the sample roll (deterministic, in the browser), loads all its sheets
 * into a fake Excel workbook, installs the fake as the `Excel`/`Office` globals, presets the sample's election day,
 * and renders the real task pane beside a grid view of the workbook.
 * URL parameters: ?lang=en (English; Chinese by default), ?rows=N (sample size, default 500), ?seed=N.
 */
import { createRoot } from 'react-dom/client';
import { FakeExcel, installFakeExcel } from '../fake-excel';
import { languageFor } from '../taskpane/i18n';
import { officeWorkbook } from '../workflows/office-workbook';
import { fakeGridSource } from './fake-grid-source';
import { Playground } from './Playground';
import { playgroundSample, sampleWorkbook } from './sample-workbook';

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const displayLanguage = params.get('lang') === 'en' ? 'en-US' : 'zh-CN';
  const sample = playgroundSample({ rows: numberParam(params, 'rows'), seed: numberParam(params, 'seed') });
  const book = sampleWorkbook(sample);
  const fake = new FakeExcel({ name: book.name, sheets: book.sheets, activeSheet: book.sheets[0]?.name });
  installFakeExcel(window, fake, { displayLanguage });
  // For the browser tests and the curious: the fake workbook and the sample's ground truth.
  (window as unknown as Record<string, unknown>).__electionClerkPlayground = { fake, truth: sample.truth };

  const port = officeWorkbook((batch) => Excel.run(batch));
  const root = createRoot(document.getElementById('root') ?? document.body.appendChild(document.createElement('div')));
  const render = () => root.render(<Playground port={port} source={fakeGridSource(fake)} language={languageFor(displayLanguage)} />);
  port.loadSettings()
    .then((settings) => (settings.electionDate ? undefined : port.saveSettings({ ...settings, electionDate: sample.options.electionDate })))
    .then(render, render);
}

start();
