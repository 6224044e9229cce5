/**
 * Pins the fake Excel's behaviours that the adapter (and the real Excel) depend on: proxies and load/sync,
 * PropertyNotLoaded, ItemNotFound at sync, *OrNullObject, null leaving cells unchanged, shape errors, payload and
 * cell limits, counters, protection, settings, selection and the snapshot.
 */
import { FakeExcel, FakeExcelError, installFakeExcel } from '../../src/fake-excel';

function roll(): FakeExcel {
  return FakeExcel.fromJSON({
    sheets: [
      { name: '第一选区', rows: [['序号', '姓名', '身份证号'], [1, '张三', '110101199003071234'], [2, '李四', '110101199003072345']] },
      { name: 'Sheet2', rows: [] },
    ],
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as FakeExcelError).code;
  }
  return 'no error';
}

describe('proxies, load and sync', () => {
  test('a property read before load + sync throws PropertyNotLoaded; after sync it has the value', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('第一选区').getRange('B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['张三']]);
      // Not loaded: still throws.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('empty cells read as "" like Excel, and the address is sheet-qualified', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('第一选区').getRange('C2:D3');
      range.load('values, address, rowCount, columnCount');
      await context.sync();
      expect(range.values).toEqual([['110101199003071234', ''], ['110101199003072345', '']]);
      expect(range.address).toBe('第一选区!C2:D3');
      expect([range.rowCount, range.columnCount]).toEqual([2, 2]);
    });
  });

  test('a load sees the writes queued before it in the same batch', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      const range = sheet.getRange('A1:B1');
      range.values = [['a', 7]];
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([['a', 7]]);
    });
    expect(fake.roundTrips).toBe(1);
  });

  test('getItem of a missing sheet surfaces ItemNotFound at sync, not when called', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('没有这个表');
      sheet.load('name');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
  });

  test('commands before a failing one are applied, the ones after are not (no rollback, as in Excel)', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const ok = context.workbook.worksheets.getItem('Sheet2').getRange('A1');
      ok.values = [['written']];
      context.workbook.worksheets.getItem('missing').getRange('A1').values = [['x']];
      context.workbook.worksheets.getItem('Sheet2').getRange('A2').values = [['after']];
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
    expect(fake.cellView('Sheet2', 1, 1).value).toBe('written');
    expect(fake.cellView('Sheet2', 2, 1).value).toBe('');
  });

  test('*OrNullObject gives isNullObject after sync (and throws before)', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('nope');
      const present = context.workbook.worksheets.getItemOrNullObject('Sheet2');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('a blank sheet has no used range (null object) but getUsedRange gives A1', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      const orNull = sheet.getUsedRangeOrNullObject();
      const used = sheet.getUsedRange();
      used.load('address');
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe('Sheet2!A1');
    });
  });

  test('collections: items after load, getCount as a ClientResult', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      const count = sheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([['第一选区', 0], ['Sheet2', 1]]);
      expect(count.value).toBe(2);
    });
  });
});

