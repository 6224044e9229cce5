/**
 * Creating a standard statistics sheet on the fake Excel from a SheetSpec: every value, number format, merge, bold
 * and header fill, the column widths and row heights, the frozen header and the print setup; refusing an existing
 * name; a failed write leaves no half sheet; no PageLayout (old Excel) or a refused print setup → a note, sheet kept.
 */
import { columnWidthPoints, createSpecSheet, specMatrices, styleRuns, STYLE_LOOKS } from '../../../src/adapters/office/sheet-spec';
import { AdapterError } from '../../../src/adapters/office';
import { standardSheet } from '../../../src/domain/summary/standard-sheet';
import { registrationValues } from '../../../src/domain/summary/table-values';
import { columnLetter } from '../../../src/domain/workbook/sheet-grid';
import { FakeExcel } from '../../../src/fake-excel';
import { threeDistricts } from '../../domain/summary/fixtures';

function spec() {
  return standardSheet(registrationValues(threeDistricts()), { unit: '清溪镇选举委员会', date: '2026-11-01' });
}

function workbook() {
  return new FakeExcel({ sheets: [{ name: '名单', rows: [['姓名'], ['张三']] }] });
}

describe('createSpecSheet', () => {
  it('writes the values, formats, merges, styles, widths, heights, frozen header and print setup', async () => {
    const fake = workbook();
    const s = spec();
    const report = await fake.run((context) => createSpecSheet(context, s));
    expect(report).toEqual({ sheet: s.name, notes: [] });
    // A check, the sheet in one round trip, and the print setup.
    expect(fake.roundTrips).toBe(3);

    for (const c of s.cells) {
      const view = fake.cellView(s.name, c.row, c.column);
      expect([c.row, c.column, view.value]).toEqual([c.row, c.column, c.value === null ? '' : c.value]);
      if (c.numberFormat) expect(view.numberFormat).toBe(c.numberFormat);
      expect([c.row, c.column, view.bold ?? false]).toEqual([c.row, c.column, STYLE_LOOKS[c.style].bold]);
      expect([c.row, c.column, view.fill]).toEqual([c.row, c.column, c.style === 'header' ? '#F2F2F2' : undefined]);
    }
    const json = fake.toJSON().sheets.find((x) => x.name === s.name)!;
    expect(json.merges).toEqual(expect.arrayContaining(s.merges));
    expect(json.merges).toHaveLength(s.merges.length);
    // Widths are in points: 16 characters (the 选区 column) ≈ 87.75 pt, 9 characters ≈ 51 pt.
    expect(columnWidthPoints(16)).toBeCloseTo(87.75, 2);
    expect(columnWidthPoints(9)).toBeCloseTo(51, 2);
    s.columnWidths.forEach((w, i) => expect(json.columnWidths![columnLetter(i + 1)]).toBeCloseTo(columnWidthPoints(w), 2));
    for (const [row, h] of Object.entries(s.rowHeights)) expect(json.rowHeights![row]).toBe(h);
    expect(json.freeze).toEqual({ rows: s.headerRows.last, columns: 0 });
    expect(json.pageLayout).toMatchObject({
      orientation: 'Landscape', paperSize: 'A4', centerHorizontally: true,
      leftMargin: 36, rightMargin: 36, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${s.headerRows.first}:$${s.headerRows.last}`,
    });
    // The other sheet is untouched.
    expect(fake.toJSON().sheets[0]).toEqual(workbook().toJSON().sheets[0]);
  });

  it('keeps text literal: a label that looks like a formula or a number stays text', async () => {
    const fake = workbook();
    const s = spec();
    s.cells.push({ row: 30, column: 1, value: '=1+1', style: 'footer' }, { row: 30, column: 2, value: '007', style: 'label' });
    await fake.run((context) => createSpecSheet(context, s));
    expect(fake.cellView(s.name, 30, 1)).toMatchObject({ value: '=1+1' });
    expect(fake.cellView(s.name, 30, 1).formula).toBeUndefined();
    expect(fake.cellView(s.name, 30, 2).value).toBe('007');
  });

  it('refuses a name already taken, writing nothing', async () => {
    const fake = workbook();
    const s = spec();
    s.name = '名单';
    const before = fake.toJSON();
    await expect(fake.run((context) => createSpecSheet(context, s))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(fake.toJSON()).toEqual(before);
  });

  it.each([0, 5, 40])('a write failing after %i commands leaves no half-written sheet', async (afterCommands) => {
    const fake = workbook();
    const before = fake.toJSON();
    fake.injectFailure({ atSync: 2, afterCommands });
    const error = await fake.run((context) => createSpecSheet(context, spec())).catch((e) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).clerkMessage.zh).toContain('工作簿保持原样');
    expect(fake.toJSON()).toEqual(before);
  });

  it('without PageLayout, or when Excel refuses the print setup, keeps the sheet and says what to set by hand', async () => {
    const fake = workbook();
    const old = await fake.run((context) => createSpecSheet(context, spec(), { pageLayoutSupported: false }));
    expect(old.notes).toHaveLength(1);
    expect(old.notes[0].zh).toContain('打印标题行');
    expect(fake.toJSON().sheets.find((x) => x.name === old.sheet)!.pageLayout).toBeUndefined();

    const fake2 = workbook();
    fake2.injectFailure({ atSync: 3 });
    const refused = await fake2.run((context) => createSpecSheet(context, spec()));
    expect(refused.notes).toHaveLength(1);
    expect(fake2.sheetNames()).toContain(refused.sheet);
  });
});

describe('the pieces', () => {
  it('groups adjacent cells of one style on a row into one run', () => {
    const runs = styleRuns([
      { row: 3, column: 1, value: 'a', style: 'header' }, { row: 3, column: 2, value: null, style: 'header' },
      { row: 3, column: 4, value: 'b', style: 'header' }, { row: 4, column: 1, value: 'x', style: 'label' },
      { row: 4, column: 2, value: 1, style: 'number' }, { row: 4, column: 3, value: 2, style: 'number' },
    ]);
    expect(runs).toEqual([
      { style: 'header', row: 3, c0: 1, c1: 2 }, { style: 'header', row: 3, c0: 4, c1: 4 },
      { style: 'label', row: 4, c0: 1, c1: 1 }, { style: 'number', row: 4, c0: 2, c1: 3 },
    ]);
  });

  it('lays the cells into matrices the size of the sheet, null where nothing goes', () => {
    const s = spec();
    const m = specMatrices(s);
    expect(m.rows).toBe(Math.max(...s.cells.map((c) => c.row)));
    expect(m.columns).toBe(s.columnWidths.length);
    const filled = m.inputs.flat().filter((v) => v !== null).length;
    expect(filled).toBe(s.cells.filter((c) => c.value !== null && c.value !== '').length);
  });
});
