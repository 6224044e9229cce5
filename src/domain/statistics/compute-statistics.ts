/**
 * Counts for the statistics tables (选民登记情况统计表) per district and in total: registered voters, men and women,
 * minorities, new voters and removals by the reason in 备注, voters away (外出) and voting by proxy (委托), people not
 * included (exclusion lists), age bands on election day, and ethnic groups. Population comes from the district
 * table, else from the population register (residents per district), else it is unknown (null).
 * A row marked as removed in 备注 (死亡, 迁出, …) counts as a removal, not as a registered voter.
 */
import { CalendarDate, formatDate, isLeapYear } from '../common/calendar-date';
import { DistrictRow } from '../check/check-types';
import { RowFacts } from '../check/row-facts';
import { ethnicGroup } from '../roll/ethnic-groups';
import { districtKey } from '../roll/normalise';
import { RollRecord } from '../roll/read-roll';
import { ChangeCounts, DistrictStatistics, RollStatistics } from './roll-statistics';

export const AGE_BANDS = ['18-35', '36-59', '60+'] as const;
export const ADD_REASONS = ['年满18周岁', '恢复政治权利', '迁入', '其他'] as const;
export const REMOVE_REASONS = ['死亡', '迁出', '被剥夺政治权利', '其他'] as const;
/** District name used for rows whose 选区 is blank. */
export const NO_DISTRICT = '（未填选区）';

export interface PeopleWithFacts {
  records: readonly RollRecord[];
  facts: readonly RowFacts[];
}

export interface StatisticsInput {
  electionDate: CalendarDate;
  roll: PeopleWithFacts;
  districts?: DistrictRow[];
  register?: PeopleWithFacts;
  /** People not included (被剥夺政治权利 / 经确认不列入): counted as 未列入选民名单人数. */
  notIncluded?: PeopleWithFacts;
}

function changeCounts(reasons: readonly string[]): ChangeCounts {
  const byReason: Record<string, number> = {};
  for (const r of reasons) byReason[r] = 0;
  return { total: 0, byReason };
}

export function emptyDistrictStatistics(district: string, population: number | null): DistrictStatistics {
  const ageBands: Record<string, number> = {};
  for (const b of AGE_BANDS) ageBands[b] = 0;
  return {
    district, population, registered: 0, male: 0, female: 0, minority: 0,
    added: changeCounts(ADD_REASONS), removed: changeCounts(REMOVE_REASONS),
    away: 0, proxy: 0, notIncluded: 0, ageBands, byEthnicity: {},
  };
}

/** Completed years on `onKey` of someone born on `birthKey` (both YYYYMMDD; 29 Feb counts as 1 Mar in other years). */
export function ageOnKey(birthKey: number, onKey: number): number {
  const by = Math.floor(birthKey / 10000);
  const oy = Math.floor(onKey / 10000);
  let md = birthKey % 10000;
  if (md === 229 && !isLeapYear(oy)) md = 301;
  return oy - by - (onKey % 10000 < md ? 1 : 0);
}

function ageBand(age: number): string {
  if (age < 18) return '0-17';
  if (age <= 35) return '18-35';
  if (age <= 59) return '36-59';
  return '60+';
}

function addInto(total: DistrictStatistics, d: DistrictStatistics): void {
  total.registered += d.registered;
  total.male += d.male;
  total.female += d.female;
  total.minority += d.minority;
  total.away += d.away;
  total.proxy += d.proxy;
  total.notIncluded += d.notIncluded;
  for (const [from, to] of [[d.added, total.added], [d.removed, total.removed]] as const) {
    to.total += from.total;
    for (const [k, v] of Object.entries(from.byReason)) to.byReason[k] = (to.byReason[k] ?? 0) + v;
  }
  for (const [k, v] of Object.entries(d.ageBands)) total.ageBands[k] = (total.ageBands[k] ?? 0) + v;
  for (const [k, v] of Object.entries(d.byEthnicity)) total.byEthnicity[k] = (total.byEthnicity[k] ?? 0) + v;
}

export function computeStatistics(input: StatisticsInput): RollStatistics {
  const byKey = new Map<string, DistrictStatistics>();
  const get = (name: string): DistrictStatistics => {
    const shown = name === '' ? NO_DISTRICT : name;
    const key = districtKey(shown);
    let d = byKey.get(key);
    if (!d) {
      d = emptyDistrictStatistics(shown, null);
      byKey.set(key, d);
    }
    return d;
  };
  const fromTable = new Set<string>();
  for (const row of input.districts ?? []) {
    const d = get(row.name);
    d.population = row.population;
    fromTable.add(districtKey(row.name));
  }

  const { records, facts } = input.roll;
  const e = input.electionDate;
  const electionKey = e.year * 10000 + e.month * 100 + e.day;
  // Rows of one district usually come together: the last district's counts are reused without a look-up.
  let lastDistrict = '';
  let d: DistrictStatistics | null = null;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const f = facts[i];
    if (d === null || r.district !== lastDistrict) {
      d = get(r.district);
      lastDistrict = r.district;
    }
    if (!f.active) {
      const reason = r.remarks.removed ?? '其他';
      d.removed.total++;
      d.removed.byReason[reason] = (d.removed.byReason[reason] ?? 0) + 1;
      continue;
    }
    d.registered++;
    if (f.sex === 'male') d.male++;
    else if (f.sex === 'female') d.female++;
    const group = r.ethnicity === '' ? null : ethnicGroup(r.ethnicity);
    const ethnicKey = group ?? (r.ethnicity === '' ? '未填' : r.ethnicity);
    d.byEthnicity[ethnicKey] = (d.byEthnicity[ethnicKey] ?? 0) + 1;
    if (group !== null && group !== '汉族') d.minority++;
    if (r.remarks.added) {
      d.added.total++;
      d.added.byReason[r.remarks.added] = (d.added.byReason[r.remarks.added] ?? 0) + 1;
    }
    if (r.remarks.away) d.away++;
    if (r.remarks.proxy) d.proxy++;
    const band = f.birthKey !== 0 ? ageBand(ageOnKey(f.birthKey, electionKey)) : '未知';
    d.ageBands[band] = (d.ageBands[band] ?? 0) + 1;
  }

  if (input.register) {
    const counts = new Map<string, number>();
    let withDistrict = 0;
    for (let i = 0; i < input.register.records.length; i++) {
      const r = input.register.records[i];
      if (!input.register.facts[i].active || r.district === '') continue;
      withDistrict++;
      const k = districtKey(r.district);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    if (withDistrict > 0) {
      for (const [k, n] of counts) {
        if (fromTable.has(k)) continue;
        const d = byKey.get(k);
        if (d && d.population === null) d.population = n;
      }
      for (const [k, d] of byKey) if (!fromTable.has(k) && d.population === null && d.registered > 0) d.population = counts.get(k) ?? 0;
    }
  }

  let notIncludedTotal = 0;
  if (input.notIncluded) {
    for (let i = 0; i < input.notIncluded.records.length; i++) {
      const r = input.notIncluded.records[i];
      notIncludedTotal++;
      if (r.district === '') continue;
      const d = byKey.get(districtKey(r.district));
      if (d) d.notIncluded++;
    }
  }

  const districts = [...byKey.values()];
  const total = emptyDistrictStatistics('合计', null);
  for (const d of districts) addInto(total, d);
  total.notIncluded = notIncludedTotal;
  total.population = districts.length > 0 && districts.every((d) => d.population !== null)
    ? districts.reduce((s, d) => s + (d.population ?? 0), 0)
    : null;
  return { electionDate: formatDate(e), districts, total };
}
