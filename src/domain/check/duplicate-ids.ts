/**
 * DUPLICATE_ID: the same ID number registered more than once — in one sheet, in two districts' sheets, or in two
 * workbooks (someone who took a 选民资格证明 to register elsewhere and was left on the home roll). Every
 * occurrence gets a finding that links to all the others. Rows marked as removed in 备注 do not count.
 */
import { CellRef, Finding } from '../common/finding';
import { columnOf, RollRecord } from '../roll/read-roll';
import { findingAt, listPlaces, refOf } from './finding-text';
import { IdLookup, IdTable } from './id-table';
import { RowFacts } from './row-facts';

/**
 * Every ID → its first record (active or not), built row by row while the rows are read, plus every further
 * occurrence of an ID seen more than once.
 */
export class IdIndex {
  readonly first: IdTable;
  private more: Map<string, number[]> | null = null;

  constructor(expected?: number) {
    this.first = new IdTable(expected);
  }

  add(id: string, i: number): void {
    const first = this.first.addFirst(id, i);
    if (first === -1) return;
    this.more ??= new Map();
    const list = this.more.get(id);
    if (list) list.push(i);
    else this.more.set(id, [first, i]);
  }

  /** Groups of active records sharing an ID (2+ members each, in row order). */
  groups(facts: readonly RowFacts[]): number[][] {
    const groups: number[][] = [];
    if (this.more) {
      for (const list of this.more.values()) {
        const active = list.filter((i) => facts[i].active);
        if (active.length >= 2) groups.push(active);
      }
    }
    return groups;
  }
}

/**
 * Groups of record indexes sharing an ID among active rows (each group in row order, 2+ members), and `index`:
 * every ID → its first record (active or not), for the other rules' exact look-ups.
 */
export function duplicateIdGroups(facts: readonly RowFacts[]): { groups: number[][]; index: IdLookup } {
  const ids = new IdIndex(facts.length);
  for (let i = 0; i < facts.length; i++) {
    const id = facts[i].id18;
    if (id !== null) ids.add(id, i);
  }
  return { groups: ids.groups(facts), index: ids.first };
}

function where(r: RollRecord, other: RollRecord): 'sheet' | 'workbook' | 'file' {
  if (r.file !== other.file) return 'file';
  return r.sheet === other.sheet ? 'sheet' : 'workbook';
}

/** One DUPLICATE_ID finding per occurrence, each related to the other occurrences. */
export function duplicateIdFindings(records: readonly RollRecord[], facts: readonly RowFacts[], groups: number[][], out: Finding[]): void {
  for (const group of groups) {
    for (const i of group) {
      const r = records[i];
      const others = group.filter((j) => j !== i).map((j) => records[j]);
      const related: CellRef[] = others.map((o) => refOf(o, columnOf(o, 'id')));
      const scope = others.some((o) => where(r, o) === 'file') ? 'file' : others.some((o) => where(r, o) === 'workbook') ? 'workbook' : 'sheet';
      const scopeZh = scope === 'file' ? '（跨工作簿，可能已在别处登记：凭选民资格证明在现居住地登记的，原选区应除名）' : scope === 'workbook' ? '（跨选区）' : '（同一选区内）';
      const scopeEn = scope === 'file' ? ' (in another workbook: if the voter registered elsewhere with a voter qualification certificate, remove them here)' : scope === 'workbook' ? ' (in another district)' : ' (in the same district)';
      const places = listPlaces(others, r.file);
      out.push(findingAt(r, 'DUPLICATE_ID', 'error', columnOf(r, 'id'),
        `身份证号 ${facts[i].id18} 重复登记${scopeZh}，另见：${places.zh}。同一选民只能登记一次，请核实后只保留一处。`,
        `ID ${facts[i].id18} is registered more than once${scopeEn}; also at: ${places.en}. A voter may be registered only once: keep one.`,
        related));
    }
  }
}
