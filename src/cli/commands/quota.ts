/**
 * `election-clerk quota`: allocate the deputies to the electoral districts of a district table (.csv or .xlsx)
 * by a chosen method — or all methods side by side — with 1–3 seats per district, explaining each district's
 * last seat and saying which districts to split or merge when the bounds cannot be met.
 */
import * as path from 'node:path';
import { readTableFile } from '../../adapters/xlsx/read-workbook';
import { Allocation, METHODS, Method, apportion } from '../../domain/seats/apportion';
import { MethodComparison, compareMethods } from '../../domain/seats/compare-methods';
import { DistrictTable, readDistrictTable } from '../../domain/seats/district-table';
import { StatutoryTotal, statutoryTotal } from '../../domain/seats/statutory-total';
import { SheetGrid } from '../../domain/workbook/sheet-grid';
import { readInput } from '../read-input';
import { CannotRun, Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, parseLang, parseWholeNumber } from '../cli-kit';
import { parseExtraPercent, parseLaw, parseLevel, textWidth } from './seats';

const HELP = `Usage: election-clerk quota FILE --seats N [--method M|all] [--min 1] [--max 3]
                           [--sheet NAME] [--json] [--lang zh|en]
       election-clerk quota FILE --seats statutory --level county|township [--law 2020|2010]
                           [--extra-percent P] ...

Allocates deputies to electoral districts (代表名额分配). FILE is a .csv (UTF-8) or .xlsx table with a district
column (选区 / 选区名称 / 选区编号 / district) and a population column (人口数 / 人口 / population); the header may
sit below a title row; reading stops at a 合计 row or a blank row.

For every district: seats, exact share (quota), population per deputy and its deviation from the average (%),
and why it got its last seat (the priority value or remainder that won it, or the bound that decided).
When no allocation with min–max seats per district exists, or a district's share is far outside the bounds
(more than 0.5 seat), the output says so and names the districts to split or merge.

Options:
  --seats N            number of deputies to allocate (required); "statutory" computes it from the total
                       population of the table with --level (and --law, --extra-percent) as "seats" does
  --method M           largest-remainder (最大余数法, default), huntington-hill (Q值法), webster (圣拉古法),
                       dhondt (洪德法), adams (亚当斯法), or all (every method side by side, differences marked)
  --min N, --max N     seats per district (default 1 and 3, as the Election Law requires)
  --sheet NAME         the sheet of an .xlsx file holding the table (default: the first sheet with one)
  --json               print JSON: {method, seats, min, max, districts: [{name, population, seats, quota,
                       populationPerDeputy, deviationPercent, bound?, lastSeatReason}], maxDeviationPercent,
                       boundsRespected, warnings, ties, infeasible?}; with --method all: one such object per
                       method under its name, plus "differences" and "differingDistricts"
  --lang zh|en         language of the readable output (default zh)
  -h, --help           show this help

Ties are broken by larger population, then name order, and reported.
Exit status: 0 allocated within the bounds, 1 the districts must be redrawn (bounds cannot be met or a district
is far outside them), 2 could not run (bad file, bad row in the table, bad option).
`;

type Lang = 'zh' | 'en';

function parseMethod(text: string | undefined): Method | 'all' {
  const m = text ?? 'largest-remainder';
  if (m === 'all' || (METHODS as readonly string[]).includes(m)) return m as Method | 'all';
  throw new CannotRun(`--method must be one of ${METHODS.join(', ')} or all, not "${m}"`);
}

function parseBound(option: string, text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : parseWholeNumber(option, text);
}

async function readGrids(file: string): Promise<SheetGrid[]> {
  if (!/\.(csv|xlsx|xlsm)$/i.test(file)) throw new CannotRun(`${file}: give a .csv or .xlsx file with the district table`);
  return readInput(() => readTableFile(file));
}

/** The table of the named sheet, or of the first sheet that has one. */
function pickTable(grids: SheetGrid[], file: string, sheet: string | undefined): DistrictTable {
  if (sheet !== undefined) {
    const grid = grids.find((g) => g.sheet === sheet);
    if (!grid) throw new CannotRun(`${file} has no sheet "${sheet}"; its sheets are ${grids.map((g) => `"${g.sheet}"`).join(', ')}`);
    return readDistrictTable(grid);
  }
  const tables = grids.map(readDistrictTable);
  const found = tables.find((t) => t.headerRow !== undefined);
  if (found) return found;
  if (tables.length === 0) throw new CannotRun(`${file} has no sheets`);
  return tables[0];
}

