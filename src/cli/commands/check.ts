/**
 * `election-clerk check`: validates voter roll workbooks (不重登、不错登、不漏登) with the same engine as the
 * add-in, prints a readable report or JSON, and optionally writes an .xlsx report.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CannotReadWorkbook, readTableFile, readWorkbookGrids } from '../../adapters/xlsx/read-workbook';
import { writeReport } from '../../adapters/xlsx/write-report';
import { Finding } from '../../domain/common/finding';
import { checkRolls, DEFAULT_THRESHOLD } from '../../domain/check/check-rolls';
import { CheckInput, CheckResult, DistrictRow, ExclusionList, LaidOutSheet } from '../../domain/check/check-types';
import { selectSheets, SkippedSheet } from '../../domain/roll/lay-out-sheets';
import { readDistrictTable } from '../../domain/seats/district-table';
import { SheetGrid } from '../../domain/workbook/sheet-grid';
import { exclusionReasonOfSheet } from '../../domain/roll/exclusion-reason';
import { readInput } from '../read-input';
import { CannotRun, Command, CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, parseElectionDate, parseLang } from '../cli-kit';

const HELP = `Usage: election-clerk check FILE|DIR... --election-date YYYY-MM-DD [--register FILE] [--previous FILE]
                           [--exclude FILE]... [--districts FILE] [--json] [--report OUT.xlsx] [--lang zh|en]
                           [--threshold 0.7] [--no-fuzzy]

Checks voter rolls (选民名单) for wrong, duplicate and missing registrations: 不重登、不错登、不漏登.
FILE is an .xlsx workbook; DIR means every .xlsx in that directory (not its subdirectories). Roll sheets and
their header rows are found on their own (title and blank rows above the header, 合计 rows below); a sheet is
one district's roll (the district is taken from the sheet name or its title) or has a 选区 column.

Findings (code, severity):
  ID_FORMAT, ID_CHECKSUM, ID_BIRTHDATE (error)      the ID number is malformed, its check character is wrong, or
                                                    its birth date is impossible
  ID_LEGACY_15, ID_LOWERCASE_X, ID_FULLWIDTH,       warnings: 15-digit ID, lower-case x, full-width digits, region
  REGION_UNKNOWN (warning)                          code not current
  ID_PRECISION_LOST (error)                         the ID cell is a number: Excel kept 15 digits, the rest is lost
  SEX_MISMATCH, BIRTHDATE_MISMATCH (error)          性别 / 出生日期 disagree with the ID
  UNDERAGE (error)                                  under 18 on election day (18 exactly on election day is fine;
                                                    born 29 Feb: 18 on 1 Mar in a non-leap year)
  REQUIRED_MISSING (error)                          姓名, 身份证号 or 选区 empty (or no such column)
  ETHNICITY_UNKNOWN (warning)                       民族 not one of the 56 groups ("汉" is read as 汉族)
  DISTRICT_UNKNOWN (error)                          选区 not in the --districts table
  DUPLICATE_ID (error)                              the same ID registered twice: in a sheet, across districts or
                                                    across workbooks; each occurrence lists the others
  POSSIBLE_DUPLICATE (warning)                      likely the same person: similar name (same, homophone, one
                                                    character apart) with the same birth date and IDs one digit or
                                                    two swapped digits apart, or no ID and the same name, birth date
                                                    and address; with a score 0-1 and the reasons
  NOT_REGISTERED (error)                            (--register) an adult resident on no roll and no exclusion list;
                                                    (--previous) on the last roll, missing now, no removal reason
  INELIGIBLE_LISTED (error)                         on an --exclude list but on the roll

Options:
  --election-date YYYY-MM-DD  election day (选举日); required: ages are judged on this day
  --register FILE       population register (户籍/人口), .xlsx: finds adults missing from every roll (漏登)
  --previous FILE       the previous election's roll, .xlsx: finds voters dropped without a reason in 备注
  --exclude FILE        an exclusion list, .xlsx (被剥夺政治权利 / 不列入选民名单 / 死亡); may be repeated. The
                        reason is taken from the sheet name or title, or per row from its 原因/备注 column
  --districts FILE      district table (选区, 人口数), .xlsx or .csv: 选区 names are checked against it and its
                        populations go into the statistics
  --json                print {"summary": {...}, "findings": [{"code", "severity", "file", "sheet", "row",
                        "column", "message": {"zh", "en"}, "related": [{"file", "sheet", "row"}]}]}; rows are
                        Excel's 1-based row numbers; column is a letter or null; POSSIBLE_DUPLICATE findings
                        also have "score" and "reasons". summary has rows, errors, warnings, infos, byCode,
                        electionDate, sheets (what was read), skipped, unreadable and statistics.
  --report OUT.xlsx     also write a report workbook: 校验结果 (findings), 统计 (statistics), 概要 (summary)
  --lang zh|en          language of the readable output and the report (default zh)
  --threshold N         POSSIBLE_DUPLICATE score from which a pair is reported (default ${DEFAULT_THRESHOLD})
  --no-fuzzy            skip the POSSIBLE_DUPLICATE search
  -h, --help            show this help

Progress is shown on stderr when stderr is a terminal or the rolls have more than 50,000 rows.

Exit status: 0 no error findings (warnings allowed), 1 at least one error finding, 2 could not run: no
--election-date, a bad option, a --register/--previous/--exclude/--districts file that cannot be read, no roll
sheet found, or a roll file that cannot be read (missing, not .xlsx, password-protected, damaged). An unreadable
roll file does not stop the others: they are still checked and reported, the unreadable file is named in the
output, and the exit status is 2 because the check is incomplete.
`;

interface RollFile {
  display: string;
  absolute: string;
}

async function expandInputs(args: string[], io: CliIo): Promise<RollFile[]> {
  const out: RollFile[] = [];
  for (const arg of args) {
    const absolute = path.resolve(io.cwd, arg);
    let isDir = false;
    try {
      isDir = (await fsp.stat(absolute)).isDirectory();
    } catch {
      isDir = false; // reported as unreadable when read
    }
    if (!isDir) {
      out.push({ display: arg, absolute });
      continue;
    }
    const names = (await fsp.readdir(absolute)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort();
    if (names.length === 0) throw new CannotRun(`directory ${arg} has no .xlsx files. Give .xlsx roll files or a directory holding them.`);
    for (const n of names) out.push({ display: path.join(arg, n), absolute: path.join(absolute, n) });
  }
  return out;
}

async function readAux(file: string, io: CliIo, what: string, table = false): Promise<SheetGrid[]> {
  const absolute = path.resolve(io.cwd, file);
  return readInput(() => (table ? readTableFile(absolute, { name: file }) : readWorkbookGrids(absolute, { name: file })), `${what} `);
}

function findingJson(f: Finding) {
  const out: Record<string, unknown> = {
    code: f.code, severity: f.severity, file: f.file, sheet: f.sheet, row: f.row, column: f.column ?? null,
    message: f.message, related: f.related.map((r) => ({ file: r.file, sheet: r.sheet, row: r.row })),
  };
  if (f.score !== undefined) out.score = f.score;
  if (f.reasons) out.reasons = f.reasons;
  return out;
}

/** Pads to a display width where CJK characters count 2 (terminal columns). */
function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w >= width ? `${text} ` : text + ' '.repeat(width - w);
}

