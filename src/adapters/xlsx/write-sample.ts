/**
 * Writes a generated sample to a directory: the roll, register, district table and exclusion list workbooks
 * and the ground truth (sample-truth.json) beside them. Big rolls go through the streaming writer.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GroundTruth } from '../../domain/sample/ground-truth';
import {
  generateSample, SAMPLE_FILES, SampleColumn, SampleOptions, SampleSheet, SampleSheetOutline, SampleWorkbook, startSample,
} from '../../domain/sample/sample-roll';
import { SheetFormat, writeWorkbook, writeWorkbookStreaming } from './write-workbook';

/** Rolls with more rows than this are streamed (the others are built in memory, which is faster). */
export const STREAMING_THRESHOLD = 50_000;

export interface WrittenSample {
  dir: string;
  /** Full paths of what was written. */
  files: { roll: string; register: string; districts: string; exclusions: string; truth: string };
  truth: GroundTruth;
  /** Sheet names and data rows of the roll (title, header and totals rows not counted). */
  rollSheets: { name: string; dataRows: number }[];
  streamed: boolean;
}

function numFmt(c: SampleColumn): string | undefined {
  return c.kind === 'text' ? '@' : c.kind === 'date' ? 'yyyy-mm-dd' : undefined;
}

/** The writer's view of a sample sheet's look. */
export function sheetFormat(s: SampleSheet | SampleSheetOutline): SheetFormat {
  return {
    name: s.name,
    merges: s.merges,
    columns: s.columns?.map((c) => ({ width: c.width, numFmt: numFmt(c) })),
    titleRow: s.titleRow,
    headerRow: s.headerRow,
  };
}

async function writeSampleWorkbook(dir: string, book: SampleWorkbook): Promise<string> {
  const path = join(dir, book.file);
  await writeWorkbook(path, book.sheets.map((s) => ({ ...sheetFormat(s), rows: s.rows })));
  return path;
}

/** Generates the sample for `options` and writes it into `dir` (created if missing). */
export async function writeSample(dir: string, options: SampleOptions = {}, how: { streaming?: boolean } = {}): Promise<WrittenSample> {
  await mkdir(dir, { recursive: true });
  const run = startSample(options);
  const streamed = how.streaming ?? run.options.rows > STREAMING_THRESHOLD;
  const rollPath = join(dir, SAMPLE_FILES.roll);
  const rollSheets = run.rollSheets.map((s) => ({ name: s.name, dataRows: s.rowCount - 4 }));
  let rest;
  if (streamed) {
    await writeWorkbookStreaming(rollPath, run.rollSheets.map(sheetFormat), run.rollRows());
    rest = run.finish();
  } else {
    const sample = generateSample(run.options);
    await writeSampleWorkbook(dir, sample.roll);
    rest = sample;
  }
  const files = {
    roll: rollPath,
    register: await writeSampleWorkbook(dir, rest.register),
    districts: await writeSampleWorkbook(dir, rest.districts),
    exclusions: await writeSampleWorkbook(dir, rest.exclusions),
    truth: join(dir, SAMPLE_FILES.truth),
  };
  await writeFile(files.truth, `${JSON.stringify(rest.truth, null, 2)}\n`, 'utf8');
  return { dir, files, truth: rest.truth, rollSheets, streamed };
}
