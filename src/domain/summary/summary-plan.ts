/**
 * One summary run, as both the command line and the add-in do it: for each table, fill the clerk's template
 * sheet when the template workbook has one, otherwise lay out a standard sheet. Returns one WritePlan for all
 * template fills, the standard sheets to create, and what to tell the clerk.
 */
import { Message } from '../common/problem';
import { WritePlan } from '../workbook/cell-writes';
import { SheetGrid } from '../workbook/sheet-grid';
import { FillOptions, FillResult, fillTemplate } from './fill-template';
import { SheetSpec, StandardSheetOptions, standardSheet } from './standard-sheet';
import { TableValues } from './table-values';
import { findTemplates } from './template-match';

export interface SummaryOptions extends FillOptions, Omit<StandardSheetOptions, 'sheetName'> {
  /** With a template: also create standard sheets for the tables it lacks (default true). */
  createMissing?: boolean;
}

export interface SummaryPlan {
  /** All writes into template sheets, and the standard sheets to create (by name) in `newSheets`. */
  plan: WritePlan;
  fills: FillResult[];
  specs: SheetSpec[];
  /** Tables the template has no sheet for. */
  notFound: TableValues['table'][];
  notes: Message[];
}

/** Plans a summary of `tables` into `templateGrids` (null: no template, standard sheets only). */
export function planSummary(tables: readonly TableValues[], templateGrids: readonly SheetGrid[] | null, options: SummaryOptions = {}): SummaryPlan {
  const notes: Message[] = [];
  const fills: FillResult[] = [];
  const specs: SheetSpec[] = [];
  let notFound: TableValues['table'][] = [];
  if (templateGrids) {
    const search = findTemplates(templateGrids, tables);
    notes.push(...search.notes);
    for (const match of search.matches) {
      const values = tables.find((t) => t.table === match.table)!;
      const grid = templateGrids.find((g) => g.sheet === match.sheet)!;
      fills.push(fillTemplate(grid, match, values, options));
    }
    notFound = search.notFound;
    for (const key of notFound) {
      const values = tables.find((t) => t.table === key)!;
      const create = options.createMissing !== false;
      notes.push({
        zh: `模板中没有找到“${values.definition.title}”（按标题或表头查找）${create ? '，已新建标准格式的工作表' : ''}。`,
        en: `No "${values.definition.title}" found in the template (by title or header)${create ? '; a standard sheet was created' : ''}.`,
      });
      if (create) specs.push(standardSheet(values, options));
    }
  } else {
    for (const values of tables) specs.push(standardSheet(values, options));
  }
  const writes = fills.flatMap((f) => f.plan.writes);
  const taken = new Set((templateGrids ?? []).map((g) => g.sheet.toLowerCase()));
  for (const s of specs) {
    let name = s.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${s.name}_${i}`;
    s.name = name;
    taken.add(name.toLowerCase());
  }
  return { plan: { writes, newSheets: specs.map((s) => s.name) }, fills, specs, notFound, notes };
}
