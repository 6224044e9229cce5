/**
 * The playground's grid view reads the fake Excel workbook directly (not through the Excel API, so looking at
 * the grid costs no round trips): cell text as Excel would display it, fills including Election Clerk's
 * conditional-format flags, the active sheet and the selection.
 */
import { FakeExcel } from '../fake-excel';
import { parseRect, splitSheet } from '../fake-excel/address';
import { displayText } from '../fake-excel/cell-input';
import { GridCell, GridChart, GridSelection, GridSource } from './grid-source';

export function fakeGridSource(fake: FakeExcel): GridSource {
  return {
    sheetNames: () => fake.model.liveSheets().filter((s) => s.visibility === 'Visible').map((s) => s.name),
    size(sheet) {
      const address = fake.usedAddress(sheet);
      if (!address) return { rows: 0, columns: 0 };
      const rect = parseRect(address);
      return { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    },
    cell(sheet, row, column): GridCell | null {
      const view = fake.cellView(sheet, row, column);
      const text = view.value === '' ? '' : displayText(view.value, view.numberFormat);
      const fill = view.conditionalFill ?? view.fill;
      const fontColor = view.conditionalFontColor ?? view.fontColor;
      if (text === '' && !fill) return null;
      return { text, fill, fontColor, bold: view.bold };
    },
    activeSheet: () => fake.model.activeSheet?.name ?? null,
    selection(): GridSelection | null {
      const sel = fake.selection();
      if (!sel) return null;
      const rect = parseRect(sel.address);
      return { sheet: sel.sheet, startRow: rect.r0 + 1, startColumn: rect.c0 + 1, endRow: rect.r1 + 1, endColumn: rect.c1 + 1 };
    },
    charts(sheet): GridChart[] {
      const model = fake.model.sheetByName(sheet);
      if (!model) return [];
      return model.charts.map((chart) => {
        // The first area of the source: one column of values, its first cell the series name when it is text.
        // Labels come from column A of the same rows (the fake does not record setXAxisValues).
        const first = chart.source.split(',')[0];
        const rect = parseRect(splitSheet(first).local);
        const labels: string[] = [];
        const values: number[] = [];
        for (let r = rect.r0; r <= rect.r1; r += 1) {
          const v = model.valueAt(r, rect.c0);
          if (typeof v !== 'number') continue;
          values.push(v);
          labels.push(String(model.valueAt(r, 0)));
        }
        return { title: chart.title ?? chart.name, labels, values };
      });
    },
    subscribe: (listener) => {
      const stop = fake.subscribe(listener);
      return () => { stop(); };
    },
  };
}
