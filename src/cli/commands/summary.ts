/**
 * `election-clerk summary`: the statistics tables from the rolls (选民登记情况统计表), the district table and a seat
 * allocation (选区划分和代表名额分配表), and a candidate/deputy roster (代表结构统计表) — filled into a copy of the
 * clerk's template workbook, or created as standard sheets — written to OUT.xlsx.
 */
import * as path from 'node:path';
import { readTableFile, readWorkbookGrids } from '../../adapters/xlsx/read-workbook';
import { readTemplateGrids, writeSummaryWorkbook } from '../../adapters/xlsx/summary-files';
import { checkRolls } from '../../domain/check/check-rolls';
import { DistrictRow, ExclusionList, LaidOutSheet } from '../../domain/check/check-types';
import { parseIsoDate } from '../../domain/common/calendar-date';
import { Message } from '../../domain/common/problem';
import { classifySheet, detectRollLayout } from '../../domain/roll/detect-layout';
import { Allocation, METHODS, Method, apportion } from '../../domain/seats/apportion';
import { readDistrictTable } from '../../domain/seats/district-table';
import { countComposition, detectRosterLayout, readRoster } from '../../domain/summary/roster';
import { SummaryPlan, planSummary } from '../../domain/summary/summary-plan';
import { TableValues, allocationValues, compositionValues, registrationValues } from '../../domain/summary/table-values';
import { SheetGrid } from '../../domain/workbook/sheet-grid';
import { exclusionReasonOfSheet } from '../../domain/roll/exclusion-reason';
import { readInput } from '../read-input';
import { CannotRun, Command, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, parseElectionDate, parseLang, parseOptionalWholeNumber } from '../cli-kit';

const HELP = `Usage: election-clerk summary ROLL.xlsx... --election-date YYYY-MM-DD --out OUT.xlsx
                               [--districts FILE] [--template FILE] [--seats N [--method M] [--min N] [--max N]]
                               [--roster FILE] [--unit TEXT] [--report-date YYYY-MM-DD] [--keep-hand-entered]
                               [--json] [--lang zh|en]

Fills the statistics tables an election office reports upward:
  选民登记情况统计表        from the rolls (per district and 合计: 人口数, 登记选民数, 男, 女, 少数民族,
                            新增选民 and reasons, 减少选民 and reasons, 外出选民, 委托投票, 未列入选民名单人数)
  选区划分和代表名额分配表  with --seats: the allocation of N deputies to the districts (人口数, 应选代表名额,
                            每名代表所代表人口数, 偏差(%))
  代表结构统计表            with --roster: counts and percentages (女性, 少数民族, 中共党员, 非中共党员, 工人农民,
                            专业技术人员, 党政领导干部, 连任, 35岁以下/36-55岁/56岁以上)

With --template, each table is looked for in the template workbook by its title (or sheet name) and filled by its
labels: header labels (also two-level headers such as 其中 → 男/女, and synonyms), district names and 合计, with
districts as rows or as columns. Numbers go only into empty cells or cells that already hold a number; formulas
(a 合计 row that sums its column), text, titles, notes and signatures are never changed. Labels that cannot be
matched are listed. A copy is written to OUT; the template itself is not changed. Tables the template lacks are
added as standard sheets. Without --template, OUT is a new workbook of standard sheets (title, 填报单位/日期,
header rows, 合计, 填表人/审核人; landscape, fit to page width, header rows repeated on every page).

Each ROLL.xlsx may hold roll sheets, exclusion lists (被剥夺政治权利 / 不列入选民名单) and a population register;
they are recognised by their titles and headers, as the check command does.

Options:
  --election-date D     选举日, YYYY-MM-DD (required): ages and new 18-year-olds are judged on this day
  --out FILE            the .xlsx to write (required; must not be the template)
  --districts FILE      district table (.xlsx or .csv: 选区 and 人口数) for populations; default: a district
                        sheet found in the ROLL files
  --template FILE       the clerk's template workbook (.xlsx) to fill (a copy is written to OUT)
  --seats N             total deputies to allocate to the districts (adds the allocation table)
  --method M            ${METHODS.join(', ')} (default largest-remainder)
  --min N, --max N      seats per district (default 1 and 3, as the Election Law says)
  --roster FILE         candidate or deputy roster (.xlsx or .csv with 姓名, 性别, 民族, 出生日期, 政治面貌,
                        职业/身份, 是否连任, optionally 选区)
  --unit TEXT           填报单位 printed on standard sheets
  --report-date D       填报日期 printed on standard sheets (YYYY-MM-DD; blank line when absent)
  --keep-hand-entered   keep numbers already in the template when they differ (default: replace, and warn)
  --json                print what was filled as JSON
  --lang zh|en          language of the readable output (default zh)
  -h, --help            show this help

Exit status: 0 filled with nothing to look at, 1 written but something needs the clerk's attention (labels that
could not be matched, hand-entered numbers that differ from the rolls; a table missing from the template is
added as a standard sheet and does not count),
2 could not run (missing or unreadable file, bad option).
`;