/** Rounds away float noise for JSON (0.30000000000000004 → 0.3); whole numbers stay as they are. */
function round6(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? x : Math.round(x * 1e6) / 1e6;
}

function allocationJson(a: Allocation) {
  const json: Record<string, unknown> = {
    method: a.method,
    methodName: a.methodName,
    seats: a.seats,
    min: a.min,
    max: Number.isFinite(a.max) ? a.max : null,
    totalPopulation: a.totalPopulation,
    averagePopulationPerDeputy: round6(a.averagePopulationPerDeputy),
    districts: a.districts.map((d) => ({
      name: d.name,
      population: d.population,
      seats: d.seats,
      quota: round6(d.quota),
      populationPerDeputy: round6(d.populationPerDeputy),
      deviationPercent: round6(d.deviationPercent),
      ...(d.bound ? { bound: d.bound } : {}),
      lastSeatReason: d.lastSeatReason,
    })),
    maxDeviationPercent: round6(a.maxDeviationPercent),
    boundsRespected: a.boundsRespected,
    warnings: a.warnings,
    ties: a.ties,
  };
  if (a.infeasible) json.infeasible = a.infeasible;
  return json;
}

function comparisonJson(c: MethodComparison, seats: number) {
  const json: Record<string, unknown> = {};
  for (const m of METHODS) json[m] = allocationJson(c.allocations[m]);
  json.seats = seats;
  json.differences = c.differences.map((d) => ({ name: d.name, population: d.population, seats: d.seatsByMethod, differs: d.differs }));
  json.differingDistricts = c.differingDistricts;
  json.smallestMaxDeviation = c.smallestMaxDeviation;
  json.summary = c.summary;
  return json;
}

/** An aligned text table; numeric-looking cells are right-aligned. */
function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const numeric = (s: string) => s === '-' || /^[-+]?[\d.,%]+\*?$/.test(s);
  const line = (cells: string[], header = false) => cells
    .map((c, i) => {
      const pad = ' '.repeat(widths[i] - textWidth(c));
      return !header && numeric(c) ? pad + c : c + pad;
    })
    .join('  ')
    .trimEnd();
  return [line(headers, true), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r))].join('\n');
}

const fixed = (x: number | null, digits: number) => (x === null ? '-' : x.toFixed(digits));

function printAllocation(a: Allocation, lang: Lang, out: (t: string) => void): void {
  const zh = lang === 'zh';
  out(zh
    ? `方法：${a.methodName.zh}；应选代表${a.seats}名；每个选区${a.min}至${Number.isFinite(a.max) ? a.max : '∞'}名；总人口${a.totalPopulation}，平均每名代表所代表人口数${fixed(a.averagePopulationPerDeputy, 2)}\n\n`
    : `Method: ${a.methodName.en}; ${a.seats} deputies; ${a.min}–${Number.isFinite(a.max) ? a.max : '∞'} per district; population ${a.totalPopulation}, average population per deputy ${fixed(a.averagePopulationPerDeputy, 2)}\n\n`);
  const headers = zh ? ['选区', '人口数', '份额', '名额', '每名代表所代表人口数', '偏差%', '约束'] : ['District', 'Population', 'Quota', 'Seats', 'Pop. per deputy', 'Deviation %', 'Bound'];
  const boundText = (b?: string) => (!b ? '' : zh ? (b === 'max' ? '上限' : '下限') : b);
  const rows = a.districts.map((d) => [d.name, String(d.population), d.quota.toFixed(4), String(d.seats), fixed(d.populationPerDeputy, 2), fixed(d.deviationPercent, 2), boundText(d.bound)]);
  rows.push([zh ? '合计' : 'Total', String(a.totalPopulation), String(a.seats), String(a.districts.reduce((s, d) => s + d.seats, 0)), fixed(a.averagePopulationPerDeputy, 2), '', '']);
  out(`${table(headers, rows)}\n\n`);
  out(zh ? `最大偏差：${a.maxDeviationPercent.toFixed(2)}%\n` : `Largest deviation: ${a.maxDeviationPercent.toFixed(2)}%\n`);
  out(zh ? '\n各选区最后一席的依据：\n' : '\nWhy each district got its last seat:\n');
  for (const d of a.districts) out(`  ${d.name}：${d.lastSeatReason[lang]}\n`.replace('：', zh ? '：' : ': '));
  printProblems(a, lang, out);
}

