/**
 * The numbers that go into each standard table: one row per district and a 合计 row, keyed by column key
 * (see table-definitions). Counts in 合计 are the sums of their columns; percentages are computed from the
 * counts of the same row (one decimal); values such as population per deputy are recomputed for 合计.
 */
import { Message } from '../common/problem';
import { RollStatistics, DistrictStatistics } from '../statistics/roll-statistics';
import { CompositionCounts, CompositionSummary } from './roster';
import { ALLOCATION_TABLE, COMPOSITION_TABLE, REGISTRATION_TABLE, TableDefinition, TableKey } from './table-definitions';
import { roundTo } from './labels';

export interface ValueRow {
  /** The district's name, or 合计. */
  label: string;
  /** The district (null for 合计). */
  district: string | null;
  /** 1-based position of the district (选区编号); null for 合计. */
  number: number | null;
  isTotal: boolean;
  /** Values by column key; null when not known (the cell is then left alone). */
  values: Record<string, number | null>;
}

export interface TableValues {
  table: TableKey;
  definition: TableDefinition;
  rows: ValueRow[];
  /** What the clerk should know about the numbers (unknown populations, say). */
  notes: Message[];
}

export const TOTAL_LABEL = '合计';

/** Sums a column over the district rows; null when any district's value is unknown. */
function columnSum(rows: readonly ValueRow[], key: string): number | null {
  let sum = 0;
  for (const r of rows) {
    const v = r.values[key];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** Percentage of part in whole, one decimal; null when the whole is 0 or unknown. */
export function percentage(part: number | null, whole: number | null, decimals = 1): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return roundTo((part / whole) * 100, decimals);
}

function registrationRow(d: DistrictStatistics): Record<string, number | null> {
  const reason = (c: { byReason: Record<string, number> }, k: string) => c.byReason[k] ?? 0;
  return {
    population: d.population,
    registered: d.registered,
    male: d.male,
    female: d.female,
    minority: d.minority,
    addedTotal: d.added.total,
    added18: reason(d.added, '年满18周岁'),
    addedRestored: reason(d.added, '恢复政治权利'),
    addedMovedIn: reason(d.added, '迁入'),
    removedTotal: d.removed.total,
    removedDeceased: reason(d.removed, '死亡'),
    removedMovedOut: reason(d.removed, '迁出'),
    removedDeprived: reason(d.removed, '被剥夺政治权利'),
    away: d.away,
    proxy: d.proxy,
    notIncluded: d.notIncluded,
  };
}

/** 合计 of count columns as column sums. */
function totalRow(definition: TableDefinition, rows: ValueRow[]): ValueRow {
  const values: Record<string, number | null> = {};
  for (const col of definition.columns) if (col.kind === 'count') values[col.key] = columnSum(rows, col.key);
  return { label: TOTAL_LABEL, district: null, number: null, isTotal: true, values };
}

/** 选民登记情况统计表 from the engine's statistics. */
export function registrationValues(stats: RollStatistics): TableValues {
  const notes: Message[] = [];
  const rows: ValueRow[] = stats.districts.map((d, i) => ({
    label: d.district, district: d.district, number: i + 1, isTotal: false, values: registrationRow(d),
  }));
  const total = totalRow(REGISTRATION_TABLE, rows);
  const unknown = rows.filter((r) => r.values.population === null).map((r) => r.label);
  if (unknown.length > 0) {
    notes.push({
      zh: `以下选区的人口数未知，人口数及其合计未填写：${unknown.join('、')}。请用 --districts 提供选区表（含人口数）。`,
      en: `Population unknown for: ${unknown.join(', ')}; 人口数 and its total are left empty. Give a district table with populations (--districts).`,
    });
  }
  if (stats.total && total.values.registered !== stats.total.registered) {
    notes.push({
      zh: `各选区登记选民数之和（${total.values.registered}）与名册总数（${stats.total.registered}）不一致，可能有选民未归入任何选区；合计按各选区之和填写。`,
      en: `The districts' registered voters add up to ${total.values.registered}, the rolls hold ${stats.total.registered}: some voters may have no district. 合计 is the sum of the districts.`,
    });
  }
  rows.push(total);
  return { table: 'registration', definition: REGISTRATION_TABLE, rows, notes };
}

/** A district of a seat allocation (the fields of seats/apportion's DistrictAllocation that the table uses). */
export interface AllocatedDistrict {
  name: string;
  population: number;
  seats: number;
  populationPerDeputy: number | null;
  deviationPercent: number | null;
}

/** 选区划分和代表名额分配表 from a seat allocation. 合计: populations and seats summed, the average population per deputy. */
export function allocationValues(allocation: { districts: readonly AllocatedDistrict[] }): TableValues {
  const ppd = ALLOCATION_TABLE.columns.find((c) => c.key === 'populationPerDeputy')!.decimals ?? 1;
  const dev = ALLOCATION_TABLE.columns.find((c) => c.key === 'deviationPercent')!.decimals ?? 2;
  const rows: ValueRow[] = allocation.districts.map((d, i) => ({
    label: d.name,
    district: d.name,
    number: i + 1,
    isTotal: false,
    values: {
      population: d.population,
      seats: d.seats,
      populationPerDeputy: d.seats > 0 ? roundTo(d.population / d.seats, ppd) : null,
      deviationPercent: d.deviationPercent === null ? null : roundTo(d.deviationPercent, dev),
    },
  }));
  const total = totalRow(ALLOCATION_TABLE, rows);
  const pop = total.values.population;
  const seats = total.values.seats;
  total.values.populationPerDeputy = pop !== null && seats ? roundTo(pop / seats, ppd) : null;
  total.values.deviationPercent = null;
  rows.push(total);
  return { table: 'allocation', definition: ALLOCATION_TABLE, rows, notes: [] };
}

function compositionRow(counts: CompositionCounts): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const col of COMPOSITION_TABLE.columns) {
    if (col.kind === 'count') values[col.key] = counts[col.key as keyof CompositionCounts];
  }
  return values;
}