describe('writing values', () => {
  test('null in a 2-D array leaves that cell unchanged', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('第一选区').getRange('A2:B2').values = [[null, '王五']] as unknown as string[][];
      await context.sync();
    });
    expect(fake.cellView('第一选区', 2, 1).value).toBe(1);
    expect(fake.cellView('第一选区', 2, 2).value).toBe('王五');
  });

  test('an array whose shape differs from the range fails with InvalidArgument and writes nothing', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A1:B2').values = [['a', 'b']];
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      context.workbook.worksheets.getItem('Sheet2').getRange('A1:B1').values = [['a'], ['b']];
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
    expect(fake.usedAddress('Sheet2')).toBeNull();
  });

  test('Excel parses what is written: numbers, formulas, apostrophe text, dates; "@" format keeps text', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet2');
      sheet.getRange('B1').numberFormat = [['@']];
      sheet.getRange('A1:A5').values = [['110101199003071234'], ["'=1+1"], ['=HYPERLINK("#A1","go")'], ['2024-03-05'], ['TRUE']];
      sheet.getRange('B1').values = [['110101199003071234']];
      await context.sync();
    });
    // 18 digits do not fit in a double: Excel keeps a float that lost the last digits.
    expect(typeof fake.cellView('Sheet2', 1, 1).value).toBe('number');
    expect(fake.cellView('Sheet2', 1, 1).value).not.toBe(110101199003071234n.toString());
    expect(fake.cellView('Sheet2', 2, 1)).toMatchObject({ value: '=1+1' });
    expect(fake.cellView('Sheet2', 2, 1).formula).toBeUndefined();
    expect(fake.cellView('Sheet2', 3, 1)).toMatchObject({ value: 'go', formula: '=HYPERLINK("#A1","go")' });
    // 2024-03-05 is serial 45356 (days since 1899-12-30).
    expect(fake.cellView('Sheet2', 4, 1).value).toBe(45356);
    expect(fake.cellView('Sheet2', 4, 1).numberFormat).toMatch(/y/);
    expect(fake.cellView('Sheet2', 5, 1).value).toBe(true);
    expect(fake.cellView('Sheet2', 1, 2).value).toBe('110101199003071234');
  });

  test('formulas read back the apostrophe of quoted text so that writing them back restores text', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet2').getRange('A1:B1');
      r.values = [["'+86", '=SUM(1,2)']];
      r.load('values,formulas');
      await context.sync();
      expect(r.values).toEqual([['+86', 3]]);
      expect(r.formulas).toEqual([["'+86", '=SUM(1,2)']]);
    });
  });

  test('a single value set on a multi-cell range fills every cell', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A1:B2').values = 'x' as unknown as string[][];
      await context.sync();
    });
    expect([1, 2].flatMap((r) => [1, 2].map((c) => fake.cellView('Sheet2', r, c).value))).toEqual(['x', 'x', 'x', 'x']);
  });

  test('writes to a protected sheet fail with AccessDenied at sync', async () => {
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'P', rows: [['a']], protected: true }, { name: 'Q' }] });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('P').getRange('A1');
      r.values = [['b']];
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      r.format.fill.color = '#FF0000';
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      r.conditionalFormats.add('Custom');
      expect(await codeOf(context.sync())).toBe('AccessDenied');
      const p = context.workbook.worksheets.getItem('P').protection;
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(true);
    });
    expect(fake.cellView('P', 1, 1).value).toBe('a');
  });
});

describe('limits and counters', () => {
  test('round trips and payload bytes are counted per sync', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('第一选区').getRange('A1:C3');
      r.load('values');
      await context.sync();
      context.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['x'.repeat(1000)]];
      await context.sync();
    });
    expect(fake.roundTrips).toBe(2);
    expect(fake.syncLog[0].received).toBeGreaterThan(JSON.stringify([['序号', '姓名', '身份证号']]).length);
    expect(fake.syncLog[1].sent).toBeGreaterThan(1000);
    expect(fake.payloadBytes.sent).toBe(fake.syncLog[0].sent + fake.syncLog[1].sent);
    expect(fake.payloadBytes.received).toBe(fake.syncLog[0].received + fake.syncLog[1].received);
  });

  test('Chinese text counts 3 bytes a character (UTF-8 JSON)', async () => {
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'S', rows: [['中'.repeat(1000)]] }, { name: 'T', rows: [['a'.repeat(1000)]] }] });
    const read = async (name: string) => fake.run(async (context) => {
      context.workbook.worksheets.getItem(name).getRange('A1').load('values');
      await context.sync();
    });
    await read('S');
    await read('T');
    expect(fake.syncLog[0].received - fake.syncLog[1].received).toBe(2000);
  });

  test('a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const fake = roll();
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A1:A6000').values = big;
      expect(await codeOf(context.sync())).toBe('RequestPayloadSizeLimitExceeded');
    });
    expect(fake.usedAddress('Sheet2')).toBeNull();
  });

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded', async () => {
    const rows = Array.from({ length: 6000 }, () => ['y'.repeat(1000)]);
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'Big', rows }] });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Big').getRange('A1:A6000');
      r.load('values');
      expect(await codeOf(context.sync())).toBe('ResponsePayloadSizeLimitExceeded');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const half = context.workbook.worksheets.getItem('Big').getRange('A1:A3000');
      half.load('values');
      await context.sync();
      expect(half.values).toHaveLength(3000);
    });
  });

  test('a read of more than 5,000,000 cells is refused', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A:E').load('values');
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
  });

  test('an injected failure hits the chosen sync', async () => {
    const fake = roll();
    fake.injectFailure({ atSync: 2, code: 'GeneralException' });
    await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Sheet2').getRange('A1');
      cell.values = [['one']];
      await context.sync();
      cell.values = [['two']];
      expect(await codeOf(context.sync())).toBe('GeneralException');
      cell.values = [['three']];
      await context.sync();
    });
    expect(fake.cellView('Sheet2', 1, 1).value).toBe('three');
    expect(fake.syncLog.map((s) => s.failed ?? 'ok')).toEqual(['ok', 'GeneralException', 'ok']);
  });
});