type Lang = 'zh' | 'en';

async function grids(file: string, what: string): Promise<SheetGrid[]> {
  return readInput(() => readTableFile(file), `${what}: `);
}

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'fill the statistics tables (统计表) into a template or new sheets',
  help: HELP,
  async run(args, io) {
    const { values: v, positionals } = parseCommandArgs('summary', args, {
      'election-date': { type: 'string' },
      out: { type: 'string' },
      districts: { type: 'string' },
      template: { type: 'string' },
      seats: { type: 'string' },
      method: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      roster: { type: 'string' },
      unit: { type: 'string' },
      'report-date': { type: 'string' },
      'keep-hand-entered': { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang: Lang = parseLang(v.lang);
    if (positionals.length === 0) throw new CannotRun('give at least one roll workbook, e.g. election-clerk summary 选民名单.xlsx --election-date 2026-11-20 --out 统计表.xlsx');
    const electionDate = parseElectionDate(v['election-date']);
    if (!v.out) throw new CannotRun('--out OUT.xlsx is required: the workbook to write');
    if (!/\.xlsx$/i.test(v.out)) throw new CannotRun(`--out must name an .xlsx file, not "${v.out}"`);
    if (v['report-date'] !== undefined && !parseIsoDate(v['report-date'])) throw new CannotRun(`--report-date must be YYYY-MM-DD, not "${v['report-date']}"`);
    const method = (v.method ?? 'largest-remainder') as Method;
    if (!(METHODS as readonly string[]).includes(method)) throw new CannotRun(`--method must be one of ${METHODS.join(', ')}, not "${v.method}"`);
    const seats = parseOptionalWholeNumber('--seats', v.seats);
    const min = parseOptionalWholeNumber('--min', v.min) ?? 1;
    const max = parseOptionalWholeNumber('--max', v.max) ?? 3;
    if (seats !== undefined && seats < 1) throw new CannotRun('--seats must be at least 1');
    if (v.method !== undefined && seats === undefined) throw new CannotRun('--method applies to the allocation: give --seats N as well');
    const resolve = (f: string) => path.resolve(io.cwd, f);
    const out = resolve(v.out);
    const template = v.template ? resolve(v.template) : null;
    if (template && !/\.xlsx$/i.test(template)) throw new CannotRun(`--template must be an .xlsx workbook, not "${v.template}"`);
    if (template && path.resolve(template) === out) throw new CannotRun(`--out must differ from --template (${v.template}): the template itself is never changed`);

    // Rolls, exclusion lists, register and district sheets.
    const rolls: LaidOutSheet[] = [];
    const register: LaidOutSheet[] = [];
    const exclusions: ExclusionList[] = [];
    let districtRows: DistrictRow[] | undefined;
    const notes: Message[] = [];
    const districtSheets: SheetGrid[] = [];
    for (const file of positionals) {
      const abs = resolve(file);
      const sheets = await readInput(() => readWorkbookGrids(abs, { name: path.basename(file) }));
      for (const grid of sheets) {
        const kind = classifySheet(grid);
        if (kind === 'districts') {
          districtSheets.push(grid);
          continue;
        }
        if (kind === 'other') continue;
        const layout = detectRollLayout(grid);
        if (!layout) continue;
        if (kind === 'roll') rolls.push({ grid, layout });
        else if (kind === 'register') register.push({ grid, layout });
        else exclusions.push({ reason: exclusionReasonOfSheet(grid), sheets: [{ grid, layout }] });
      }
    }
    if (rolls.length === 0) throw new CannotRun(`no roll sheet found in ${positionals.join(', ')}: a roll needs a header row with 姓名 or 身份证号 and other columns`);

    const districtGrids = v.districts ? await grids(resolve(v.districts), '--districts') : districtSheets;
    if (districtGrids.length > 0) {
      const tables = districtGrids.map(readDistrictTable);
      const table = tables.find((t) => t.headerRow !== undefined && t.rows.length > 0);
      if (table) {
        districtRows = table.rows.map((r) => ({ name: r.name, population: r.population }));
        if (table.problems.length > 0) {
          notes.push({ zh: `选区表“${table.sheet}”有${table.problems.length}行无法使用（请用 quota 命令查看）。`, en: `District table "${table.sheet}": ${table.problems.length} rows could not be used (see the quota command).` });
        }
      } else if (v.districts) {
        throw new CannotRun(`--districts ${v.districts}: no district table found (a header row with 选区 and 人口数)`);
      }
    }

    const check = checkRolls(
      { rolls, register: register.length ? register : undefined, exclusions: exclusions.length ? exclusions : undefined, districts: districtRows },
      { electionDate, fuzzy: false },
    );
    const tables: TableValues[] = [registrationValues(check.statistics)];

    let allocation: Allocation | null = null;
    if (seats !== undefined) {
      const source = (districtRows ?? check.statistics.districts.map((d) => ({ name: d.district, population: d.population })))
        .filter((d): d is { name: string; population: number } => d.population !== null);
      if (source.length === 0) throw new CannotRun('--seats needs district populations: give --districts FILE (选区 and 人口数)');
      allocation = apportion(source, seats, { method, min, max });
      tables.push(allocationValues(allocation));
      notes.push(...allocation.warnings);
    }

    if (v.roster) {
      const rosterGrids = await grids(resolve(v.roster), '--roster');
      const found = rosterGrids.map((g) => ({ g, layout: detectRosterLayout(g) })).find((x) => x.layout);
      if (!found) throw new CannotRun(`--roster ${v.roster}: no roster found (a header row with 姓名 and at least two of 性别, 民族, 出生日期, 政治面貌, 职业/身份, 是否连任)`);
      const roster = readRoster(found.g, found.layout!);
      notes.push(...roster.problems);
      tables.push(compositionValues(countComposition(roster.people, electionDate)));
    }

    const templateGrids = template ? await readTemplateGridsOrFail(template, v.template!) : null;
    const planned = planSummary(tables, templateGrids, {
      keepHandEntered: v['keep-hand-entered'] === true,
      unit: v.unit,
      date: v['report-date'],
    });
    try {
      await writeSummaryWorkbook(out, template, planned.plan, planned.specs);
    } catch (e) {
      throw new CannotRun(`cannot write ${v.out}: ${(e as Error).message}`);
    }

    const attention = planned.fills.some((f) => f.unmatched.length > 0 || f.mismatches.length > 0);
    const allNotes = [...notes, ...planned.notes];
    if (v.json) {
      io.out(`${JSON.stringify(jsonReport(v.out, v.template ?? null, check.summary, planned, tables, allNotes), null, 2)}\n`);
    } else {
      io.out(textReport(lang, v.out, v.template ?? null, check.summary.rows, planned, tables, allNotes));
    }
    return attention ? EXIT_FINDINGS : EXIT_OK;
  },
};

async function readTemplateGridsOrFail(file: string, shown: string): Promise<SheetGrid[]> {
  return readInput(() => readTemplateGrids(file), `--template ${shown}: `);
}

function jsonReport(out: string, template: string | null, summary: unknown, planned: SummaryPlan, tables: TableValues[], notes: Message[]) {
  return {
    out,
    template,
    check: summary,
    filled: planned.fills.map((f) => ({
      table: f.table,
      sheet: f.sheet,
      cells: f.filled.map(({ address, key, entry, header, value }) => ({ address, key, entry, header, value })),
      unchanged: f.unchanged,
      keptFormulas: f.keptFormulas,
      skipped: f.skipped,
      mismatches: f.mismatches,
      unmatched: f.unmatched,
    })),
    created: planned.specs.map((s) => ({ sheet: s.name, table: s.table })),
    notFound: planned.notFound,
    values: tables.map((t) => ({ table: t.table, rows: t.rows.map((r) => ({ label: r.label, isTotal: r.isTotal, values: r.values })) })),
    notes,
  };
}

function textReport(lang: Lang, out: string, template: string | null, rows: number, planned: SummaryPlan, tables: TableValues[], notes: Message[]): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  lines.push(zh ? `读取选民 ${rows} 行。` : `Read ${rows} roll rows.`);
  if (template) lines.push(zh ? `模板：${template}（未改动）→ 输出：${out}` : `Template: ${template} (unchanged) → output: ${out}`);
  else lines.push(zh ? `新建：${out}` : `Created: ${out}`);
  for (const f of planned.fills) {
    const title = tables.find((t) => t.table === f.table)!.definition;
    lines.push(zh
      ? `${title.title}（工作表“${f.sheet}”）：填写 ${f.filled.length} 个单元格，${f.unchanged} 个已是正确数字，保留公式 ${f.keptFormulas.length} 个。`
      : `${title.name.en} (sheet "${f.sheet}"): ${f.filled.length} cells filled, ${f.unchanged} already right, ${f.keptFormulas.length} formulas kept.`);
    for (const u of f.unmatched) lines.push(`  [${zh ? '未匹配' : 'unmatched'}] ${u.message[lang]}`);
    for (const m of f.mismatches) lines.push(`  [${zh ? '不一致' : 'differs'}] ${m.message[lang]}`);
    for (const s of f.skipped) lines.push(`  [${zh ? '未填写' : 'skipped'}] ${s.reason[lang]}`);
  }
  for (const s of planned.specs) lines.push(zh ? `新建工作表“${s.name}”（标准格式）。` : `Created the standard sheet "${s.name}".`);
  for (const n of notes) lines.push(`  ${n[lang]}`);
  return `${lines.join('\n')}\n`;
}
