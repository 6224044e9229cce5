/**
 * The ribbon's outcome dialog text on the fake Excel: a protected roll sheet whose cells could not be flagged is
 * named, with what to do; a clean run says nothing of the kind; clear names a protected sheet it could not clear.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { FakeExcel, FakeSheetJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { ribbonOutcome } from '../../src/commands/ribbon-actions';
import { officeWorkbook } from '../../src/workflows/office-workbook';

const sample = generateSample({ rows: 120, seed: 4 });
const book = sampleWorkbook(sample);
const protectedSheet = sample.roll.sheets[1].name;

function open(sheets: FakeSheetJSON[]) {
  const fake = new FakeExcel({ name: book.name, sheets });
  return { fake, port: officeWorkbook((batch) => fake.run(batch)) };
}

const withProtected = () => (book.sheets as FakeSheetJSON[]).map((s) => (s.name === protectedSheet ? { ...s, protected: true } : s));

test('validate: the outcome names the protected sheet that could not be flagged, in either language', async () => {
  const { port } = open(withProtected());
  await port.saveSettings({ electionDate: sample.options.electionDate });
  const zh = await ribbonOutcome('validate', port, 'zh');
  expect(zh.zh).toContain(`“${protectedSheet}”受保护`);
  expect(zh.zh).toContain('撤销工作表保护');
  expect(zh.en).toContain(`"${protectedSheet}" is protected`);
});

test('validate: an ordinary workbook gets no such remark', async () => {
  const { port } = open(book.sheets as FakeSheetJSON[]);
  await port.saveSettings({ electionDate: sample.options.electionDate });
  const outcome = await ribbonOutcome('validate', port, 'zh');
  expect(outcome.zh).not.toContain('受保护');
  expect(outcome.en).not.toContain('protected');
});

test('clear: a sheet protected since it was flagged is named', async () => {
  const { fake, port } = open(book.sheets as FakeSheetJSON[]);
  await port.saveSettings({ electionDate: sample.options.electionDate });
  await ribbonOutcome('validate', port, 'zh');
  const json = fake.toJSON();
  json.sheets = json.sheets.map((s) => (s.name === protectedSheet ? { ...s, protected: true } : s));
  const reopened = new FakeExcel(json);
  const outcome = await ribbonOutcome('clear', officeWorkbook((batch) => reopened.run(batch)), 'zh');
  expect(outcome.zh).toContain(`“${protectedSheet}”受保护，无法清除`);
});
