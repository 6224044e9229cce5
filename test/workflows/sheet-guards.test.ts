/**
 * Awkward sheets through the whole 校验 workflow on the fake Excel (issue #5): a protected roll (checked and listed,
 * not flagged, not touched), hidden rows and a filter, merged cells, a roll inside a table, a sheet too wide to be a
 * roll among real rolls, and an empty workbook — each handled or refused with a message naming the sheet, and
 * nothing half-written.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { CellValue } from '../../src/domain/workbook/sheet-grid';
import { FakeExcel, FakeSheetJSON, FakeWorkbookJSON } from '../../src/fake-excel';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { clearAll } from '../../src/workflows/clear-all';
import { officeWorkbook } from '../../src/workflows/office-workbook';
import { NOT_FLAGGED, validateWorkbook } from '../../src/workflows/validate-workbook';
import { messageOf, WorkflowError } from '../../src/workflows/workflow-error';

const sample = generateSample({ rows: 150, seed: 8 });
const book = sampleWorkbook(sample);
const electionDate = sample.options.electionDate;
const [first, second, third] = sample.roll.sheets.map((s) => s.name);

/** A copy of a sheet whose rows can be changed (cell values themselves are shared: Dates are never mutated). */
function copySheet(s: FakeSheetJSON): FakeSheetJSON {
  return { ...s, rows: s.rows?.map((r) => [...r]), merges: s.merges ? [...s.merges] : undefined };
}

/** The sample workbook with some sheets changed. */
function workbook(change: (sheets: FakeSheetJSON[]) => FakeSheetJSON[] = (s) => s): FakeWorkbookJSON {
  const sheets = (book.sheets as FakeSheetJSON[]).map(copySheet);
  return { name: book.name, sheets: change(sheets) };
}

function open(json: FakeWorkbookJSON) {
  const fake = new FakeExcel(json);
  return { fake, port: officeWorkbook((batch) => fake.run(batch)) };
}

function sheetJSON(fake: FakeExcel, name: string) {
  return JSON.stringify(fake.toJSON().sheets.find((s) => s.name === name));
}

function withSheet(sheets: FakeSheetJSON[], name: string, change: (s: FakeSheetJSON) => FakeSheetJSON): FakeSheetJSON[] {
  return sheets.map((s) => (s.name === name ? change(s) : s));
}

