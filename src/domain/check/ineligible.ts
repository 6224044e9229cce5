/**
 * INELIGIBLE_LISTED: a person on the roll who is on an exclusion list — deprived of political rights
 * (被剥夺政治权利), confirmed as not to be included (经确认不列入选民名单), or deceased. Matched by ID, or by name and
 * birth date when the list has no usable ID. Rows already marked as removed in 备注 are not reported.
 */
import { Finding } from '../common/finding';
import { columnOf, RollRecord } from '../roll/read-roll';
import { ExclusionReason } from './check-types';
import { findingAt, refOf } from './finding-text';
import { PersonIndex } from './person-index';
import { RowFacts } from './row-facts';

export interface ExclusionEntries {
  reasons: ExclusionReason[];
  records: RollRecord[];
  facts: RowFacts[];
  index: PersonIndex;
}

const REASON_ZH: Record<ExclusionReason, string> = { deprived: '被剥夺政治权利', notIncluded: '经确认不列入选民名单', deceased: '已死亡' };
const REASON_EN: Record<ExclusionReason, string> = { deprived: 'deprived of political rights', notIncluded: 'confirmed as not to be included', deceased: 'deceased' };

export function ineligibleFindings(records: readonly RollRecord[], facts: readonly RowFacts[], excluded: ExclusionEntries, out: Finding[]): void {
  if (excluded.records.length === 0) return;
  for (let i = 0; i < records.length; i++) ineligibleFinding(records[i], facts[i], excluded, out);
}

/** The INELIGIBLE_LISTED finding of one roll row, if it is on an exclusion list (the engine calls this per row read). */
export function ineligibleFinding(r: RollRecord, f: RowFacts, excluded: ExclusionEntries, out: Finding[]): void {
  if (!f.active || excluded.records.length === 0) return;
  // By ID only when the roll row has one; by name + birth date only when the list's row has no ID.
  let hit = f.id18 !== null ? excluded.index.byId.get(f.id18) : undefined;
  if (hit === undefined && excluded.index.withoutId > 0) hit = excluded.index.byNameBirth(r.name, f.birthKey, true);
  if (hit === undefined) return;
  const e = excluded.records[hit];
  const reason = excluded.reasons[hit];
  const note = e.remarksText ? `（${e.remarksText}）` : '';
  out.push(findingAt(r, 'INELIGIBLE_LISTED', 'error', columnOf(r, 'id') ?? columnOf(r, 'name'),
    `此人在“${e.sheet}”第${e.row}行，属${REASON_ZH[reason]}${note}，不应列入选民名单。请核实后从名单中删除。`,
    `This person is on "${e.sheet}" row ${e.row} (${REASON_EN[reason]}${e.remarksText ? `: ${e.remarksText}` : ''}) and must not be on the roll. Check and remove.`,
    [refOf(e, columnOf(e, 'id'))]));
}