const SEVERITY = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } } as const;

function readable(result: CheckResult, lang: 'zh' | 'en', sheets: LaidOutSheet[], skipped: SkippedSheet[], unreadable: { file: string; message: string }[]): string {
  const lines: string[] = [];
  const zh = lang === 'zh';
  let place = '';
  for (const f of result.findings) {
    const here = `${f.file}  ${f.sheet}`;
    if (here !== place) {
      lines.push('', `== ${here}`);
      place = here;
    }
    lines.push(`  [${SEVERITY[lang][f.severity]}] ${f.code}  ${f.message[lang]}`);
  }
  const s = result.summary;
  lines.push('');
  lines.push(zh ? `选举日 ${result.statistics.electionDate}；读取 ${sheets.length} 张名单，共 ${s.rows} 行选民。` : `Election day ${result.statistics.electionDate}; read ${sheets.length} roll sheet(s), ${s.rows} voter rows.`);
  lines.push(zh ? `错误 ${s.errors} 条，警告 ${s.warnings} 条，提示 ${s.infos} 条。` : `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info.`);
  const codes = Object.entries(s.byCode).sort((a, b) => b[1] - a[1]);
  if (codes.length > 0) lines.push(`  ${codes.map(([c, n]) => `${c} ${n}`).join('，')}`);
  lines.push('');
  const heads = zh ? ['选区', '人口数', '登记选民', '男', '女', '少数民族', '新增', '减少', '外出', '委托'] : ['District', 'Population', 'Voters', 'Male', 'Female', 'Minority', 'Added', 'Removed', 'Away', 'Proxy'];
  const widths = [16, 10, 10, 8, 8, 10, 8, 8, 8, 8];
  lines.push(heads.map((h, i) => pad(h, widths[i])).join('').trimEnd());
  for (const d of [...result.statistics.districts, result.statistics.total]) {
    const cells = [d.district, d.population === null ? '-' : String(d.population), d.registered, d.male, d.female, d.minority, d.added.total, d.removed.total, d.away, d.proxy];
    lines.push(cells.map((c, i) => pad(String(c), widths[i])).join('').trimEnd());
  }
  for (const k of skipped) lines.push(zh ? `未读取：${k.file} ${k.sheet}：${k.reason.zh}` : `Not read: ${k.file} ${k.sheet}: ${k.reason.en}`);
  for (const u of unreadable) lines.push(zh ? `无法读取：${u.message}` : `Could not read: ${u.message}`);
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check voter rolls: duplicates, errors, missing registrations (选民名单校验)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, {
      'election-date': { type: 'string' },
      register: { type: 'string' },
      previous: { type: 'string' },
      exclude: { type: 'string', multiple: true },
      districts: { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      lang: { type: 'string' },
      threshold: { type: 'string' },
      'no-fuzzy': { type: 'boolean' },
    });
    const lang = parseLang(values.lang);
    const electionDate = parseElectionDate(values['election-date']);
    let threshold: number | undefined;
    if (values.threshold !== undefined) {
      threshold = Number(values.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new CannotRun(`--threshold must be a number from 0 to 1, not "${values.threshold}"`);
    }
    if (values.report && !/\.xlsx$/i.test(values.report)) throw new CannotRun(`--report must name an .xlsx file, not "${values.report}"`);
    if (positionals.length === 0) throw new CannotRun('give at least one roll workbook (.xlsx) or a directory of them, e.g. election-clerk check 选民名单.xlsx --election-date 2026-12-15');

    const isTty = Boolean((process.stderr as { isTTY?: boolean }).isTTY);
    const files = await expandInputs(positionals, io);
    const rolls: LaidOutSheet[] = [];
    const skipped: SkippedSheet[] = [];
    const unreadable: { file: string; message: string }[] = [];
    for (const f of files) {
      if (isTty) io.err(`读取 ${f.display} …\n`);
      try {
        const grids = await readWorkbookGrids(f.absolute, { name: f.display });
        const sel = selectSheets(grids, 'roll');
        rolls.push(...sel.sheets);
        skipped.push(...sel.skipped);
        if (sel.sheets.length === 0) unreadable.push({ file: f.display, message: `${f.display} 中没有找到选民名单（含“姓名”“身份证号”表头的工作表）。 (No roll sheet with 姓名/ID headers found in ${f.display}.)` });
      } catch (e) {
        if (!(e instanceof CannotReadWorkbook)) throw e;
        unreadable.push({ file: f.display, message: e.message });
        io.err(`${e.message}\n`);
      }
    }
    if (rolls.length === 0) {
      throw new CannotRun(unreadable.length > 0 ? `nothing could be checked:\n${unreadable.map((u) => `  ${u.message}`).join('\n')}` : 'no roll sheet found in the files given.');
    }

    const input: CheckInput = { rolls };
    const extraFindings: Finding[] = [];
    if (values.register) input.register = selectSheets(await readAux(values.register, io, '--register'), 'register').sheets;
    if (values.previous) input.previous = selectSheets(await readAux(values.previous, io, '--previous'), 'previous').sheets;
    if (values.exclude) {
      const lists: ExclusionList[] = [];
      for (const file of values.exclude) {
        for (const s of selectSheets(await readAux(file, io, '--exclude'), 'exclusion').sheets) lists.push({ reason: exclusionReasonOfSheet(s.grid), sheets: [s] });
      }
      input.exclusions = lists;
    }
    if (values.districts) {
      const grids = await readAux(values.districts, io, '--districts', true);
      let rows: DistrictRow[] | null = null;
      for (const g of grids) {
        const table = readDistrictTable(g);
        if (table.rows.length === 0) continue;
        rows = table.rows.map((r) => ({ name: r.name, population: r.population }));
        extraFindings.push(...table.problems);
        break;
      }
      if (!rows) throw new CannotRun(`--districts ${values.districts}: no district table (columns 选区 and 人口数) found. Give a sheet or CSV with those headers.`);
      input.districts = rows;
    }

    const totalRows = rolls.reduce((n, s) => n + Math.max(0, s.layout.lastDataRow - s.layout.firstDataRow + 1), 0);
    const showProgress = isTty || totalRows > 50000;
    const result = checkRolls(input, {
      electionDate,
      fuzzy: !values['no-fuzzy'],
      possibleDuplicateThreshold: threshold,
      onProgress: showProgress ? (done, total) => io.err(`已检查 ${done}/${total} 行 (checked ${done} of ${total} rows)\n`) : undefined,
    });
    if (extraFindings.length > 0) {
      result.findings.push(...extraFindings);
      for (const f of extraFindings) {
        if (f.severity === 'error') result.summary.errors++;
        else if (f.severity === 'warning') result.summary.warnings++;
        else result.summary.infos++;
        result.summary.byCode[f.code] = (result.summary.byCode[f.code] ?? 0) + 1;
      }
    }

    if (values.report) {
      const sheetsRead = rolls.map((s) => ({ file: s.grid.workbook, sheet: s.grid.sheet, rows: Math.max(0, s.layout.lastDataRow - s.layout.firstDataRow + 1), district: s.layout.district }));
      try {
        await writeReport(path.resolve(io.cwd, values.report), result, { lang, unreadable, sheetsRead });
      } catch (e) {
        throw new CannotRun(`cannot write the report ${values.report}: ${(e as Error).message}. Check the folder exists and the file is not open in Excel.`);
      }
    }

    if (values.json) {
      const summary = {
        ...result.summary,
        electionDate: result.statistics.electionDate,
        sheets: rolls.map((s) => ({
          file: s.grid.workbook, sheet: s.grid.sheet, district: s.layout.district ?? null, headerRow: s.layout.headerRow,
          firstDataRow: s.layout.firstDataRow, lastDataRow: s.layout.lastDataRow, confidence: s.layout.confidence,
        })),
        skipped: skipped.map((k) => ({ file: k.file, sheet: k.sheet, reason: k.reason })),
        unreadable,
        statistics: result.statistics,
      };
      io.out(`${JSON.stringify({ summary, findings: result.findings.map(findingJson) }, null, 1)}\n`);
    } else {
      io.out(readable(result, lang, rolls, skipped, unreadable));
      if (values.report) io.out(lang === 'zh' ? `报告已写入 ${values.report}\n` : `Report written to ${values.report}\n`);
    }
    if (unreadable.length > 0) return EXIT_CANNOT_RUN;
    return result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
