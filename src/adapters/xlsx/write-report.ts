/**
 * The `check --report OUT.xlsx` workbook: a 校验结果 sheet (one row per finding: where, code, severity, message,
 * related cells, score), a 统计 sheet (per-district statistics and 合计), and a 概要 sheet (counts by code, files
 * read and files that could not be read). Written with ExcelJS; cells are written as values, never formulas.
 */
import ExcelJS from 'exceljs';
import { Finding } from '../../domain/common/finding';
import { CheckResult } from '../../domain/check/check-types';
import { DistrictStatistics } from '../../domain/statistics/roll-statistics';
import { ADD_REASONS, AGE_BANDS, REMOVE_REASONS } from '../../domain/statistics/compute-statistics';

export interface ReportOptions {
  lang?: 'zh' | 'en';
  /** Files that could not be read, with the reason. */
  unreadable?: { file: string; message: string }[];
  /** Roll sheets read: file, sheet, rows. */
  sheetsRead?: { file: string; sheet: string; rows: number; district?: string }[];
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

function relatedText(f: Finding): string {
  return f.related.map((r) => `${r.file} ${r.sheet}!${r.column ?? ''}${r.row}`).join('；');
}

function header(ws: ExcelJS.Worksheet, labels: string[], widths: number[]): void {
  ws.columns = labels.map((l, i) => ({ header: l, width: widths[i] ?? 12 }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function statisticsRow(d: DistrictStatistics): (string | number | null)[] {
  return [
    d.district, d.population, d.registered, d.male, d.female, d.minority,
    d.added.total, ...ADD_REASONS.map((r) => d.added.byReason[r] ?? 0),
    d.removed.total, ...REMOVE_REASONS.map((r) => d.removed.byReason[r] ?? 0),
    d.away, d.proxy, d.notIncluded, ...AGE_BANDS.map((b) => d.ageBands[b] ?? 0),
  ];
}

/** Builds the report workbook (not yet written). */
export function buildReportWorkbook(result: CheckResult, options: ReportOptions = {}): ExcelJS.Workbook {
  const lang = options.lang ?? 'zh';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Election Clerk 选务助手';

  const findings = wb.addWorksheet('校验结果');
  header(findings, ['序号', '代码', '级别', '文件', '工作表', '行', '列', '说明', '相关单元格', '相似度'], [7, 20, 7, 22, 14, 7, 5, 90, 40, 8]);
  result.findings.forEach((f, i) => {
    findings.addRow([i + 1, f.code, lang === 'zh' ? SEVERITY_ZH[f.severity] : f.severity, f.file, f.sheet, f.row, f.column ?? '', f.message[lang], relatedText(f), f.score ?? null]);
  });
  if (result.findings.length > 0) findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } };

  const stats = wb.addWorksheet('统计');
  header(stats, [
    '选区', '人口数', '登记选民数', '男', '女', '少数民族',
    '新增合计', ...ADD_REASONS.map((r) => `新增-${r}`),
    '减少合计', ...REMOVE_REASONS.map((r) => `减少-${r}`),
    '外出选民', '委托投票', '未列入选民名单人数', ...AGE_BANDS.map((b) => `${b}岁`),
  ], [16, 10, 10]);
  for (const d of result.statistics.districts) stats.addRow(statisticsRow(d));
  const totalRow = stats.addRow(statisticsRow(result.statistics.total));
  totalRow.font = { bold: true };
  stats.addRow([]);
  stats.addRow([`选举日：${result.statistics.electionDate}`]);

  const summary = wb.addWorksheet('概要');
  header(summary, ['项目', '数量'], [40, 12]);
  summary.addRow(['检查的选民行数', result.summary.rows]);
  summary.addRow(['错误', result.summary.errors]);
  summary.addRow(['警告', result.summary.warnings]);
  summary.addRow(['提示', result.summary.infos]);
  summary.addRow([]);
  for (const [code, n] of Object.entries(result.summary.byCode).sort((a, b) => b[1] - a[1])) summary.addRow([code, n]);
  if (options.sheetsRead && options.sheetsRead.length > 0) {
    summary.addRow([]);
    summary.addRow(['已读取的名单', '行数']).font = { bold: true };
    for (const s of options.sheetsRead) summary.addRow([`${s.file} ${s.sheet}${s.district ? `（${s.district}）` : ''}`, s.rows]);
  }
  if (options.unreadable && options.unreadable.length > 0) {
    summary.addRow([]);
    summary.addRow(['未能读取的文件', '原因']).font = { bold: true };
    for (const u of options.unreadable) summary.addRow([u.file, u.message]);
  }
  return wb;
}

/** Writes the report to `file` (.xlsx). */
export async function writeReport(file: string, result: CheckResult, options: ReportOptions = {}): Promise<void> {
  await buildReportWorkbook(result, options).xlsx.writeFile(file);
}
