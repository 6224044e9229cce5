/**
 * The playground's workbook: every sheet of the generated sample (the rolls, the population register, the
 * district table and the exclusion list) in one workbook, as plain data the fake Excel loads.
 */
import { generateSample, Sample, SampleOptions } from '../domain/sample/sample-roll';
import { CellValue, MergedArea } from '../domain/workbook/sheet-grid';

export interface PlainWorkbook {
  name: string;
  sheets: { name: string; rows: CellValue[][]; merges?: MergedArea[] }[];
}

export const PLAYGROUND_WORKBOOK = '示例选民名单.xlsx';

export function sampleWorkbook(sample: Sample, name = PLAYGROUND_WORKBOOK): PlainWorkbook {
  const sheets = [sample.roll, sample.register, sample.districts, sample.exclusions]
    .flatMap((wb) => wb.sheets)
    .map((s) => ({ name: s.name, rows: s.rows, ...(s.merges && s.merges.length ? { merges: s.merges } : {}) }));
  return { name, sheets };
}

/** The sample the playground shows by default: 500 rows, defects planted. */
export function playgroundSample(options: SampleOptions = {}): Sample {
  return generateSample({ rows: 500, ...options });
}
