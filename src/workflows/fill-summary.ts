/**
 * 生成汇总 / 撤销汇总 in the open workbook: the statistics tables (选民登记情况统计表 from the rolls, 选区划分和代表名额
 * 分配表 from the saved seat settings, 代表结构统计表 from a candidate/deputy roster sheet) filled into the clerk's own
 * template sheets by their labels, or created as standard sheets. All or nothing: if any step fails, what was
 * written is removed. What was written is kept in the workbook's settings so that 撤销汇总 restores every template
 * cell exactly and deletes the sheets the summary created. Used by the task pane and the ribbon's one-click button.
 */
import { classifySheet } from '../domain/roll/detect-layout';
import { Message } from '../domain/common/problem';
import { countComposition, detectRosterLayout, readRoster } from '../domain/summary/roster';
import { planSummary } from '../domain/summary/summary-plan';
import { TableKey } from '../domain/summary/table-definitions';
import { TableValues, allocationValues, compositionValues, registrationValues } from '../domain/summary/table-values';
import { SheetGrid } from '../domain/workbook/sheet-grid';
import { allocateSeats } from './allocate-seats';
import { isOwnSheet, PROPOSAL_ROWS } from './propose-sheets';
import { loadSettings, requireElectionDate, saveSettings } from './settings';
import { validateWorkbook } from './validate-workbook';
import {
  ClerkSettings, Language, SheetInfo, SummaryRecord, UndoneWrites, WorkbookPort, WrittenCells,
} from './workbook-port';
import { messageOf, throwIfCancelled, WorkflowError } from './workflow-error';

export interface SummaryProgress {
  phase: 'check' | 'read' | 'write' | 'done';
  /** 0–1 over the whole run. */
  fraction: number;
}

export interface FillSummaryOptions {
  language?: Language;
  signal?: AbortSignal;
  onProgress?: (p: SummaryProgress) => void;
}

/** A table filled into one of the clerk's sheets. */
export interface FilledTable {
  table: TableKey;
  title: string;
  sheet: string;
  /** Cells written. */
  cells: number;
  /** Cells that already held the right number. */
  unchanged: number;
  /** Formulas found in target cells and kept. */
  keptFormulas: number;
}

export interface CreatedSheet {
  table: TableKey;
  title: string;
  sheet: string;
}

/** A label of a template that could not be matched: named exactly, with its sheet and cell. */
export interface UnmatchedLabelReport {
  sheet: string;
  text: string;
  address?: string;
  message: Message;
}

/** A number typed into a template that differs from what the rolls give (consistency check). */
export interface ConsistencyWarning {
  sheet: string;
  address: string;
  message: Message;
}

export interface SummaryResult {
  /** Roll rows read. */
  rows: number;
  filled: FilledTable[];
  created: CreatedSheet[];
  unmatched: UnmatchedLabelReport[];
  warnings: ConsistencyWarning[];
  notes: Message[];
  /** The numbers of each table. */
  tables: TableValues[];
}

/** Template sheets larger than this are not statistics tables (a roll, a register): not read as templates. */
export const MAX_TEMPLATE_ROWS = 2000;

const ROSTER_WORDS = /候选人|代表/;

interface SheetLook {
  info: SheetInfo;
  kind: ReturnType<typeof classifySheet> | 'empty';
  roster: boolean;
}

/** Looks at the first rows of every visible sheet that is not Election Clerk's own: its kind, and whether it is a roster. */
async function lookAtSheets(port: WorkbookPort, settings: ClerkSettings, signal?: AbortSignal): Promise<SheetLook[]> {
  const looks: SheetLook[] = [];
  for (const info of await port.listSheets()) {
    throwIfCancelled(signal);
    if (!info.visible || isOwnSheet(info.name, settings)) continue;
    if (info.rowCount === 0) {
      looks.push({ info, kind: 'empty', roster: false });
      continue;
    }
    const preview = await port.readSheet(info.name, { maxRows: PROPOSAL_ROWS });
    looks.push({ info, kind: classifySheet(preview), roster: isRoster(preview) });
  }
  return looks;
}

/** A candidate or deputy roster: titled so (代表/候选人), with 姓名 and a column a voter roll does not have. */
export function isRoster(grid: SheetGrid): boolean {
  const layout = detectRosterLayout(grid);
  if (!layout) return false;
  const c = layout.columns;
  if (c.politics === undefined && c.occupation === undefined && c.reelected === undefined) return false;
  const top = grid.rows.slice(0, Math.max(0, layout.headerRow - grid.startRow)).flat().filter((v) => typeof v === 'string').join(' ');
  return ROSTER_WORDS.test(`${grid.sheet} ${top}`);
}

