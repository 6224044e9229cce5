/**
 * The clerk's layout on the fake Excel (issues #3, #5): a roll whose headers detection cannot read (renamed to
 * 甲, 乙, …) is checked once the clerk sets its header row and columns the way the task pane does (withHeaderRow,
 * withColumn, saved in the workbook settings), and a saved header row that differs from detection's is honoured,
 * with the data rows ending before the 合计 row. The oracle is the same workbook with its headers intact, checked by
 * detection alone: the clerk's layout must find exactly what detection finds there.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { CellValue } from '../../src/domain/workbook/sheet-grid';
import { ColumnRole } from '../../src/domain/roll/roll-layout';
import { FakeExcel, FakeSheetJSON, FakeWorkbookJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { officeWorkbook } from '../../src/workflows/office-workbook';
import { proposeSheets, withColumn, withHeaderRow } from '../../src/workflows/propose-sheets';
import { loadSettings, saveSettings } from '../../src/workflows/settings';
import { validateWorkbook, ValidateResult } from '../../src/workflows/validate-workbook';

const sample = generateSample({ rows: 150, seed: 8 });
const book = sampleWorkbook(sample);
const electionDate = sample.options.electionDate;
const rollSheets = sample.roll.sheets.map((s) => s.name);
const [, second, third] = rollSheets;

/** The sample roll's header is on row 3 (title, blank, header); its columns, in order. */
const HEADER_ROW = 3;
const ROLES_IN_ORDER: ColumnRole[] = ['seq', 'name', 'sex', 'ethnicity', 'birthDate', 'id', 'address', 'group', 'remarks'];

function copySheet(s: FakeSheetJSON): FakeSheetJSON {
  return { ...s, rows: s.rows?.map((r) => [...r]) };
}

function workbook(change: (s: FakeSheetJSON) => FakeSheetJSON = (s) => s): FakeWorkbookJSON {
  return { name: book.name, sheets: (book.sheets as FakeSheetJSON[]).map(copySheet).map(change) };
}

function open(json: FakeWorkbookJSON) {
  const fake = new FakeExcel(json);
  return { fake, port: officeWorkbook((batch) => fake.run(batch)) };
}

/** Excel row of the sheet's 合计 row, found by hand. */
function totalsRow(sheet: string): number {
  const rows = (book.sheets as FakeSheetJSON[]).find((s) => s.name === sheet)!.rows as CellValue[][];
  const i = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('合计'));
  expect(i).toBeGreaterThan(HEADER_ROW);
  return i + 1;
}

const key = (f: { code: string; sheet: string; row: number; column?: string }) => `${f.code}@${f.sheet}!${f.column ?? ''}${f.row}`;
/** A planted defect is found when a finding of its code is on its row (the defect list names the row, not always the cell). */
const planted = (f: { code: string; sheet: string; row: number }) => `${f.code}@${f.sheet}!${f.row}`;
const findingsOn = (r: ValidateResult, sheet: string) => r.findings.filter((f) => f.sheet === sheet).map(key).sort();

let reference: ValidateResult;
beforeAll(async () => {
  // The untouched sample, checked by detection alone.
  reference = await validateWorkbook(open(workbook()).port, { electionDate }, { write: false });
  expect(reference.sheets.map((s) => s.sheet).sort()).toEqual([...rollSheets].sort());
});

describe('a roll whose headers detection cannot read', () => {
  const unknownWords = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'];
  const renamed = () => workbook((s) => (s.name === second
    ? { ...s, rows: s.rows!.map((r, i) => (i === HEADER_ROW - 1 ? unknownWords.slice(0, r.length) : r)) }
    : s));

  it('is not checked without the clerk\'s layout', async () => {
    const { port } = open(renamed());
    const result = await validateWorkbook(port, { electionDate, rollSheets }, { write: false });
    expect(result.sheets.map((s) => s.sheet)).not.toContain(second);
    expect(result.skipped.map((s) => s.sheet)).toEqual([second]);
    expect(result.findings.filter((f) => f.sheet === second)).toEqual([]);
  });

  it('is checked with the header row and columns the clerk set in the pane, finding the planted problems', async () => {
    const { port } = open(renamed());
    const proposal = (await proposeSheets(port, {})).find((p) => p.info.name === second)!;
    expect(proposal.layout).toBeNull();

    // What the picker does: set the header row (no synonym matches 甲…), then pick each column.
    let layout = withHeaderRow(proposal, HEADER_ROW);
    expect(layout.columns).toEqual({});
    ROLES_IN_ORDER.forEach((role, i) => { layout = withColumn(layout, role, i + 1); });
    await saveSettings(port, { electionDate, rollSheets, layouts: { [second]: layout } });

    const settings = await loadSettings(port);
    const result = await validateWorkbook(port, settings, { write: false });
    expect(result.skipped).toEqual([]);
    const used = result.sheets.find((s) => s.sheet === second)!.layout;
    expect(used.headerRow).toBe(HEADER_ROW);
    expect(used.firstDataRow).toBe(HEADER_ROW + 1);
    expect(used.lastDataRow).toBe(totalsRow(second) - 1);
    expect(used.district).toBe(second); // from the sheet name, as detection would

    const found = new Set(result.findings.map(planted));
    const defects = sample.truth.defects.filter((d) => d.sheet === second);
    expect(defects.length).toBeGreaterThan(0);
    expect(defects.map(planted).filter((d) => !found.has(d))).toEqual([]);
    // Exactly what detection finds on the same sheet with its headers intact.
    expect(findingsOn(result, second)).toEqual(findingsOn(reference, second));
  });
});