describe('sheets, settings, selection, merges, hidden rows', () => {
  test('add, rename, duplicate names, delete, position', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const added = context.workbook.worksheets.add('校验结果');
      added.load('name,position');
      await context.sync();
      expect([added.name, added.position]).toEqual(['校验结果', 2]);
      context.workbook.worksheets.add('校验结果');
      expect(await codeOf(context.sync())).toBe('ItemAlreadyExists');
      context.workbook.worksheets.add('bad:name');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      added.position = 0;
      await context.sync();
      added.delete();
      await context.sync();
      added.load('name');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
    expect(fake.sheetNames()).toEqual(['第一选区', 'Sheet2']);
  });

  test('settings: add, getItem, getItemOrNullObject, delete; JSON values survive toJSON/fromJSON', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      context.workbook.settings.add('k', { date: '2026-12-15', list: [1, 2] });
      await context.sync();
    });
    const reopened = FakeExcel.fromJSON(fake.toJSON());
    await reopened.run(async (context) => {
      const s = context.workbook.settings.getItem('k');
      s.load('value');
      const none = context.workbook.settings.getItemOrNullObject('other');
      await context.sync();
      expect(s.value).toEqual({ date: '2026-12-15', list: [1, 2] });
      expect(none.isNullObject).toBe(true);
      s.delete();
      await context.sync();
      context.workbook.settings.getItem('k').load('value');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
    });
  });

  test('select and activate set the selection; a hidden sheet cannot be activated', async () => {
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }, { name: 'B' }, { name: 'H', visibility: 'Hidden' }] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('B').activate();
      context.workbook.worksheets.getItem('B').getRange('C7').select();
      const sel = context.workbook.getSelectedRange();
      sel.load('address');
      await context.sync();
      expect(sel.address).toBe('B!C7');
      context.workbook.worksheets.getItem('H').activate();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
    expect(fake.selection()).toEqual({ sheet: 'B', address: 'C7' });
  });

  test('merged areas and visible cells (hidden rows)', async () => {
    const fake = FakeExcel.fromJSON({
      sheets: [{ name: 'R', rows: [['标题'], ['a'], ['b'], ['c'], ['d']], merges: ['A1:C1'], hiddenRows: [3, 4] }],
    });
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem('R').getUsedRange();
      const merged = used.getMergedAreasOrNullObject();
      merged.load('address,areaCount');
      const visible = used.getSpecialCellsOrNullObject('Visible');
      visible.load('address');
      const hidden = used.getRow(2);
      hidden.load('rowHidden');
      const mixed = used;
      mixed.load('rowHidden');
      await context.sync();
      expect(merged.address).toBe('R!A1:C1');
      expect(visible.address).toBe('R!A1:A2,R!A5');
      expect(hidden.rowHidden).toBe(true);
      expect(mixed.rowHidden).toBeNull();
    });
  });

  test('conditional formats: custom rule with fill, listed by range, deleted', async () => {
    const fake = roll();
    let id = '';
    await fake.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('第一选区').getRanges('B2:B3, C3');
      const cf = areas.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#ffc7ce';
      cf.load('id');
      await context.sync();
      id = cf.id;
    });
    expect(fake.cellView('第一选区', 3, 3).conditionalFill).toBe('#FFC7CE');
    expect(fake.cellView('第一选区', 2, 3).conditionalFill).toBeUndefined();
    expect(fake.cellView('第一选区', 2, 2).value).toBe('张三');
    await fake.run(async (context) => {
      const all = context.workbook.worksheets.getItem('第一选区').getRange().conditionalFormats;
      all.load('items/id,items/type');
      await context.sync();
      expect(all.items.map((c) => [c.id, c.type])).toEqual([[id, 'Custom']]);
      all.getItem(id).delete();
      await context.sync();
    });
    expect(fake.cellView('第一选区', 3, 3).conditionalFill).toBeUndefined();
  });

  test('toJSON/fromJSON keeps values, formulas, formats, merges, hidden rows and dates as serials', () => {
    const fake = FakeExcel.fromJSON({
      sheets: [{
        name: 'S', rows: [['x', new Date(Date.UTC(1990, 2, 7))], [null, 5]],
        cells: { A2: { formula: '=B2', fill: '#FFFF00', bold: true } }, merges: [{ startRow: 3, startColumn: 1, endRow: 3, endColumn: 2 }], hiddenRows: [2],
      }],
    });
    // 1990-03-07 is serial 32939.
    expect(fake.cellView('S', 1, 2)).toMatchObject({ value: 32939 });
    expect(fake.cellView('S', 2, 1)).toMatchObject({ value: 5, formula: '=B2', fill: '#FFFF00', bold: true });
    const again = FakeExcel.fromJSON(fake.toJSON());
    expect(again.toJSON()).toEqual(fake.toJSON());
    expect(again.toJSON().sheets[0]).toMatchObject({ merges: [{ startRow: 3, startColumn: 1, endRow: 3, endColumn: 2 }], hiddenRows: [2] });
  });
});