function printProblems(a: Allocation, lang: Lang, out: (t: string) => void, withInfeasible = true): void {
  const zh = lang === 'zh';
  if (a.warnings.length > 0) {
    out(zh ? '\n提示：\n' : '\nWarnings:\n');
    for (const w of a.warnings) out(`  - ${w[lang]}\n`);
  }
  if (a.infeasible && withInfeasible) {
    out(zh ? `\n[错误] ${a.infeasible.reason.zh}\n` : `\n[error] ${a.infeasible.reason.en}\n`);
    if (a.infeasible.splitCandidates.length > 0) out(zh ? `  建议拆分：${a.infeasible.splitCandidates.join('、')}\n` : `  split: ${a.infeasible.splitCandidates.join(', ')}\n`);
    if (a.infeasible.mergeCandidates.length > 0) out(zh ? `  建议合并：${a.infeasible.mergeCandidates.join('、')}\n` : `  merge: ${a.infeasible.mergeCandidates.join(', ')}\n`);
  }
}

const SHORT_NAME: Record<Method, { zh: string; en: string }> = {
  'largest-remainder': { zh: '最大余数法', en: 'Hamilton' },
  'huntington-hill': { zh: 'Q值法', en: 'Hunt.-Hill' },
  webster: { zh: '韦伯斯特法', en: 'Webster' },
  dhondt: { zh: '洪德法', en: "D'Hondt" },
  adams: { zh: '亚当斯法', en: 'Adams' },
};

function printComparison(c: MethodComparison, lang: Lang, out: (t: string) => void): void {
  const zh = lang === 'zh';
  const first = c.allocations['largest-remainder'];
  out(zh
    ? `各方法对比：应选代表${first.seats}名；每个选区${first.min}至${Number.isFinite(first.max) ? first.max : '∞'}名；总人口${first.totalPopulation}\n\n`
    : `All methods: ${first.seats} deputies; ${first.min}–${Number.isFinite(first.max) ? first.max : '∞'} per district; population ${first.totalPopulation}\n\n`);
  const headers = [zh ? '选区' : 'District', zh ? '人口数' : 'Population', zh ? '份额' : 'Quota', ...METHODS.map((m) => SHORT_NAME[m][lang]), zh ? '差异' : 'Differs'];
  const rows = c.differences.map((d, i) => [d.name, String(d.population), first.districts[i].quota.toFixed(4), ...METHODS.map((m) => String(d.seatsByMethod[m])), d.differs ? '*' : '']);
  rows.push([zh ? '最大偏差%' : 'Max dev. %', '', '', ...METHODS.map((m) => c.allocations[m].maxDeviationPercent.toFixed(2)), '']);
  out(`${table(headers, rows)}\n\n${c.summary[lang]}\n`);
  for (const m of METHODS) {
    const a = c.allocations[m];
    const explained = a.districts.filter((_, i) => c.differences[i].differs);
    if (explained.length === 0 && a.warnings.length === 0) continue;
    out(`\n${a.methodName[lang]}${zh ? '：' : ':'}\n`);
    for (const d of explained) out(`  ${d.name}${zh ? '：' : ': '}${d.lastSeatReason[lang]}\n`);
    printProblems(a, lang, (t) => out(t.replace(/^\n/, '')), false);
  }
  // Infeasibility depends only on the shares and the bounds, not on the method: say it once.
  printProblems({ ...first, warnings: [] }, lang, out);
}

