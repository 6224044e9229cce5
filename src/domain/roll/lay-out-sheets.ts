/**
 * Picks the sheets of a workbook to read for a purpose (the rolls, a register, a previous roll, an exclusion list)
 * and proposes their layouts. A roll workbook's 说明 or 选区划分 sheets are skipped and said so.
 */
import { LaidOutSheet } from '../check/check-types';
import { SheetGrid } from '../workbook/sheet-grid';
import { classifySheet, detectRollLayout, SheetKind } from './detect-layout';

export interface SkippedSheet {
  file: string;
  sheet: string;
  kind: SheetKind;
  reason: { zh: string; en: string };
}

export interface SheetSelection {
  sheets: LaidOutSheet[];
  skipped: SkippedSheet[];
}

/**
 * Sheets with a detectable roll-like layout. For `purpose` 'roll', sheets classified as roll are taken; when a
 * workbook has none, every sheet with a layout that is not a district table or exclusion list is taken. For the
 * other purposes every sheet with a layout is taken, except district tables.
 */
export function selectSheets(grids: readonly SheetGrid[], purpose: 'roll' | 'register' | 'previous' | 'exclusion'): SheetSelection {
  const planned = grids.map((grid) => ({ grid, kind: classifySheet(grid), layout: detectRollLayout(grid) }));
  const sheets: LaidOutSheet[] = [];
  const skipped: SkippedSheet[] = [];
  const anyRoll = planned.some((p) => p.kind === 'roll' && p.layout);
  for (const p of planned) {
    const skip = (zh: string, en: string) => skipped.push({ file: p.grid.workbook, sheet: p.grid.sheet, kind: p.kind, reason: { zh, en } });
    if (!p.layout) {
      if (p.grid.rows.length > 0) skip('没有找到含“姓名”或“身份证号”的表头，未读取。', 'No header with 姓名 or an ID column found; not read.');
      continue;
    }
    if (p.kind === 'districts') {
      skip('这是选区划分表，不是名单，未读取。', 'This is a district table, not a list; not read.');
      continue;
    }
    if (purpose === 'roll') {
      if (anyRoll ? p.kind !== 'roll' : p.kind === 'exclusion') {
        skip(`这张表看起来是${p.kind === 'register' ? '户籍人口登记表' : p.kind === 'exclusion' ? '不列入名单' : '其他表'}，不是选民名单，未读取。`, `This sheet looks like ${p.kind === 'register' ? 'a population register' : p.kind === 'exclusion' ? 'an exclusion list' : 'something else'}, not a roll; not read.`);
        continue;
      }
    }
    sheets.push({ grid: p.grid, layout: p.layout });
  }
  return { sheets, skipped };
}
