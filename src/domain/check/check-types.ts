/**
 * The validation engine's inputs and outputs: rolls (with their layouts), optional register, previous roll and
 * exclusion lists, the settings of an election, and the findings and statistics it returns.
 */
import { CalendarDate } from '../common/calendar-date';
import { Finding } from '../common/finding';
import { RollStatistics } from '../statistics/roll-statistics';
import { SheetGrid } from '../workbook/sheet-grid';
import { RollLayout } from '../roll/roll-layout';

/** A sheet and how to read it. */
export interface LaidOutSheet {
  grid: SheetGrid;
  layout: RollLayout;
}

/** Why people on an exclusion list may not be on the roll. */
export type ExclusionReason = 'deprived' /* 被剥夺政治权利 */ | 'notIncluded' /* 经确认不列入选民名单 */ | 'deceased' /* 死亡 */;

export interface ExclusionList {
  reason: ExclusionReason;
  sheets: LaidOutSheet[];
}

export interface DistrictRow {
  name: string;
  population: number | null;
}

export interface CheckInput {
  rolls: LaidOutSheet[];
  /** 户籍/人口 register: residents who should be on a roll if eligible (漏登 check). */
  register?: LaidOutSheet[];
  /** Last election's roll (漏登 check: missing now without a removal reason). */
  previous?: LaidOutSheet[];
  exclusions?: ExclusionList[];
  /** 选区 table (DISTRICT_UNKNOWN check and populations for statistics). */
  districts?: DistrictRow[];
}

export interface CheckOptions {
  /** 选举日: age and eligibility are judged on this day. */
  electionDate: CalendarDate;
  /** Minimum voting age, 18 by law. */
  minimumAge?: number;
  /** Run the fuzzy POSSIBLE_DUPLICATE matching (default true). */
  fuzzy?: boolean;
  /** Score from which a fuzzy match is reported (0–1, default chosen by the engine and documented). */
  possibleDuplicateThreshold?: number;
  /** Called now and then with (rows done, rows in all); the engine is synchronous. */
  onProgress?: (done: number, total: number) => void;
}

export interface CheckSummary {
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  byCode: Record<string, number>;
}

export interface CheckResult {
  findings: Finding[];
  summary: CheckSummary;
  statistics: RollStatistics;
}
