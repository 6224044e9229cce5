/**
 * The roll validation engine: reads every laid-out roll sheet, runs the row rules, then the rules across rows
 * (duplicate IDs, likely duplicates), against the exclusion lists (INELIGIBLE_LISTED), the population register and
 * the previous roll (NOT_REGISTERED), and computes the statistics. Pure and synchronous; `onProgress` is called
 * now and then. Findings are sorted by workbook, sheet (in input order), row and column.
 */
import { formatDate } from '../common/calendar-date';
import { Finding } from '../common/finding';
import { Severity } from '../common/problem';
import { districtKey } from '../roll/normalise';
import { readRollInto, RollRecord } from '../roll/read-roll';
import { RollLayout } from '../roll/roll-layout';
import { computeStatistics } from '../statistics/compute-statistics';
import { RollStatistics } from '../statistics/roll-statistics';
import { SheetGrid } from '../workbook/sheet-grid';
import { CheckInput, CheckOptions, CheckResult, CheckSummary, ExclusionReason, LaidOutSheet } from './check-types';
import { duplicateIdFindings, IdIndex } from './duplicate-ids';
import { ExclusionEntries, ineligibleFinding } from './ineligible';
import { previousRollFindings, registerFindings } from './not-registered';
import { indexPeople, PersonIndex } from './person-index';
import { addToPool, DEFAULT_THRESHOLD, emptyPool, possibleDuplicateFindings } from './possible-duplicates';
import { analyseRow, AnalysisSink, RowFacts } from './row-facts';
import { checkRow, RowRuleContext } from './row-rules';

export { DEFAULT_THRESHOLD };

const PROGRESS_EVERY = 50000;

function sheetFinding(grid: SheetGrid, layout: RollLayout, code: string, severity: Severity, zh: string, en: string): Finding {
  return {
    file: grid.workbook, sheet: grid.sheet, row: layout.headerRow, code, severity,
    message: { zh: `「${grid.sheet}」：${zh}`, en: `Sheet "${grid.sheet}": ${en}` },
    related: [],
  };
}

/** Records and facts of several sheets, one pool. */
export interface People {
  records: RollRecord[];
  facts: RowFacts[];
}

/** Reads sheets into one pool of records with their facts (no findings). */
export function readPeople(sheets: readonly LaidOutSheet[] | undefined, options: Pick<CheckOptions, 'electionDate'>): People {
  const records: RollRecord[] = [];
  const facts: RowFacts[] = [];
  for (const s of sheets ?? []) {
    readRollInto(s.grid, s.layout, records);
    for (let i = facts.length; i < records.length; i++) facts.push(analyseRow(records[i], options.electionDate));
  }
  return { records, facts };
}

/** The reason a row of an exclusion list gives in its 备注/原因, else the list's reason. */
export function exclusionReasonOf(r: RollRecord, listReason: ExclusionReason): ExclusionReason {
  const t = r.remarksText;
  if (t === '') return listReason;
  if (/死亡|去世|病故|亡故|已故/.test(t)) return 'deceased';
  if (/剥夺政治权利|剥权/.test(t)) return 'deprived';
  if (/不列入|精神|无法行使|不能行使/.test(t)) return 'notIncluded';
  return listReason;
}

/**
 * Sorts findings by workbook and sheet (in the given orders; unknown ones last), row, column (A < B < … < Z < AA)
 * and code; stable. The workbook and sheet ranks are looked up once per finding, not once per comparison.
 */
