/**
 * What the sample generator planted, written as JSON beside the workbooks, so that tests and benchmarks can
 * score the engine's findings: every planted defect with its engine finding code and Excel location, and the
 * deliberate edge cases that must NOT be reported (someone turning 18 on election day, say).
 */

/** A location in one of the sample's workbooks (Excel's 1-based row). */
export interface TruthLocation {
  file: string;
  sheet: string;
  row: number;
}

export interface PlantedDefect {
  /** The engine's finding code: DUPLICATE_ID, POSSIBLE_DUPLICATE, ID_CHECKSUM, … */
  code: string;
  file: string;
  sheet: string;
  /** Excel's 1-based row. */
  row: number;
  /** Column letter, when the defect is about one cell. */
  column?: string;
  /** The other registrations of a duplicate (or the exclusion-list row of an ineligible voter). */
  related?: TruthLocation[];
  /** What was planted, e.g. "homophone 李晓艳/李小艳, ID digit 16 changed". */
  note: string;
}

/** A row that looks suspicious but is right; a finding of error severity here is a false alarm. */
export interface EdgeCase extends TruthLocation {
  note: string;
}

export interface GroundTruth {
  seed: number;
  electionDate: string;
  rows: number;
  layout: string;
  /** Whether defects were planted (false for a clean sample). */
  defectsPlanted: boolean;
  county: { code: string; name: string };
  files: { roll: string; register: string; districts: string; exclusions: string };
  defects: PlantedDefect[];
  edgeCases: EdgeCase[];
  /** Planted defects by code. */
  counts: Record<string, number>;
}

/** The engine's finding codes the generator plants. */
export const PLANTED_CODES = [
  'DUPLICATE_ID', 'POSSIBLE_DUPLICATE', 'ID_CHECKSUM', 'ID_PRECISION_LOST', 'UNDERAGE', 'NOT_REGISTERED',
  'REQUIRED_MISSING', 'ID_LOWERCASE_X', 'ID_FULLWIDTH', 'SEX_MISMATCH', 'INELIGIBLE_LISTED',
] as const;

export function countByCode(defects: readonly PlantedDefect[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of defects) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
}
