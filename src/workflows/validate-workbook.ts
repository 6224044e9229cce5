/**
 * 校验 (validate) the open workbook: read the roll sheets (and the register, exclusion lists and district table when
 * the workbook has them) in blocks, take each sheet's saved or detected layout, run the engine, then flag the
 * findings' cells and write the 校验结果 sheet. Cancel is honoured between sheet reads and before anything is written.
 * What the clerk should know about awkward sheets (protected, filtered, hidden rows, merged cells, tables, too wide
 * to read, not flagged) comes back as `notices`; an empty workbook is refused before anything else.
 * Used by the task pane and the ribbon's one-click button alike.
 */
import { exclusionReasonOfSheet } from '../domain/roll/exclusion-reason';
import { checkRolls } from '../domain/check/check-rolls';
import { CheckInput, CheckResult, DistrictRow, ExclusionList, ExclusionReason, LaidOutSheet } from '../domain/check/check-types';
import { detectRollLayout, layoutForHeaderRow } from '../domain/roll/detect-layout';
import { RollLayout } from '../domain/roll/roll-layout';
import { readDistrictTable } from '../domain/seats/district-table';
import { SheetGrid } from '../domain/workbook/sheet-grid';
import { Message } from '../domain/common/problem';
import { checkGrid, checkWorkbook } from '../adapters/office/guards';
import { chooseRollSheets, proposeSheets, SheetProposal } from './propose-sheets';
import { requireElectionDate } from './settings';
import { ClerkSettings, Language, SheetNotice, WorkbookPort } from './workbook-port';
import { throwIfCancelled, WorkflowError } from './workflow-error';

export type ValidatePhase = 'scan' | 'read' | 'check' | 'flag' | 'done';

export interface ValidateProgress {
  phase: ValidatePhase;
  /** 0–1 over the whole validation. */
  fraction: number;
  /** The sheet being read, in the read phase. */
  sheet?: string;
}

export interface ValidateOptions {
  onProgress?: (p: ValidateProgress) => void;
  signal?: AbortSignal;
  /** Language of the 校验结果 sheet's text (default Chinese). */
  language?: Language;
  /** Write flags and the findings sheet (default true). */
  write?: boolean;
}

export interface ValidateResult extends CheckResult {
  /** The roll sheets checked and the layout used for each. */
  sheets: { sheet: string; layout: RollLayout }[];
  /** Sheets chosen as rolls that could not be read as one (no header, too wide), and why. */
  skipped: { sheet: string; reason: Message }[];
  /**
   * What the clerk should know about the sheets read that is not a finding: protected (and so not flagged),
   * filtered, hidden rows, merged cells, tables; in the order the sheets were read, flagging's last.
   */
  notices: SheetNotice[];
  findingsSheet?: string;
}

/** Code of the notice for a sheet whose findings could not be flagged (it is protected, or was renamed). */
export const NOT_FLAGGED = 'NOT_FLAGGED';