function titleOf(tables: readonly TableValues[], key: TableKey): string {
  return tables.find((t) => t.table === key)?.definition.title ?? key;
}

/** A sheet name Excel accepts (≤ 31 characters, none of \ / ? * [ ] :) not used yet (ignoring case). */
export function freeSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, '').replace(/^'+|'+$/g, '').slice(0, 31) || '汇总';
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = `（${i}）`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The record after another summary: the earlier record's before-contents win (undo goes back to before the first
 * summary), cells on sheets a summary created need no record (undo deletes those sheets).
 */
export function mergeSummaryRecords(previous: SummaryRecord | undefined, written: WrittenCells, createdSheets: string[], existing: Set<string>, at: string): SummaryRecord {
  const keyOf = (c: { sheet: string; row: number; column: number }) => `${c.sheet}\u0000${c.row}\u0000${c.column}`;
  const prevCreated = (previous?.createdSheets ?? []).filter((s) => existing.has(s));
  const created = [...prevCreated, ...createdSheets.filter((s) => !prevCreated.includes(s))];
  const createdSet = new Set(created);
  const cells = (previous?.written.cells ?? []).filter((c) => existing.has(c.sheet) && !createdSet.has(c.sheet)).map((c) => ({ ...c }));
  const index = new Map(cells.map((c, i) => [keyOf(c), i]));
  for (const c of written.cells) {
    if (createdSet.has(c.sheet)) continue;
    const i = index.get(keyOf(c));
    if (i === undefined) {
      index.set(keyOf(c), cells.length);
      cells.push({ ...c });
    } else {
      cells[i] = { ...cells[i], after: c.after };
    }
  }
  return { at, written: { createdSheets: [], cells }, createdSheets: created };
}

