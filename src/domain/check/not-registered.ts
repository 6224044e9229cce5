/**
 * NOT_REGISTERED (漏登): people who should be on a roll and are not.
 * - From the population register: each resident who is 18 by election day, not marked 死亡/迁出 in 备注, not on an
 *   exclusion list, and on no roll (looked up by ID, then by name + birth date).
 * - From the previous election's roll (一次登记、长期有效): each voter who is missing now, unless the previous roll's
 *   备注 gives a removal reason (死亡, 迁出, 被剥夺政治权利, …) or an exclusion list explains it.
 * Findings point into the register / previous roll, where the person was found.
 */
import { CalendarDate, formatDate, toDayNumber } from '../common/calendar-date';
import { Finding } from '../common/finding';
import { columnOf, RollRecord } from '../roll/read-roll';
import { findingAt } from './finding-text';
import { findPerson, PersonIndex } from './person-index';
import { birthOf, reachedAgeKey, RowFacts } from './row-facts';

export interface PeopleList {
  records: RollRecord[];
  facts: RowFacts[];
}

export function registerFindings(
  register: PeopleList,
  roll: PersonIndex,
  excluded: PersonIndex,
  electionDate: CalendarDate,
  minimumAge: number,
  out: Finding[],
): void {
  const e = formatDate(electionDate);
  const electionKey = toDayNumber(electionDate);
  for (let i = 0; i < register.records.length; i++) {
    const r = register.records[i];
    const f = register.facts[i];
    const birth = birthOf(f);
    if (!f.active || birth === null) continue;
    if (!reachedAgeKey(f.birthKey, minimumAge, electionKey)) continue;
    if (findPerson(excluded, r, f) !== undefined) continue;
    if (findPerson(roll, r, f) !== undefined) continue;
    const id = f.id18 ?? r.idText;
    const district = r.district ? `（${r.district}）` : '';
    out.push(findingAt(r, 'NOT_REGISTERED', 'error', columnOf(r, 'id') ?? columnOf(r, 'name'),
      `户籍登记的居民${district}，身份证号 ${id || '（空）'}，出生于 ${formatDate(birth)}，到选举日 ${e} 已满${minimumAge}周岁，但不在任何选民名单上，也不在不列入名单中。请核实后补登（漏登）。`,
      `Resident${r.district ? ` of ${r.district}` : ''}, ID ${id || '(blank)'}, born ${formatDate(birth)}, is ${minimumAge} or older on election day ${e} but is on no roll and on no exclusion list. Check and register them (missing registration).`));
  }
}

export function previousRollFindings(previous: PeopleList, roll: PersonIndex, excluded: PersonIndex, out: Finding[]): void {
  for (let i = 0; i < previous.records.length; i++) {
    const r = previous.records[i];
    const f = previous.facts[i];
    if (!f.active) continue; // the previous roll's 备注 gives a removal reason
    if (r.name === '' && f.id18 === null) continue;
    if (findPerson(excluded, r, f) !== undefined) continue;
    if (findPerson(roll, r, f) !== undefined) continue;
    const id = f.id18 ?? r.idText;
    out.push(findingAt(r, 'NOT_REGISTERED', 'error', columnOf(r, 'id') ?? columnOf(r, 'name'),
      `上届选民名单上有此人（身份证号 ${id || '（空）'}），本次名单中没有，备注中也没有死亡、迁出等除名原因。选民资格长期有效：请补登，或在备注中写明除名原因。`,
      `On the previous election's roll (ID ${id || 'blank'}) but not on the current roll, and 备注 gives no reason for removal (死亡, 迁出, …). Registration is valid long-term: add them back or record the reason.`));
  }
}
