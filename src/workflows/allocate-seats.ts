/**
 * 名额分配 (allocate seats): read the district table, work out the number of deputies (given, or the statutory
 * total from level and population), apportion them with the chosen method and 1–3 bounds, and write the
 * 代表名额分配 sheet with its chart in one atomic write. The arithmetic is the seat calculator's (src/domain/seats).
 */
import { apportion, Allocation } from '../domain/seats/apportion';
import { readDistrictTable } from '../domain/seats/district-table';
import { statutoryTotal, StatutoryTotal } from '../domain/seats/statutory-total';
import { Message } from '../domain/common/problem';
import { allocationSheetPlan } from './allocation-sheet';
import { ALLOCATION_SHEET } from './propose-sheets';
import { ClerkSettings, Language, SeatMethod, SeatSettings, WorkbookPort } from './workbook-port';
import { WorkflowError } from './workflow-error';
import { saveSettings } from './settings';

export interface AllocateOptions {
  language?: Language;
  /** Write the allocation sheet and chart (default true); false only computes. */
  write?: boolean;
}

export interface AllocateResult {
  allocation: Allocation;
  /** The statutory total, when the number of deputies came from it. */
  statutory?: StatutoryTotal;
  /** Problems of the district table (rows skipped, say), as the table reader reported them. */
  tableProblems: Message[];
  /** The sheet written, when written. */
  sheet?: string;
}

interface TableProblem { message?: Message; severity?: string }

function problemMessage(p: unknown): Message | null {
  const m = (p as TableProblem)?.message;
  return m && typeof m.zh === 'string' ? m : null;
}

async function freeSheetName(port: WorkbookPort, settings: ClerkSettings): Promise<{ name: string; replace: boolean }> {
  const names = new Set((await port.listSheets()).map((s) => s.name));
  if (!names.has(ALLOCATION_SHEET)) return { name: ALLOCATION_SHEET, replace: false };
  if (settings.allocationSheet === ALLOCATION_SHEET) return { name: ALLOCATION_SHEET, replace: true };
  for (let i = 2; ; i += 1) {
    const name = `${ALLOCATION_SHEET}（${i}）`;
    if (!names.has(name)) return { name, replace: false };
    if (settings.allocationSheet === name) return { name, replace: true };
  }
}

export async function allocateSeats(
  port: WorkbookPort,
  settings: ClerkSettings,
  options: AllocateOptions = {},
): Promise<AllocateResult> {
  const seatSettings: SeatSettings = settings.seats ?? {};
  const language = options.language ?? 'zh';
  const source = seatSettings.districtSheet;
  if (!source) {
    throw new WorkflowError({
      zh: '请先选择选区划分表所在的工作表（含“选区”和“人口数”两列）。',
      en: 'Choose the sheet with the district table first (columns 选区 and 人口数).',
    });
  }
  const grid = await port.readSheet(source);
  const table = readDistrictTable(grid);
  const tableProblems = table.problems.map(problemMessage).filter((m): m is Message => m !== null);
  const errors = table.problems.filter((p) => p.severity === 'error');
  if (table.rows.length === 0) {
    throw new WorkflowError({
      zh: `工作表“${source}”中没有读到选区和人口数。${tableProblems[0]?.zh ?? '请确认表头有“选区”和“人口数”两列。'}`,
      en: `No districts with populations found in sheet "${source}". ${tableProblems[0]?.en ?? 'Check that the header has the columns 选区 and 人口数.'}`,
    });
  }
  if (errors.length > 0) {
    const first = problemMessage(errors[0]);
    throw new WorkflowError({
      zh: `选区划分表有 ${errors.length} 处错误，请先改正：${first?.zh ?? ''}`,
      en: `The district table has ${errors.length} error(s); correct them first: ${first?.en ?? ''}`,
    });
  }

  const districts = table.rows.map((r) => ({ name: r.name, population: r.population }));
  let seats: number;
  let statutory: StatutoryTotal | undefined;
  if ((seatSettings.totalFrom ?? 'fixed') === 'statutory') {
    const population = seatSettings.population ?? districts.reduce((n, d) => n + d.population, 0);
    statutory = statutoryTotal({
      level: seatSettings.level ?? 'township',
      population,
      law: seatSettings.law ?? 2020,
      extraPercent: seatSettings.extraPercent ?? 0,
    });
    seats = statutory.total;
  } else {
    seats = seatSettings.seats ?? 0;
    if (!Number.isInteger(seats) || seats <= 0) {
      throw new WorkflowError({
        zh: '请填写应选代表总名额（正整数），或选择按法定名额计算。',
        en: 'Enter the number of deputies to elect (a positive whole number), or choose the statutory total.',
      });
    }
  }
  const method: SeatMethod = seatSettings.method ?? 'largest-remainder';
  const min = seatSettings.min ?? 1;
  const max = seatSettings.max ?? 3;
  const allocation = apportion(districts, seats, { method, min, max }) ;

  const result: AllocateResult = { allocation, statutory, tableProblems };
  if (options.write === false) return result;

  const { name, replace } = await freeSheetName(port, settings);
  if (replace) await port.deleteSheet(name);
  const { plan, chart } = allocationSheetPlan(allocation, { sheet: name, language, min, max, sourceSheet: source });
  await port.applyWritePlan(plan);
  await port.addChart(chart);
  await saveSettings(port, { allocationSheet: name });
  result.sheet = name;
  return result;
}
