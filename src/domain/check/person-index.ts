/**
 * Looking people up across lists (roll, register, previous roll, exclusion lists): by ID number, or — for rows
 * without a usable ID, or whose ID is not found — by name and birth date. The name + birth date index is built
 * only when first needed, keyed by the numeric birth date (no string keys per row).
 */
import { RollRecord } from '../roll/read-roll';
import { IdLookup, IdTable } from './id-table';
import { RowFacts } from './row-facts';

export class PersonIndex {
  readonly byId: IdLookup;
  private byBirth: Map<number, number[]> | null = null;
  /** How many indexed rows have no usable ID. */
  readonly withoutId: number;

  /**
   * `byId` may be given when already built (ID → first row); `activeOnly` skips rows marked removed in 备注.
   */
  constructor(
    private readonly records: readonly RollRecord[],
    private readonly facts: readonly RowFacts[],
    byId?: IdLookup,
    private readonly activeOnly = false,
  ) {
    let withoutId = 0;
    if (byId) {
      this.byId = byId;
      for (const f of facts) if (f.id18 === null) withoutId++;
    } else {
      const table = new IdTable(facts.length);
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i];
        if (activeOnly && !f.active) continue;
        if (f.id18 === null) withoutId++;
        else table.addFirst(f.id18, i);
      }
      this.byId = table;
    }
    this.withoutId = withoutId;
  }

  get size(): number {
    return this.facts.length;
  }

  /** The first row with this name and birth date (YYYYMMDD), or undefined. */
  byNameBirth(name: string, birthKey: number, onlyWithoutId = false): number | undefined {
    if (name === '' || birthKey === 0) return undefined;
    if (!this.byBirth) {
      const map = new Map<number, number[]>();
      for (let i = 0; i < this.facts.length; i++) {
        const f = this.facts[i];
        if (f.birthKey === 0 || (this.activeOnly && !f.active)) continue;
        const list = map.get(f.birthKey);
        if (list) list.push(i);
        else map.set(f.birthKey, [i]);
      }
      this.byBirth = map;
    }
    const list = this.byBirth.get(birthKey);
    if (!list) return undefined;
    for (const i of list) {
      if (this.records[i].name === name && (!onlyWithoutId || this.facts[i].id18 === null)) return i;
    }
    return undefined;
  }
}

/** Indexes records by ID (first occurrence wins) and, lazily, by name + birth date. */
export function indexPeople(records: readonly RollRecord[], facts: readonly RowFacts[], activeOnly = false): PersonIndex {
  return new PersonIndex(records, facts, undefined, activeOnly);
}

/**
 * The index of the same person in `index`: by ID when the row has one, else by name + birth date. With
 * `nameBirthFallback`, a row whose ID is not found is also looked up by name + birth date (a mistyped ID on one
 * side should not make a person disappear; the typo is reported by the ID checks).
 */
export function findPerson(index: PersonIndex, r: RollRecord, f: RowFacts, nameBirthFallback = true): number | undefined {
  if (f.id18 !== null) {
    const hit = index.byId.get(f.id18);
    if (hit !== undefined || !nameBirthFallback) return hit;
  }
  return index.byNameBirth(r.name, f.birthKey);
}
