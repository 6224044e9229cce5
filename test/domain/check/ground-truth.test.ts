/**
 * Scores the engine against the sample generator's planted ground truth: every planted defect is found at its
 * row with its code; a clean sample has no error findings; on 10,000 rows the false POSSIBLE_DUPLICATE rate is
 * reported and bounded.
 */
import { checkRolls } from '../../../src/domain/check/check-rolls';
import { CheckInput, LaidOutSheet } from '../../../src/domain/check/check-types';
import { Finding } from '../../../src/domain/common/finding';
import { selectSheets } from '../../../src/domain/roll/lay-out-sheets';
import { generateSample, SampleOptions, SampleWorkbook } from '../../../src/domain/sample/sample-roll';
import { readDistrictTable } from '../../../src/domain/seats/district-table';
import { parseIsoDate } from '../../../src/domain/common/calendar-date';
import { SheetGrid } from '../../../src/domain/workbook/sheet-grid';

function grids(wb: SampleWorkbook): SheetGrid[] {
  return wb.sheets.map((s) => ({ workbook: wb.file, sheet: s.name, startRow: 1, startColumn: 1, rows: s.rows, merges: s.merges }));
}

function run(options: SampleOptions) {
  const sample = generateSample(options);
  const laid = (wb: SampleWorkbook, purpose: 'roll' | 'register' | 'exclusion'): LaidOutSheet[] => selectSheets(grids(wb), purpose).sheets;
  const table = readDistrictTable(grids(sample.districts)[0]);
  const input: CheckInput = {
    rolls: laid(sample.roll, 'roll'),
    register: laid(sample.register, 'register'),
    exclusions: [{ reason: 'deprived', sheets: laid(sample.exclusions, 'exclusion') }],
    districts: table.rows.map((r) => ({ name: r.name, population: r.population })),
  };
  const result = checkRolls(input, { electionDate: parseIsoDate(sample.options.electionDate)! });
  return { sample, result };
}

const key = (x: { code: string; file: string; sheet: string; row: number }) => `${x.code}|${x.file}|${x.sheet}|${x.row}`;

function missed(sample: ReturnType<typeof generateSample>, findings: Finding[]) {
  const found = new Set(findings.map(key));
  return sample.truth.defects.filter((d) => !found.has(key(d)));
}

describe('ground truth of the sample generator', () => {
  it.each(['per-district', 'single-sheet'] as const)('finds every planted defect at its row with its code (%s, 500 rows)', (layout) => {
    const { sample, result } = run({ rows: 500, layout, seed: 7 });
    expect(sample.truth.defects.length).toBeGreaterThan(20);
    expect(missed(sample, result.findings)).toEqual([]);
    // Where the truth names a column, the finding is in that column.
    for (const d of sample.truth.defects.filter((x) => x.column)) {
      const f = result.findings.find((x) => key(x) === key(d) && x.column === d.column);
      expect(f ?? d).toBe(f);
    }
    // Duplicates link to the other registrations the truth lists.
    for (const d of sample.truth.defects.filter((x) => x.code === 'DUPLICATE_ID' && x.related)) {
      const f = result.findings.find((x) => key(x) === key(d))!;
      for (const r of d.related!) expect(f.related).toEqual(expect.arrayContaining([expect.objectContaining({ file: r.file, sheet: r.sheet, row: r.row })]));
    }
  });

  it('finds every planted defect in the smallest sample (50 rows)', () => {
    const { sample, result } = run({ rows: 50, seed: 3 });
    expect(missed(sample, result.findings)).toEqual([]);
  });

  it('reports no error findings on a clean sample', () => {
    const { result } = run({ rows: 2000, defects: false, seed: 11 });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.summary.rows).toBe(2000);
  });

  it('keeps false POSSIBLE_DUPLICATE findings rare on 10,000 rows', () => {
    const { sample, result } = run({ rows: 10000, seed: 20261215 });
    expect(missed(sample, result.findings)).toEqual([]);
    const planted = new Set(sample.truth.defects.filter((d) => d.code === 'POSSIBLE_DUPLICATE').map(key));
    const fuzzy = result.findings.filter((f) => f.code === 'POSSIBLE_DUPLICATE');
    const falseAlarms = fuzzy.filter((f) => !planted.has(key(f)));
    const rate = fuzzy.length === 0 ? 0 : falseAlarms.length / fuzzy.length;
    console.log(`10,000-row sample: ${fuzzy.length} POSSIBLE_DUPLICATE findings, ${planted.size} planted, ${falseAlarms.length} false (${(rate * 100).toFixed(1)}%); ${(falseAlarms.length / 10000 * 1000).toFixed(2)} per 1,000 rows`);
    expect(rate).toBeLessThanOrEqual(0.05);
    // Every finding that is not planted is at least one that the truth lists under another code.
    const anyPlanted = new Set(sample.truth.defects.map((d) => `${d.file}|${d.sheet}|${d.row}`));
    const unexplained = result.findings.filter((f) => !anyPlanted.has(`${f.file}|${f.sheet}|${f.row}`));
    expect(unexplained.map((f) => `${f.code} ${f.message.zh}`)).toEqual([]);
  });
});