/** The EMPTY_WORKBOOK refusal: nothing in any sheet to check. */
export function emptyWorkbookError(): WorkflowError {
  const empty = checkWorkbook([]).find((p) => p.code === 'EMPTY_WORKBOOK');
  return new WorkflowError(empty ? empty.message : {
    zh: '工作簿中没有任何数据。请先打开或粘贴选民名单，再进行校验。',
    en: 'The workbook has no data. Open or paste the voter roll first, then validate.',
  });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function clerkMessageOf(error: unknown): Message | undefined {
  const m = (error as { clerkMessage?: Message } | null)?.clerkMessage;
  return m && typeof m.zh === 'string' && typeof m.en === 'string' ? m : undefined;
}

// Share of the progress bar for each phase.
const SCAN = 0.05;
const READ = 0.55;
const CHECK = 0.25;

/**
 * The layout for a fully read sheet. Without a saved layout: detection's proposal (null when it finds no header).
 * A saved (clerk-confirmed) layout keeps its header row, columns and district even when detection now finds another
 * header row or none (e.g. headers it does not know); only its data rows are worked out afresh under the saved header
 * row, the way detection does (up to the last non-blank row before a 合计/totals row), since the roll may have grown.
 */
export function layoutFor(grid: SheetGrid, saved: RollLayout | undefined): RollLayout | null {
  if (!saved) return detectRollLayout(grid);
  const fresh = layoutForHeaderRow(grid, saved.headerRow);
  return { ...saved, firstDataRow: fresh.firstDataRow, lastDataRow: fresh.lastDataRow, district: saved.district ?? fresh.district };
}

function sheetKindsFrom(proposals: SheetProposal[], settings: ClerkSettings) {
  const rolls = chooseRollSheets(proposals, settings);
  const rollSet = new Set(rolls);
  const register = settings.registerSheet
    ? [settings.registerSheet]
    : proposals.filter((p) => p.kind === 'register' && !rollSet.has(p.info.name)).map((p) => p.info.name);
  const exclusions = settings.exclusionSheets
    ? settings.exclusionSheets.map((e) => ({ sheet: e.sheet, reason: e.reason as ExclusionReason | undefined }))
    : proposals.filter((p) => p.kind === 'exclusion' && !rollSet.has(p.info.name)).map((p) => ({ sheet: p.info.name, reason: undefined }));
  const districts = proposals.filter((p) => p.kind === 'districts' && !rollSet.has(p.info.name)).map((p) => p.info.name);
  return { rolls, register, exclusions, districts };
}

export async function validateWorkbook(
  port: WorkbookPort,
  settings: ClerkSettings,
  options: ValidateOptions = {},
): Promise<ValidateResult> {
  const { onProgress, signal } = options;
  const report = (p: ValidateProgress) => onProgress?.(p);
  // Nothing to check at all: say so before anything else (and before asking for the election day).
  const listed = await port.listSheets();
  if (!listed.some((s) => s.rowCount > 0)) throw emptyWorkbookError();
  const electionDate = requireElectionDate(settings);

  report({ phase: 'scan', fraction: 0 });
  const proposals = await proposeSheets(port, settings, { signal, sheets: listed });
  const kinds = sheetKindsFrom(proposals, settings);
  if (kinds.rolls.length === 0) {
    throw new WorkflowError({
      zh: '没有找到选民名单工作表：请在“工作表”中勾选要校验的名单（表头应包含 姓名、公民身份号码 等列）。',
      en: 'No voter-roll sheet found: tick the sheets to check under "Sheets" (their header should have columns such as 姓名 and 公民身份号码).',
    });
  }
  report({ phase: 'scan', fraction: SCAN });

  const infoByName = new Map(proposals.map((p) => [p.info.name, p.info]));
  const toRead = [
    ...kinds.rolls.map((s) => ({ sheet: s, role: 'roll' as const })),
    ...kinds.register.map((s) => ({ sheet: s, role: 'register' as const })),
    ...kinds.exclusions.map((e) => ({ sheet: e.sheet, role: 'exclusion' as const, reason: e.reason })),
    ...kinds.districts.map((s) => ({ sheet: s, role: 'districts' as const })),
  ].filter((r) => infoByName.has(r.sheet));
  const totalRows = toRead.reduce((n, r) => n + Math.max(1, infoByName.get(r.sheet)?.rowCount ?? 1), 0);
  let rowsBefore = 0;

  const rolls: LaidOutSheet[] = [];
  const register: LaidOutSheet[] = [];
  const exclusions: ExclusionList[] = [];
  const districts: DistrictRow[] = [];
  const skipped: { sheet: string; reason: Message }[] = [];
  const notices: SheetNotice[] = [];
  // Sheets refused for something other than a missing header (too wide to be a roll).
  let refusedRolls = 0;
  const refuse = (item: (typeof toRead)[number], code: string, message: Message) => {
    if (item.role === 'roll') {
      skipped.push({ sheet: item.sheet, reason: message });
      refusedRolls += 1;
    } else {
      notices.push({ sheet: item.sheet, code, severity: 'warning', message });
    }
  };

  for (const item of toRead) {
    throwIfCancelled(signal);
    const info = infoByName.get(item.sheet);
    const rowsHere = Math.max(1, info?.rowCount ?? 1);
    const problems = info?.problems ?? [];
    const blocking = problems.find((p) => p.severity === 'error');
    if (blocking) {
      // Refused before reading (e.g. SHEET_TOO_WIDE): the other sheets are still checked.
      rowsBefore += rowsHere;
      refuse(item, blocking.code, blocking.message);
      continue;
    }
    notices.push(...problems);
    let grid: SheetGrid;
    try {
      grid = await port.readSheet(item.sheet, {
        signal,
        onProgress: (done) => report({
          phase: 'read', sheet: item.sheet, fraction: SCAN + READ * Math.min(1, (rowsBefore + Math.min(done, rowsHere)) / totalRows),
        }),
      });
    } catch (error) {
      // A sheet the reader refuses as a whole (too wide) is skipped with its message; anything else stops the check.
      const message = clerkMessageOf(error);
      if (errorCode(error) !== 'SHEET_TOO_WIDE' || !message) throw error;
      rowsBefore += rowsHere;
      refuse(item, 'SHEET_TOO_WIDE', message);
      continue;
    }
    rowsBefore += rowsHere;
    report({ phase: 'read', sheet: item.sheet, fraction: SCAN + READ * Math.min(1, rowsBefore / totalRows) });
    for (const p of checkGrid(grid)) notices.push({ sheet: item.sheet, code: p.code, severity: p.severity, message: p.message });
    if (item.role === 'districts') {
      for (const row of readDistrictTable(grid).rows) districts.push({ name: row.name, population: row.population });
      continue;
    }
    const layout = layoutFor(grid, settings.layouts?.[item.sheet]);
    if (!layout) {
      if (item.role === 'roll') {
        skipped.push({
          sheet: item.sheet,
          reason: {
            zh: `工作表“${item.sheet}”中找不到表头（姓名、公民身份号码等），未校验。请在“工作表”中指定表头行和各列。`,
            en: `No header row (姓名, 公民身份号码, …) found in sheet "${item.sheet}"; it was not checked. Set its header row and columns under "Sheets".`,
          },
        });
      }
      continue;
    }
    const laid = { grid, layout };
    if (item.role === 'roll') rolls.push(laid);
    else if (item.role === 'register') register.push(laid);
    else exclusions.push({ reason: item.reason ?? exclusionReasonOfSheet(grid), sheets: [laid] });
  }
  if (rolls.length === 0 && refusedRolls > 0) {
    throw new WorkflowError({
      zh: `没有可以校验的名单。${skipped.map((s) => s.reason.zh).join('')}`,
      en: `No roll could be checked. ${skipped.map((s) => s.reason.en).join(' ')}`,
    });
  }
  if (rolls.length === 0) {
    throw new WorkflowError({
      zh: '选中的工作表都找不到表头，无法校验。请在“工作表”中指定表头行和各列。',
      en: 'None of the chosen sheets has a recognisable header, so nothing could be checked. Set the header row and columns under "Sheets".',
    });
  }

  throwIfCancelled(signal);
  report({ phase: 'check', fraction: SCAN + READ });
  // The engine runs synchronously: let the task pane paint "checking…" first.
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(signal);
  const input: CheckInput = { rolls };
  if (register.length > 0) input.register = register;
  if (exclusions.length > 0) input.exclusions = exclusions;
  if (districts.length > 0) input.districts = districts;
  const checkStart = SCAN + READ;
  const result = checkRolls(input, {
    electionDate,
    onProgress: (done, total) => report({ phase: 'check', fraction: checkStart + CHECK * (total > 0 ? Math.min(1, done / total) : 1) }),
  });
  report({ phase: 'check', fraction: checkStart + CHECK });

  // Last chance to cancel: after this point the workbook is written.
  throwIfCancelled(signal);
  let findingsSheet: string | undefined;
  if (options.write !== false) {
    report({ phase: 'flag', fraction: checkStart + CHECK });
    const flagged = await port.flagFindings(result.findings);
    for (const s of flagged.skipped) {
      // The flag report's reason says it better than the listing's "protected" notice for the same sheet.
      const i = notices.findIndex((n) => n.sheet === s.sheet && n.code === 'SHEET_PROTECTED');
      if (i >= 0) notices.splice(i, 1);
      notices.push({ sheet: s.sheet, code: NOT_FLAGGED, severity: 'warning', message: s.reason });
    }
    report({ phase: 'flag', fraction: checkStart + CHECK + 0.1 });
    try {
      findingsSheet = await port.writeFindingsSheet(result.findings, options.language ?? 'zh');
    } catch (e) {
      // Flags without their findings sheet would be half a result: take them away again, then report the failure.
      await port.clearFlags().catch(() => undefined);
      throw e;
    }
  }
  report({ phase: 'done', fraction: 1 });
  return { ...result, sheets: rolls.map((r) => ({ sheet: r.layout.sheet, layout: r.layout })), skipped, notices, findingsSheet };
}