/** Percent columns of a row, from that row's counts and its total. */
function fillPercentages(definition: TableDefinition, row: ValueRow): void {
  const whole = definition.totalKey ? row.values[definition.totalKey] ?? null : null;
  for (const col of definition.columns) {
    if (col.kind === 'percent' && col.percentOf) row.values[col.key] = percentage(row.values[col.percentOf] ?? null, whole, col.decimals ?? 1);
  }
}

/**
 * 代表结构统计表 from a roster's composition counts: a row per district when the roster names them, and 合计
 * (the column sums, which equal the roster's overall counts). Percentages are shares of the row's 代表总数.
 */
export function compositionValues(summary: CompositionSummary): TableValues {
  const notes: Message[] = [];
  const rows: ValueRow[] = summary.districts.map((d, i) => ({
    label: d.district, district: d.district, number: i + 1, isTotal: false, values: compositionRow(d.counts),
  }));
  let total: ValueRow;
  if (rows.length > 0) {
    total = totalRow(COMPOSITION_TABLE, rows);
    if (total.values.total !== summary.total.total) {
      notes.push({
        zh: `名单中有${summary.total.total - (total.values.total ?? 0)}人未填选区，合计按各选区之和计算。`,
        en: `${summary.total.total - (total.values.total ?? 0)} people on the roster have no district; 合计 is the sum of the districts.`,
      });
    }
  } else {
    total = { label: TOTAL_LABEL, district: null, number: null, isTotal: true, values: compositionRow(summary.total) };
  }
  rows.push(total);
  for (const r of rows) fillPercentages(COMPOSITION_TABLE, r);
  return { table: 'composition', definition: COMPOSITION_TABLE, rows, notes };
}
