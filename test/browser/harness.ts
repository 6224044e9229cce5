/**
 * Injected into taskpane.html by the browser tests (page.addInitScript) before any page script runs: a fake
 * Excel holding the sample workbook, installed as the `Excel` and `Office` globals, with the sample's election day
 * saved in the workbook settings — as if the clerk had opened the add-in in Excel on their roll.
 */
import { FakeExcel, installFakeExcel } from '../../src/fake-excel';
import { playgroundSample, sampleWorkbook } from '../../src/playground/sample-workbook';
import { officeWorkbook } from '../../src/workflows/office-workbook';

const sample = playgroundSample({ rows: 300 });
const book = sampleWorkbook(sample);
const fake = new FakeExcel({ name: book.name, sheets: book.sheets, activeSheet: book.sheets[0]?.name });
installFakeExcel(window, fake, { displayLanguage: 'zh-CN' });
void officeWorkbook((batch) => Excel.run(batch)).saveSettings({ electionDate: sample.options.electionDate });
(window as unknown as Record<string, unknown>).__electionClerkHarness = { fake, truth: sample.truth };