describe('installFakeExcel', () => {
  test('sets Excel.run and Office.onReady on the target', async () => {
    const target: Record<string, unknown> = {};
    const fake = roll();
    const installed = installFakeExcel(target, fake, { displayLanguage: 'en-US' });
    const office = target.Office as { onReady: () => Promise<{ host: string }>; context: { displayLanguage: string } };
    expect(await office.onReady()).toMatchObject({ host: 'Excel' });
    expect(office.context.displayLanguage).toBe('en-US');
    const excel = target.Excel as { run: (b: (c: Excel.RequestContext) => Promise<string>) => Promise<string> };
    const name = await excel.run(async (context) => {
      const s = context.workbook.worksheets.getFirst();
      s.load('name');
      await context.sync();
      return s.name;
    });
    expect(name).toBe('第一选区');
    installed.uninstall();
    expect(target.Excel).toBeUndefined();
  });
});

describe('the rest of the object model the adapter and the UI use', () => {
  test('hyperlinks, freeze panes, tables, charts (recorded), text and valueTypes, set()', async () => {
    const fake = FakeExcel.fromJSON({
      sheets: [{ name: 'S', rows: [['区', '人口'], ['一区', 1200], ['二区', 800]], tables: [{ name: 'T1', address: 'A1:B3' }] }],
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('D1').hyperlink = { documentReference: "'S'!A2", textToDisplay: '去一区' };
      sheet.freezePanes.freezeRows(1);
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('B1:B3'), 'Columns');
      chart.title.text = '每名代表所代表人口';
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange('A2:A3'));
      chart.legend.visible = false;
      sheet.getRange('C1').set({ values: [['x']], format: { font: { bold: true } } });
      const tables = sheet.tables;
      tables.load('items/name');
      const body = sheet.tables.getItem('T1').getDataBodyRange();
      body.load('address');
      const typed = sheet.getRange('A2:B2');
      typed.load('text,valueTypes');
      const link = sheet.getRange('D1');
      link.load('hyperlink,values');
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(['T1']);
      expect(body.address).toBe('S!A2:B3');
      expect(typed.text).toEqual([['一区', '1200']]);
      expect(typed.valueTypes).toEqual([['String', 'Double']]);
      expect(link.hyperlink).toEqual({ documentReference: "'S'!A2", textToDisplay: '去一区' });
      expect(link.values).toEqual([['去一区']]);
    });
    const json = fake.toJSON().sheets[0];
    expect(json.freeze).toEqual({ rows: 1, columns: 0 });
    expect(json.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: 'S!B1:B3', categories: 'S!A2:A3', legendVisible: false, title: '每名代表所代表人口' })]);
    expect(fake.cellView('S', 1, 3)).toMatchObject({ value: 'x', bold: true });
  });

  test('range navigation: getCell, getRow, getResizedRange, getOffsetRange, getEntireRow address', async () => {
    const fake = roll();
    await fake.run(async (context) => {
      const base = context.workbook.worksheets.getItem('第一选区').getRange('B2:C3');
      const parts = [base.getCell(1, 1), base.getRow(0), base.getResizedRange(1, 0), base.getOffsetRange(2, 1), base.getEntireRow()];
      parts.forEach((p) => p.load('address'));
      await context.sync();
      expect(parts.map((p) => p.address)).toEqual(['第一选区!C3', '第一选区!B2:C2', '第一选区!B2:C4', '第一选区!C4:D5', '第一选区!2:3']);
    });
  });

  test('merge keeps only the upper-left value; rowHidden can be set', async () => {
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'S', rows: [['a', 'b'], ['c', 'd']] }] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:B1').merge();
      sheet.getRange('2:2').rowHidden = true;
      await context.sync();
    });
    expect(fake.toJSON().sheets[0]).toMatchObject({ rows: [['a'], ['c', 'd']], merges: [{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 2 }], hiddenRows: [2] });
  });

  test('the last visible sheet cannot be hidden or deleted', async () => {
    const fake = FakeExcel.fromJSON({ sheets: [{ name: 'Only' }, { name: 'H', visibility: 'Hidden' }] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Only').visibility = 'Hidden';
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
      context.workbook.worksheets.getItem('Only').delete();
      expect(await codeOf(context.sync())).toBe('InvalidOperation');
    });
  });

  test('subscribe is told after each sync that changed something', async () => {
    const fake = roll();
    let calls = 0;
    const stop = fake.subscribe(() => { calls += 1; });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['x']];
      await context.sync();
    });
    stop();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet2').getRange('A1').values = [['y']];
      await context.sync();
    });
    expect(calls).toBe(1);
  });
});