export function sortFindings(findings: Finding[], fileOrder: ReadonlyMap<string, number>, sheetOrder: ReadonlyMap<string, number>): void {
  const n = findings.length;
  const fileRank = new Float64Array(n);
  const sheetRank = new Float64Array(n);
  const order = new Array<number>(n);
  let lastFile: string | null = null;
  let lastSheet: string | null = null;
  let lastFileRank = 0;
  let lastSheetRank = 0;
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    if (f.file !== lastFile || f.sheet !== lastSheet) {
      lastFile = f.file;
      lastSheet = f.sheet;
      lastFileRank = fileOrder.get(f.file) ?? 1e9;
      lastSheetRank = sheetOrder.get(`${f.file}\u0000${f.sheet}`) ?? 1e9;
    }
    fileRank[i] = lastFileRank;
    sheetRank[i] = lastSheetRank;
    order[i] = i;
  }
  order.sort((x, y) => {
    const a = findings[x];
    const b = findings[y];
    return fileRank[x] - fileRank[y] || sheetRank[x] - sheetRank[y] ||
      a.row - b.row ||
      (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? '') ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      x - y;
  });
  const sorted = order.map((i) => findings[i]);
  for (let i = 0; i < n; i++) findings[i] = sorted[i];
}

export function summarise(findings: readonly Finding[], rows: number): CheckSummary {
  const summary: CheckSummary = { rows, errors: 0, warnings: 0, infos: 0, byCode: {} };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
    summary.byCode[f.code] = (summary.byCode[f.code] ?? 0) + 1;
  }
  return summary;
}

