/**
 * 校验 (validate) the open workbook: read the roll sheets (and the register, exclusion lists and district table when
 * the workbook has them) in blocks, take each sheet's saved or detected layout, run the engine, then flag the
 * findings' cells and write the 校验结果 sheet. Cancel is honoured between sheet reads and before anything is written.
 * Used by the task pane and the ribbon's one-click button alike.
 */
import { checkRolls } from '../domain/check/check-rolls';
import { CheckInput, CheckResult, DistrictRow, ExclusionList, ExclusionReason, LaidOutSheet } from '../domain/check/check-types';
import { detectRollLayout } from '../domain/roll/detect-layout';
import { RollLayout } from '../domain/roll/roll-layout';
import { readDistrictTable } from '../domain/seats/district-table';
import { SheetGrid } from '../domain/workbook/sheet-grid';
import { Message } from '../domain/common/problem';
import { chooseRollSheets, proposeSheets, SheetProposal } from './propose-sheets';
import { requireElectionDate } from './settings';
import { ClerkSettings, Language, WorkbookPort } from './workbook-port';
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
  /** Sheets chosen as rolls that could not be read as one, and why. */
  skipped: { sheet: string; reason: Message }[];
  findingsSheet?: string;
}

// Share of the progress bar for each phase.
const SCAN = 0.05;
const READ = 0.55;
const CHECK = 0.25;

/**
 * The layout for a fully read sheet: a saved (clerk-confirmed) layout keeps its header row and columns, but the
 * data rows are taken from fresh detection when it finds the same header row (the roll may have grown since).
 */
export function layoutFor(grid: SheetGrid, saved: RollLayout | undefined): RollLayout | null {
  const detected = detectRollLayout(grid);
  if (!saved) return detected;
  if (detected && detected.headerRow === saved.headerRow) {
    return { ...saved, firstDataRow: detected.firstDataRow, lastDataRow: detected.lastDataRow, district: saved.district ?? detected.district };
  }
  const lastRow = grid.startRow + grid.rows.length - 1;
  return { ...saved, lastDataRow: Math.max(saved.firstDataRow - 1, lastRow) };
}

export function exclusionReasonOf(sheetName: string, grid: SheetGrid): ExclusionReason {
  const text = `${sheetName} ${(grid.rows[0] ?? []).join(' ')}`;
  if (/不列入|精神/.test(text)) return 'notIncluded';
  if (/死亡|注销/.test(text)) return 'deceased';
  return 'deprived';
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
  const electionDate = requireElectionDate(settings);

  report({ phase: 'scan', fraction: 0 });
  const proposals = await proposeSheets(port, settings, { signal });
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

  for (const item of toRead) {
    throwIfCancelled(signal);
    const rowsHere = Math.max(1, infoByName.get(item.sheet)?.rowCount ?? 1);
    const grid = await port.readSheet(item.sheet, {
      signal,
      onProgress: (done) => report({
        phase: 'read', sheet: item.sheet, fraction: SCAN + READ * Math.min(1, (rowsBefore + Math.min(done, rowsHere)) / totalRows),
      }),
    });
    rowsBefore += rowsHere;
    report({ phase: 'read', sheet: item.sheet, fraction: SCAN + READ * Math.min(1, rowsBefore / totalRows) });
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
    else exclusions.push({ reason: item.reason ?? exclusionReasonOf(item.sheet, grid), sheets: [laid] });
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
    await port.flagFindings(result.findings);
    report({ phase: 'flag', fraction: checkStart + CHECK + 0.1 });
    findingsSheet = await port.writeFindingsSheet(result.findings, options.language ?? 'zh');
  }
  report({ phase: 'done', fraction: 1 });
  return { ...result, sheets: rolls.map((r) => ({ sheet: r.layout.sheet, layout: r.layout })), skipped, findingsSheet };
}
