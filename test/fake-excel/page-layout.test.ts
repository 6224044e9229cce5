/**
 * The fake Excel's print setup (PageLayout) and column widths / row heights: Excel's defaults until set, values
 * read back after load + sync, bad values refused at sync like Excel, and kept in the snapshot (toJSON/fromJSON).
 */
import { FakeExcel } from '../../src/fake-excel';

function fake() {
  return new FakeExcel({ sheets: [{ name: 'S', rows: [['a']] }, { name: 'T' }] });
}

test('defaults, then set and read back; the snapshot keeps them', async () => {
  const f = fake();
  const read = await f.run(async (context) => {
    const layout = context.workbook.worksheets.getItem('S').pageLayout;
    layout.load('orientation,paperSize,leftMargin,zoom');
    await context.sync();
    const defaults = { orientation: layout.orientation, paperSize: layout.paperSize, leftMargin: layout.leftMargin, zoom: layout.zoom };
    layout.orientation = 'Landscape';
    layout.paperSize = 'A4';
    layout.leftMargin = 36;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintTitleRows('$3:$4');
    const titles = layout.getPrintTitleRowsOrNullObject();
    titles.load('address');
    layout.load('orientation,paperSize,leftMargin,zoom');
    await context.sync();
    return { defaults, after: { orientation: layout.orientation, paperSize: layout.paperSize, leftMargin: layout.leftMargin, zoom: layout.zoom }, titles: titles.address };
  });
  expect(read.defaults).toEqual({ orientation: 'Portrait', paperSize: 'Letter', leftMargin: 50.4, zoom: { scale: 100 } });
  expect(read.after).toEqual({ orientation: 'Landscape', paperSize: 'A4', leftMargin: 36, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  expect(read.titles).toBe('S!3:4');
  const json = f.toJSON();
  expect(json.sheets[0].pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$3:$4' });
  expect(json.sheets[1].pageLayout).toBeUndefined();
  expect(new FakeExcel(json).toJSON()).toEqual(json);
});

test('bad values are refused at sync', async () => {
  for (const set of [
    (l: Excel.PageLayout) => { l.orientation = 'Sideways' as Excel.PageOrientation; },
    (l: Excel.PageLayout) => { l.leftMargin = -1; },
    (l: Excel.PageLayout) => { l.zoom = { scale: 5 }; },
    (l: Excel.PageLayout) => { l.setPrintTitleRows('A1:B2'); },
  ]) {
    const f = fake();
    await expect(f.run(async (context) => {
      set(context.workbook.worksheets.getItem('S').pageLayout);
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(f.toJSON().sheets[0].pageLayout).toBeUndefined();
  }
});

test('column widths and row heights are kept per column and row', async () => {
  const f = fake();
  const read = await f.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('B1').getEntireColumn().format.columnWidth = 90;
    sheet.getRange('C1:D1').format.columnWidth = 30;
    sheet.getRange('A2').getEntireRow().format.rowHeight = 40;
    const b = sheet.getRange('B1').format;
    const ad = sheet.getRange('A1:D1').format;
    const cd = sheet.getRange('C5:D5').format;
    const row2 = sheet.getRange('A2').format;
    for (const x of [b, ad, cd]) x.load('columnWidth');
    row2.load('rowHeight');
    await context.sync();
    return { b: b.columnWidth, ad: ad.columnWidth, cd: cd.columnWidth, row2: row2.rowHeight };
  });
  // A and B differ, so the width of A:D is null, as in Excel.
  expect(read).toEqual({ b: 90, ad: null, cd: 30, row2: 40 });
  const json = f.toJSON();
  expect(json.sheets[0].columnWidths).toEqual({ B: 90, C: 30, D: 30 });
  expect(json.sheets[0].rowHeights).toEqual({ 2: 40 });
  expect(new FakeExcel(json).toJSON()).toEqual(json);
  await expect(f.run(async (context) => {
    context.workbook.worksheets.getItem('S').getRange('A3').format.rowHeight = 500;
    await context.sync();
  })).rejects.toMatchObject({ code: 'InvalidArgument' });
});