export function checkRolls(input: CheckInput, options: CheckOptions): CheckResult {
  const electionDate = options.electionDate;
  const minimumAge = options.minimumAge ?? 18;
  const findings: Finding[] = [];
  const districtKeys = input.districts ? new Set(input.districts.map((d) => districtKey(d.name))) : null;
  const ctx: RowRuleContext = { electionDate, minimumAge, districtKeys, electionKey: electionDate.year * 10000 + electionDate.month * 100 + electionDate.day };

  const total = input.rolls.reduce((n, s) => n + Math.max(0, s.layout.lastDataRow - s.layout.firstDataRow + 1), 0);
  const progress = options.onProgress;
  let done = 0;
  let nextReport = PROGRESS_EVERY;

  // Exclusion lists first: each roll row is looked up in them as it is read (INELIGIBLE_LISTED).
  const excluded: ExclusionEntries = { reasons: [], records: [], facts: [], index: indexPeople([], []) };
  for (const list of input.exclusions ?? []) {
    const people = readPeople(list.sheets, options);
    for (let i = 0; i < people.records.length; i++) {
      excluded.records.push(people.records[i]);
      excluded.facts.push(people.facts[i]);
      excluded.reasons.push(exclusionReasonOf(people.records[i], list.reason));
    }
  }
  excluded.index = indexPeople(excluded.records, excluded.facts);

  const records: RollRecord[] = [];
  const facts: RowFacts[] = [];
  const sink: AnalysisSink = { analysis: null };
  const pool = emptyPool(total);
  const ids = new IdIndex(total);
  const sheetOrder = new Map<string, number>();
  for (const { grid, layout } of input.rolls) {
    sheetOrder.set(`${grid.workbook}\u0000${grid.sheet}`, sheetOrder.size);
    const c = layout.columns;
    if (c.name === undefined) {
      findings.push(sheetFinding(grid, layout, 'REQUIRED_MISSING', 'error', `第${layout.headerRow}行表头中没有“姓名”列。请在表头写明“姓名”，或在列映射中指定姓名列。`, `The header (row ${layout.headerRow}) has no 姓名 (name) column. Add it or map the name column.`));
    }
    if (c.id === undefined) {
      findings.push(sheetFinding(grid, layout, 'REQUIRED_MISSING', 'error', `第${layout.headerRow}行表头中没有“身份证号”列。请在表头写明“公民身份号码”，或在列映射中指定身份证号列。`, `The header (row ${layout.headerRow}) has no ID number column. Add it or map the ID column.`));
    }
    if (c.district === undefined && !layout.district) {
      findings.push(sheetFinding(grid, layout, 'REQUIRED_MISSING', 'error', '表中没有“选区”列，工作表名和标题也没有写明选区。请加“选区”列，或为本表指定选区。', 'There is no 选区 (district) column and neither the sheet name nor the title names one. Add the column or set the district for this sheet.'));
    }
    if (districtKeys && c.district === undefined && layout.district && !districtKeys.has(districtKey(layout.district))) {
      findings.push(sheetFinding(grid, layout, 'DISTRICT_UNKNOWN', 'error', `本表的选区“${layout.district}”不在选区划分表中。请改正工作表名或标题中的选区名称，或补充选区划分表。`, `This sheet's district "${layout.district}" is not in the district table. Correct the name or add the district.`));
    }
    readRollInto(grid, layout, records);
    for (let i = facts.length; i < records.length; i++) {
      const r = records[i];
      const f = analyseRow(r, electionDate, sink);
      addToPool(pool, i, r, f); // i < total: blank and totals rows are skipped
      if (f.id18 !== null) ids.add(f.id18, i);
      facts.push(f);
      checkRow(r, f, sink.analysis, ctx, findings);
      ineligibleFinding(r, f, excluded, findings);
      done++;
      if (progress && done >= nextReport) {
        progress(done, total);
        nextReport = done + PROGRESS_EVERY;
      }
    }
  }

  const groups = ids.groups(facts);
  const index = ids.first;
  duplicateIdFindings(records, facts, groups, findings);
  if (options.fuzzy !== false) {
    possibleDuplicateFindings(records, facts, index, findings, { threshold: options.possibleDuplicateThreshold ?? DEFAULT_THRESHOLD }, pool);
  }

  // Missing registrations.
  const rollIndex = input.register || input.previous ? new PersonIndex(records, facts, index) : null;
  const register = input.register ? readPeople(input.register, options) : null;
  if (register && rollIndex) registerFindings(register, rollIndex, excluded.index, electionDate, minimumAge, findings);
  if (input.previous && rollIndex) {
    const previous = readPeople(input.previous, options);
    previousRollFindings(previous, rollIndex, excluded.index, findings);
  }
  if (progress && nextReport !== done + PROGRESS_EVERY) progress(done, total);

  const notIncluded: People = { records: [], facts: [] };
  for (let i = 0; i < excluded.records.length; i++) {
    if (excluded.reasons[i] === 'deceased') continue;
    notIncluded.records.push(excluded.records[i]);
    notIncluded.facts.push(excluded.facts[i]);
  }
  const statistics = computeStatistics({
    electionDate, roll: { records, facts }, districts: input.districts, register: register ?? undefined, notIncluded,
  });

  const fileOrder = new Map<string, number>();
  for (const s of [...input.rolls, ...(input.register ?? []), ...(input.previous ?? [])]) {
    if (!fileOrder.has(s.grid.workbook)) fileOrder.set(s.grid.workbook, fileOrder.size);
    const k = `${s.grid.workbook}\u0000${s.grid.sheet}`;
    if (!sheetOrder.has(k)) sheetOrder.set(k, sheetOrder.size);
  }
  sortFindings(findings, fileOrder, sheetOrder);

  return { findings, summary: summarise(findings, records.length), statistics };
}

/**
 * Only the statistics of rolls (no findings): for the summary tables when the checks are not wanted. Exclusion
 * lists of reason deprived/notIncluded are counted as 未列入选民名单人数.
 */
export function computeRollStatistics(input: CheckInput, options: Pick<CheckOptions, 'electionDate'>): RollStatistics {
  const roll = readPeople(input.rolls, options);
  const register = input.register ? readPeople(input.register, options) : undefined;
  const notIncluded: People = { records: [], facts: [] };
  for (const list of input.exclusions ?? []) {
    const people = readPeople(list.sheets, options);
    for (let i = 0; i < people.records.length; i++) {
      if (exclusionReasonOf(people.records[i], list.reason) === 'deceased') continue;
      notIncluded.records.push(people.records[i]);
      notIncluded.facts.push(people.facts[i]);
    }
  }
  return computeStatistics({ electionDate: options.electionDate, roll, districts: input.districts, register, notIncluded });
}

/** The election day as text, for reports. */
export function electionDateText(options: CheckOptions): string {
  return formatDate(options.electionDate);
}