/** Column number of a column letter (A = 1), worked by hand rather than with the code under test. */
const col = (letter: string) => [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

describe('a protected roll sheet', () => {
  it('is checked and listed in the findings sheet, not flagged, not changed; the notice names it', async () => {
    const { fake, port } = open(workbook((s) => withSheet(s, second, (x) => ({ ...x, protected: true }))));
    const before = sheetJSON(fake, second);
    const result = await validateWorkbook(port, { electionDate });

    // Still checked: its planted defects are among the findings.
    const found = new Set(result.findings.map((f) => `${f.code}@${f.sheet}!${f.row}`));
    const planted = sample.truth.defects.filter((d) => d.sheet === second);
    expect(planted.length).toBeGreaterThan(0);
    for (const d of planted) expect(found.has(`${d.code}@${d.sheet}!${d.row}`)).toBe(true);
    expect(result.sheets.map((s) => s.sheet)).toContain(second);

    // The findings sheet is written and lists the protected sheet's findings.
    expect(result.findingsSheet).toBe('校验结果');
    const listed = fake.toJSON().sheets.find((s) => s.name === '校验结果')!.rows ?? [];
    const onProtected = result.findings.filter((f) => f.sheet === second).length;
    expect(listed.filter((r) => r.includes(second)).length).toBeGreaterThanOrEqual(onProtected);

    // No cell of the protected sheet changed (values, formats, conditional formats): the sheet is identical.
    expect(sheetJSON(fake, second)).toBe(before);
    for (const f of result.findings.filter((x) => x.sheet === second && x.column)) {
      expect(fake.cellView(second, f.row, col(f.column!)).conditionalFill).toBeFalsy();
    }
    // The other sheets are flagged as usual.
    const elsewhere = result.findings.find((f) => f.sheet === first && f.column)!;
    expect(fake.cellView(first, elsewhere.row, col(elsewhere.column!)).conditionalFill).toBeTruthy();

    // One notice for it: it could not be flagged, naming the sheet, in both languages.
    const mine = result.notices.filter((n) => n.sheet === second);
    expect(mine.map((n) => n.code)).toEqual([NOT_FLAGGED]);
    expect(mine[0].message.zh).toContain(`“${second}”`);
    expect(mine[0].message.en).toContain(`"${second}"`);
    expect(result.notices.filter((n) => n.sheet !== second)).toEqual([]);
  });

  it('is noted as protected when nothing is written', async () => {
    const { port } = open(workbook((s) => withSheet(s, second, (x) => ({ ...x, protected: true }))));
    const result = await validateWorkbook(port, { electionDate }, { write: false });
    expect(result.notices.map((n) => [n.sheet, n.code])).toEqual([[second, 'SHEET_PROTECTED']]);
  });

  it('keeps its flags when protected after flagging; clear says so and removes the rest', async () => {
    const { fake, port } = open(workbook());
    await validateWorkbook(port, { electionDate });
    const json = fake.toJSON();
    json.sheets = withSheet(json.sheets, third, (x) => ({ ...x, protected: true }));
    const reopened = open(json);
    const before = sheetJSON(reopened.fake, third);
    const cleared = await clearAll(reopened.port);
    expect(cleared.skipped.map((s) => s.sheet)).toEqual([third]);
    expect(cleared.skipped[0].reason.zh).toContain(`“${third}”`);
    expect(sheetJSON(reopened.fake, third)).toBe(before);
    // The unprotected sheets are as they were before the check.
    const original = new FakeExcel({ name: book.name, sheets: book.sheets });
    expect(sheetJSON(reopened.fake, first)).toBe(sheetJSON(original, first));
  });
});

describe('hidden rows, a filter and merged cells', () => {
  it('are read and checked, and each gives a notice naming the sheet and rows', async () => {
    // Hide the rows of two planted defects of the first sheet (as a filter would), and merge two cells down a column.
    const rows = [...new Set(sample.truth.defects.filter((d) => d.sheet === first).map((d) => d.row))].slice(0, 2).sort((a, b) => a - b);
    expect(rows.length).toBe(2);
    const { fake, port } = open(workbook((s) => withSheet(s, first, (x) => ({
      ...x, hiddenRows: rows, autoFilter: { enabled: true, filtered: true },
      merges: [...(x.merges ?? []), { startRow: 40, startColumn: 8, endRow: 41, endColumn: 8 }],
    }))));
    const beforeRows = JSON.stringify(fake.toJSON().sheets.find((s) => s.name === first)!.rows);
    const result = await validateWorkbook(port, { electionDate });

    // The hidden rows' defects are found all the same.
    const foundRows = new Set(result.findings.filter((f) => f.sheet === first).map((f) => f.row));
    for (const r of rows) expect(foundRows.has(r)).toBe(true);

    const mine = result.notices.filter((n) => n.sheet === first);
    expect(mine.map((n) => n.code).sort()).toEqual(['HIDDEN_ROWS', 'MERGED_CELLS', 'SHEET_FILTERED']);
    const hidden = mine.find((n) => n.code === 'HIDDEN_ROWS')!;
    expect(hidden.message.zh).toContain(`“${first}”`);
    expect(hidden.message.zh).toContain(`${rows[0]}, ${rows[1]}`);
    expect(mine.find((n) => n.code === 'MERGED_CELLS')!.message.en).toContain('H40:H41');
    expect(mine.find((n) => n.code === 'SHEET_FILTERED')!.severity).toBe('warning');
    // Nothing about the other sheets; no value changed.
    expect(result.notices.filter((n) => n.sheet !== first)).toEqual([]);
    expect(JSON.stringify(fake.toJSON().sheets.find((s) => s.name === first)!.rows)).toBe(beforeRows);
  });
});

describe('a roll inside a table (ListObject)', () => {
  it('is checked normally, flagged, and noted', async () => {
    const json = workbook((s) => withSheet(s, third, (x) => {
      const width = Math.max(...(x.rows ?? []).map((r) => r.length));
      const last = String.fromCharCode(64 + width);
      return { ...x, tables: [{ name: '选民表', address: `A3:${last}${(x.rows ?? []).length}` }] };
    }));
    const plain = await validateWorkbook(open(workbook()).port, { electionDate }, { write: false });
    const { fake, port } = open(json);
    const result = await validateWorkbook(port, { electionDate });
    // The same findings as without the table.
    const keys = (r: typeof result) => r.findings.map((f) => `${f.code}@${f.sheet}!${f.column ?? ''}${f.row}`).sort();
    expect(keys(result)).toEqual(keys(plain));
    const f = result.findings.find((x) => x.sheet === third && x.column)!;
    expect(fake.cellView(third, f.row, col(f.column!)).conditionalFill).toBeTruthy();
    const notice = result.notices.find((n) => n.sheet === third)!;
    expect(notice.code).toBe('SHEET_HAS_TABLES');
    expect(notice.message.zh).toContain('选民表');
  });
});

describe('a sheet too wide to be a roll', () => {
  /** A copy of the second roll with one stray value in column 300 (KN). */
  function wide(sheets: FakeSheetJSON[]): FakeSheetJSON[] {
    const copy = copySheet(sheets.find((s) => s.name === second)!);
    const rows = copy.rows as CellValue[][];
    while (rows[5].length < 300) rows[5].push(null);
    rows[5][299] = '多余';
    return [...sheets, { ...copy, name: '宽表' }];
  }

  it('is refused with its message and the other sheets are checked', async () => {
    const { fake, port } = open(workbook(wide));
    const before = sheetJSON(fake, '宽表');
    const result = await validateWorkbook(port, { electionDate, rollSheets: [first, second, third, '宽表'] });
    expect(result.sheets.map((s) => s.sheet).sort()).toEqual([first, second, third].sort());
    const refused = result.skipped.find((s) => s.sheet === '宽表')!;
    expect(refused.reason.zh).toContain('300 列');
    expect(refused.reason.zh).toContain('KN');
    expect(result.findings.filter((f) => f.sheet === '宽表')).toEqual([]);
    const found = new Set(result.findings.map((f) => `${f.code}@${f.sheet}!${f.row}`));
    for (const d of sample.truth.defects) expect(found.has(`${d.code}@${d.sheet}!${d.row}`)).toBe(true);
    expect(sheetJSON(fake, '宽表')).toBe(before);
  });

  it('alone: the check is refused with its message, and nothing is written', async () => {
    const { fake, port } = open(workbook(wide));
    const before = JSON.stringify(fake.toJSON());
    const error = await validateWorkbook(port, { electionDate, rollSheets: ['宽表'] }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowError);
    expect(messageOf(error).zh).toContain('KN');
    expect(JSON.stringify(fake.toJSON())).toBe(before);
  });
});

describe('an empty workbook', () => {
  it('is refused with the EMPTY_WORKBOOK message before anything else, and nothing is written', async () => {
    for (const settings of [{ electionDate }, {}]) {
      const { fake, port } = open({ name: 'empty.xlsx', sheets: [{ name: 'Sheet1', rows: [] }, { name: 'Sheet2' }] });
      const before = JSON.stringify(fake.toJSON());
      const error = await validateWorkbook(port, settings).catch((e) => e);
      expect(error).toBeInstanceOf(WorkflowError);
      expect(messageOf(error).zh).toContain('没有任何数据');
      expect(messageOf(error).en).toContain('no data');
      expect(JSON.stringify(fake.toJSON())).toBe(before);
      expect(fake.sheetNames()).toEqual(['Sheet1', 'Sheet2']);
    }
  });
});