describe('a saved header row that differs from detection', () => {
  // A stale copy of the header labels over the title (row 1): detection takes the first of two equal header rows,
  // so it reads the real header (row 3) as a voter.
  const staleHeaderOnTop = () => workbook((s) => (s.name === third ? { ...s, rows: s.rows!.map((r, i) => (i === 0 ? [...s.rows![HEADER_ROW - 1]] : r)) } : s));

  it('detection alone takes the wrong row and reads the real header as a voter', async () => {
    const { port } = open(staleHeaderOnTop());
    const result = await validateWorkbook(port, { electionDate }, { write: false });
    const used = result.sheets.find((s) => s.sheet === third)!.layout;
    expect(used.headerRow).toBe(1);
    expect(result.findings.some((f) => f.sheet === third && f.row === HEADER_ROW)).toBe(true);
  });

  it('is honoured: data rows from the row after it up to the 合计 row, and the planted problems found', async () => {
    const { port } = open(staleHeaderOnTop());
    const proposal = (await proposeSheets(port, {})).find((p) => p.info.name === third)!;
    expect(proposal.layout?.headerRow).toBe(1);
    const layout = withHeaderRow(proposal, HEADER_ROW);
    // The labels of row 3 map every column by the synonyms.
    expect(layout.columns).toEqual(Object.fromEntries(ROLES_IN_ORDER.map((r, i) => [r, i + 1])));
    // A stale data range in the saved layout (as read from the first rows only) is not trusted.
    const saved = { ...layout, lastDataRow: HEADER_ROW + 2 };
    await saveSettings(port, { layouts: { [third]: saved } });

    const result = await validateWorkbook(port, { electionDate, ...(await loadSettings(port)) }, { write: false });
    const used = result.sheets.find((s) => s.sheet === third)!.layout;
    expect([used.headerRow, used.firstDataRow, used.lastDataRow]).toEqual([HEADER_ROW, HEADER_ROW + 1, totalsRow(third) - 1]);
    expect(result.findings.some((f) => f.sheet === third && (f.row <= HEADER_ROW || f.row >= totalsRow(third)))).toBe(false);
    expect(findingsOn(result, third)).toEqual(findingsOn(reference, third));
    const found = new Set(result.findings.map(planted));
    const defects = sample.truth.defects.filter((d) => d.sheet === third);
    expect(defects.length).toBeGreaterThan(0);
    expect(defects.map(planted).filter((d) => !found.has(d))).toEqual([]);
  });

  it('keeps the clerk\'s columns even where the header row\'s labels say otherwise', async () => {
    const { port } = open(workbook());
    const proposal = (await proposeSheets(port, {})).find((p) => p.info.name === third)!;
    // The clerk says 姓名 is in the 备注 column (I): every data row has a blank name there.
    const saved = withColumn(withHeaderRow(proposal, HEADER_ROW), 'name', 9);
    const result = await validateWorkbook(port, { electionDate, layouts: { [third]: saved } }, { write: false });
    expect(result.sheets.find((s) => s.sheet === third)!.layout.columns.name).toBe(9);
    // Every data row whose 备注 cell is blank now has no name: a REQUIRED_MISSING on each of those rows.
    const rows = (book.sheets as FakeSheetJSON[]).find((s) => s.name === third)!.rows as CellValue[][];
    const blankRemarks: number[] = [];
    for (let r = HEADER_ROW + 1; r < totalsRow(third); r++) if (rows[r - 1][8] === null || rows[r - 1][8] === undefined || rows[r - 1][8] === '') blankRemarks.push(r);
    expect(blankRemarks.length).toBeGreaterThan(0);
    const missingRows = new Set(result.findings.filter((f) => f.sheet === third && f.code === 'REQUIRED_MISSING').map((f) => f.row));
    expect(blankRemarks.filter((r) => !missingRows.has(r))).toEqual([]);
  });
});