/** Runs 生成汇总: computes the tables, fills the templates and creates the missing sheets, all or nothing. */
export async function fillSummary(port: WorkbookPort, settings: ClerkSettings, options: FillSummaryOptions = {}): Promise<SummaryResult> {
  const { signal } = options;
  const report = (p: SummaryProgress) => options.onProgress?.(p);
  const electionDate = requireElectionDate(settings);
  const notes: Message[] = [];

  // 1. Which sheet is what: rosters must not be checked as rolls, nor rolls read as templates.
  report({ phase: 'check', fraction: 0 });
  const looks = await lookAtSheets(port, settings, signal);
  // Sheets an earlier summary created are tables to refill, never rolls.
  const ours = new Set(settings.lastSummary?.createdSheets ?? []);
  const rosters = looks.filter((l) => l.roster && !ours.has(l.info.name)).map((l) => l.info.name);
  const rollChoice = (settings.rollSheets ?? looks.filter((l) => l.kind === 'roll').map((l) => l.info.name))
    .filter((s) => !rosters.includes(s) && !ours.has(s));
  const checkSettings: ClerkSettings = { ...settings, rollSheets: rollChoice };

  // 2. Statistics from the rolls (the engine, without writing flags).
  const check = await validateWorkbook(port, checkSettings, {
    write: false, signal, language: options.language,
    onProgress: (p) => report({ phase: 'check', fraction: 0.6 * p.fraction }),
  });
  for (const s of check.skipped) notes.push(s.reason);
  const tables: TableValues[] = [registrationValues(check.statistics)];

  // 3. The allocation, when the seat settings allow.
  if (settings.seats?.districtSheet) {
    try {
      const seats = await allocateSeats(port, settings, { write: false, language: options.language });
      tables.push(allocationValues(seats.allocation));
      notes.push(...seats.allocation.warnings);
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error;
      const why = messageOf(error);
      notes.push({ zh: `未生成选区划分和代表名额分配表：${why.zh}`, en: `The district and seat allocation table was not made: ${why.en}` });
    }
  } else {
    notes.push({
      zh: '尚未设置名额分配（“名额分配”页），未生成选区划分和代表名额分配表。',
      en: 'No seat allocation is set up yet (the Seats tab), so the district and seat allocation table was not made.',
    });
  }
  throwIfCancelled(signal);

  // 4. The roster (代表结构统计表) and the template candidates, read with their formulas.
  report({ phase: 'read', fraction: 0.65 });
  if (rosters.length > 0) {
    const grid = await port.readSheet(rosters[0]);
    const layout = detectRosterLayout(grid);
    if (layout) {
      const roster = readRoster(grid, layout);
      notes.push(...roster.problems);
      tables.push(compositionValues(countComposition(roster.people, electionDate)));
      if (rosters.length > 1) {
        notes.push({
          zh: `有多个代表（候选人）名单工作表，代表结构按“${rosters[0]}”统计：${rosters.slice(1).join('、')} 未使用。`,
          en: `Several roster sheets; the composition is counted from "${rosters[0]}". Not used: ${rosters.slice(1).join(', ')}.`,
        });
      }
    }
  }
  const inputs = new Set<string>([...check.sheets.map((s) => s.sheet), ...rosters]);
  if (settings.seats?.districtSheet) inputs.add(settings.seats.districtSheet);
  const candidates = looks.filter((l) => ours.has(l.info.name) || (l.kind !== 'empty' && l.kind !== 'roll' && l.kind !== 'register'
    && l.kind !== 'exclusion' && !inputs.has(l.info.name) && l.info.rowCount <= MAX_TEMPLATE_ROWS));
  const templates: SheetGrid[] = [];
  for (const c of candidates) {
    throwIfCancelled(signal);
    templates.push(await port.readSheet(c.info.name, { formulas: true, signal }));
  }
  throwIfCancelled(signal);

  // 5. The plan.
  const planned = planSummary(tables, templates.length > 0 ? templates : null, {
    keepHandEntered: settings.summary?.keepHandEntered === true,
    unit: settings.summary?.unit,
    date: todayIso(),
  });
  const allNames = new Set(looks.map((l) => l.info.name.toLowerCase()));
  for (const info of await port.listSheets()) allNames.add(info.name.toLowerCase());
  for (const spec of planned.specs) {
    spec.name = freeSheetName(spec.name, allNames);
    allNames.add(spec.name.toLowerCase());
  }
  notes.push(...planned.notes.filter((n) => !n.zh.startsWith('模板中没有找到')));

  // 6. Write, all or nothing; then keep what undo needs.
  throwIfCancelled(signal);
  report({ phase: 'write', fraction: 0.8 });
  let written: WrittenCells = { createdSheets: [], cells: [] };
  const createdNow: string[] = [];
  try {
    if (planned.plan.writes.length > 0) written = await port.applyUndoableWritePlan({ writes: planned.plan.writes, newSheets: [] });
    for (const spec of planned.specs) {
      notes.push(...await port.createSheet(spec));
      createdNow.push(spec.name);
    }
    const existing = new Set((await port.listSheets()).map((s) => s.name));
    const record = mergeSummaryRecords(settings.lastSummary, written, createdNow, existing, new Date().toISOString());
    await saveSettings(port, { lastSummary: record });
  } catch (error) {
    let undone = true;
    for (const name of [...createdNow].reverse()) {
      try { await port.deleteSheet(name); } catch { undone = false; }
    }
    if (written.cells.length > 0) {
      try { await port.undoWrites(written); } catch { undone = false; }
    }
    const why = messageOf(error);
    throw new WorkflowError(undone
      ? { zh: `生成汇总未能完成：${why.zh} 已写入的部分已撤销，工作簿保持原样。`, en: `The summary could not be completed: ${why.en} What had been written was undone; the workbook is as it was.` }
      : { zh: `生成汇总未能完成：${why.zh} 撤销已写入的部分也未全部成功，请检查相关工作表，必要时用 Excel 的“撤销”恢复。`, en: `The summary could not be completed: ${why.en} Undoing what had been written did not fully succeed either: check the sheets concerned and use Excel's Undo if needed.` });
  }
  report({ phase: 'done', fraction: 1 });

  const filled: FilledTable[] = planned.fills.map((f) => ({
    table: f.table, title: titleOf(tables, f.table), sheet: f.sheet, cells: f.filled.length, unchanged: f.unchanged, keptFormulas: f.keptFormulas.length,
  }));
  const unmatched: UnmatchedLabelReport[] = planned.fills.flatMap((f) => f.unmatched.map((u) => ({ sheet: f.sheet, text: u.text, address: u.address, message: u.message })));
  const warnings: ConsistencyWarning[] = planned.fills.flatMap((f) => f.mismatches.map((m) => ({ sheet: f.sheet, address: m.address, message: m.message })));
  for (const f of planned.fills) for (const s of f.skipped) notes.push(s.reason);
  return {
    rows: check.summary.rows,
    filled,
    created: planned.specs.map((s) => ({ table: s.table, title: titleOf(tables, s.table), sheet: s.name })),
    unmatched,
    warnings,
    notes,
    tables,
  };
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** One-line outcome for the clerk (the ribbon's dialog, the pane's status line). */
export function summaryOutcome(result: SummaryResult): Message {
  const zh: string[] = [];
  const en: string[] = [];
  if (result.filled.length > 0) {
    zh.push(`已填写${result.filled.map((f) => `“${f.sheet}”（${f.cells} 个单元格）`).join('、')}`);
    en.push(`filled ${result.filled.map((f) => `"${f.sheet}" (${f.cells} cells)`).join(', ')}`);
  }
  if (result.created.length > 0) {
    zh.push(`新建${result.created.map((c) => `“${c.sheet}”`).join('、')}`);
    en.push(`created ${result.created.map((c) => `"${c.sheet}"`).join(', ')}`);
  }
  let textZh = `汇总完成（${result.rows} 行名单）：${zh.join('；') || '没有需要写入的内容'}。`;
  let textEn = `Summary done (${result.rows} roll rows): ${en.join('; ') || 'nothing to write'}.`;
  if (result.unmatched.length > 0) {
    textZh += ` 有 ${result.unmatched.length} 个标签无法匹配：${result.unmatched.slice(0, 5).map((u) => `“${u.text}”${u.address ? `（${u.sheet}!${u.address}）` : ''}`).join('、')}${result.unmatched.length > 5 ? '等' : ''}。`;
    textEn += ` ${result.unmatched.length} label(s) could not be matched: ${result.unmatched.slice(0, 5).map((u) => `"${u.text}"${u.address ? ` (${u.sheet}!${u.address})` : ''}`).join(', ')}${result.unmatched.length > 5 ? ', …' : ''}.`;
  }
  if (result.warnings.length > 0) {
    textZh += ` 有 ${result.warnings.length} 处手填数字与名单统计不一致，请核对。`;
    textEn += ` ${result.warnings.length} hand-entered number(s) differ from the rolls: check them.`;
  }
  return { zh: textZh, en: textEn };
}

/** 生成汇总 from the ribbon: the saved settings, and the outcome in one line. */
export async function fillSummaryFromSettings(port: WorkbookPort, settings: ClerkSettings): Promise<Message> {
  return summaryOutcome(await fillSummary(port, settings));
}

export interface UndoSummaryResult extends UndoneWrites {
  /** Sheets the summary created that had been deleted or renamed meanwhile. */
  missingSheets: string[];
}

/** 撤销汇总: restores every template cell the last summary wrote (unless changed since) and deletes the sheets it created. */
export async function undoSummary(port: WorkbookPort): Promise<UndoSummaryResult> {
  const settings = await loadSettings(port);
  const last = settings.lastSummary;
  if (!last) {
    throw new WorkflowError({ zh: '没有可撤销的汇总：本工作簿中没有记录上一次“生成汇总”写入的内容。', en: 'There is no summary to undo: this workbook has no record of what the last summary wrote.' });
  }
  const existing = new Set((await port.listSheets()).map((s) => s.name));
  const cells = last.written.cells.filter((c) => existing.has(c.sheet) && !last.createdSheets.includes(c.sheet));
  const undone = cells.length > 0
    ? await port.undoWrites({ createdSheets: [], cells })
    : { restored: 0, deletedSheets: [], keptEdited: [] };
  const deletedSheets: string[] = [...undone.deletedSheets];
  const missingSheets: string[] = [];
  for (const name of last.createdSheets) {
    if (!existing.has(name)) {
      missingSheets.push(name);
      continue;
    }
    await port.deleteSheet(name);
    deletedSheets.push(name);
  }
  await saveSettings(port, { lastSummary: undefined });
  return { restored: undone.restored, deletedSheets, keptEdited: undone.keptEdited, missingSheets };
}

/** One-line outcome of 撤销汇总. */
export function undoOutcome(result: UndoSummaryResult): Message {
  let zh = `已撤销汇总：恢复 ${result.restored} 个单元格${result.deletedSheets.length ? `，删除工作表${result.deletedSheets.map((s) => `“${s}”`).join('、')}` : ''}。`;
  let en = `Summary undone: ${result.restored} cells restored${result.deletedSheets.length ? `, sheets deleted: ${result.deletedSheets.map((s) => `"${s}"`).join(', ')}` : ''}.`;
  if (result.keptEdited.length > 0) {
    zh += ` ${result.keptEdited.length} 个单元格在汇总后被改过，保留了改动后的内容。`;
    en += ` ${result.keptEdited.length} cells changed since the summary were left as they are.`;
  }
  if (result.missingSheets.length > 0) {
    zh += ` 工作表${result.missingSheets.map((s) => `“${s}”`).join('、')}已不存在（可能已改名或删除）。`;
    en += ` The sheets ${result.missingSheets.map((s) => `"${s}"`).join(', ')} no longer exist (renamed or deleted?).`;
  }
  return { zh, en };
}