export const quotaCommand: Command = {
  name: 'quota',
  summary: 'allocate deputies to electoral districts (代表名额分配)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('quota', args, {
      seats: { type: 'string' },
      method: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      sheet: { type: 'string' },
      level: { type: 'string' },
      law: { type: 'string' },
      'extra-percent': { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CannotRun('give one .csv or .xlsx file with the district table, e.g. election-clerk quota 选区.csv --seats 50');
    const lang = parseLang(values.lang);
    const method = parseMethod(values.method);
    const min = parseBound('--min', values.min, 1);
    const max = parseBound('--max', values.max, 3);
    if (max < min) throw new CannotRun(`--max (${max}) must not be below --min (${min})`);
    if (values.seats === undefined) throw new CannotRun('--seats is required: the number of deputies to allocate, or "statutory" with --level');
    const statutory = values.seats === 'statutory';
    if (!statutory) parseWholeNumber('--seats', values.seats);

    const file = path.resolve(io.cwd, positionals[0]);
    const grids = await readGrids(file);
    const tableRead = pickTable(grids, positionals[0], values.sheet);
    const errors = tableRead.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new CannotRun(`${positionals[0]}: the district table has ${errors.length} error(s); correct them and run again:\n` +
        errors.map((p) => `  ${p.sheet}!${p.column ?? ''}${p.row}  ${p.message.zh}\n  ${' '.repeat(p.sheet.length + 1 + (p.column ?? '').length + String(p.row).length)}  ${p.message.en}`).join('\n'));
    }
    const tableWarnings = tableRead.problems.filter((p) => p.severity !== 'error');
    const districts = tableRead.rows.map((r) => ({ name: r.name, population: r.population }));
    const totalPopulation = districts.reduce((s, d) => s + d.population, 0);
    if (totalPopulation === 0) throw new CannotRun(`${positionals[0]}: every district has population 0; fill in the populations`);

    let seats: number;
    let statutoryResult: StatutoryTotal | undefined;
    if (statutory) {
      statutoryResult = statutoryTotal({
        level: parseLevel(values.level),
        population: totalPopulation,
        law: parseLaw(values.law),
        extraPercent: parseExtraPercent(values['extra-percent']),
      });
      seats = statutoryResult.total;
    } else {
      if (values.level !== undefined || values.law !== undefined || values['extra-percent'] !== undefined) {
        throw new CannotRun('--level, --law and --extra-percent go with --seats statutory');
      }
      seats = parseWholeNumber('--seats', values.seats);
    }

    let needsRedraw: boolean;
    try {
      if (method === 'all') {
        const comparison = compareMethods(districts, seats, { min, max });
        needsRedraw = METHODS.some((m) => comparison.allocations[m].infeasible !== undefined || !comparison.allocations[m].boundsRespected);
        if (values.json) {
          const json = comparisonJson(comparison, seats);
          if (statutoryResult) json.statutory = statutoryResult;
          if (tableWarnings.length > 0) json.tableWarnings = tableWarnings;
          io.out(`${JSON.stringify(json, null, 2)}\n`);
        } else {
          printHeader(tableRead, statutoryResult, tableWarnings, lang, io.out);
          printComparison(comparison, lang, io.out);
        }
      } else {
        const allocation = apportion(districts, seats, { method, min, max });
        needsRedraw = allocation.infeasible !== undefined || !allocation.boundsRespected;
        if (values.json) {
          const json = allocationJson(allocation);
          if (statutoryResult) json.statutory = statutoryResult;
          if (tableWarnings.length > 0) json.tableWarnings = tableWarnings;
          io.out(`${JSON.stringify(json, null, 2)}\n`);
        } else {
          printHeader(tableRead, statutoryResult, tableWarnings, lang, io.out);
          printAllocation(allocation, lang, io.out);
        }
      }
    } catch (e) {
      if (e instanceof RangeError) throw new CannotRun(e.message);
      throw e;
    }
    return needsRedraw ? EXIT_FINDINGS : EXIT_OK;
  },
};

function printHeader(t: DistrictTable, statutory: StatutoryTotal | undefined, warnings: DistrictTable['problems'], lang: Lang, out: (s: string) => void): void {
  out(lang === 'zh'
    ? `选区表：工作表“${t.sheet}”，表头第${t.headerRow}行，选区在${t.nameColumn}列，人口数在${t.populationColumn}列，共${t.rows.length}个选区。\n`
    : `District table: sheet "${t.sheet}", header in row ${t.headerRow}, districts in column ${t.nameColumn}, population in column ${t.populationColumn}, ${t.rows.length} districts.\n`);
  for (const w of warnings) out(`  [${w.severity}] ${w.message[lang]}\n`);
  if (statutory) out(`${statutory.message[lang]}\n`);
  out('\n');
}
