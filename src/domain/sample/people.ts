/**
 * The made-up residents of the sample county: name, sex, ethnic group, birth date, a valid resident ID with a
 * real region code (mostly the county's own, some people born elsewhere), address and voter group.
 * Nothing here is wrong on purpose; defects are planted afterwards (see defects.ts).
 */
import { CalendarDate, hasReachedAge, isLeapYear } from '../common/calendar-date';
import { makeId, Sex } from '../id/resident-id';
import { regionsUnder } from '../id/regions';
import { namePinyin, randomName } from './names';
import { hashString, Random, WeightedTable } from './random';

/** The one real county the sample is set in: 湖南省常德市桃源县. */
export const COUNTY_CODE = '430725';
/** A made-up town of that county. */
export const TOWN_NAME = '清溪镇';

export interface Person {
  name: string;
  sex: Sex;
  ethnicity: string;
  birth: CalendarDate;
  id: string;
  address: string;
  /** 选民小组 */
  group: string;
  village: string;
}

/** Real ethnic groups, weighted for a county in north-west Hunan (土家族, 回族 and 维吾尔族 do live there). */
const ETHNICITIES = new WeightedTable<string>([
  ['汉族', 900], ['土家族', 40], ['回族', 15], ['维吾尔族', 8], ['苗族', 10], ['侗族', 5], ['满族', 5],
  ['蒙古族', 5], ['壮族', 5], ['瑶族', 4], ['白族', 3],
]);

export function randomEthnicity(rng: Random): string {
  return ETHNICITIES.pick(rng);
}

/** Age bands of an adult rural population (years completed on election day). */
const AGE_BANDS = new WeightedTable<[number, number]>([
  [[18, 29], 15], [[30, 39], 15], [[40, 49], 18], [[50, 59], 22], [[60, 69], 17], [[70, 79], 9], [[80, 95], 4],
]);

const MS_PER_DAY = 86400000;

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The latest birth date of someone who is 18 on the election day (born on or before it is old enough). */
export function latestAdultBirth(election: CalendarDate): CalendarDate {
  let b: CalendarDate = { year: election.year - 18, month: election.month, day: election.day };
  if (b.month === 2 && b.day === 29 && !isLeapYear(b.year)) b = { year: b.year, month: 2, day: 28 };
  while (!hasReachedAge(b, 18, election)) b = addDays(b, -1);
  while (hasReachedAge(addDays(b, 1), 18, election)) b = addDays(b, 1);
  return b;
}

/** A birth date of someone aged between minAge and maxAge (completed years) on the election day. */
export function birthForAge(rng: Random, election: CalendarDate, minAge: number, maxAge: number): CalendarDate {
  const age = rng.int(minAge, maxAge);
  // Born between (age+1) years and age years before the election day.
  const newest: CalendarDate = { year: election.year - age, month: election.month, day: Math.min(election.day, 28) };
  return addDays(newest, -rng.int(0, 364));
}

/** An adult's birth date drawn from the age bands; always 18 or older on the election day. */
export function adultBirth(rng: Random, election: CalendarDate): CalendarDate {
  for (;;) {
    const [lo, hi] = AGE_BANDS.pick(rng);
    const birth = birthForAge(rng, election, lo, hi);
    if (hasReachedAge(birth, 18, election)) return birth;
  }
}

/** Region codes of birthplaces: the county itself, its neighbours, and a few other provinces' counties. */
export class Birthplaces {
  private readonly county: string;
  private readonly neighbours: string[];
  private readonly elsewhere: string[];

  constructor(county = COUNTY_CODE) {
    this.neighbours = regionsUnder(county.slice(0, 4)).map((r) => r.code).filter((c) => c !== county);
    this.elsewhere = ['4301', '4306', '4209', '4210', '5001', '4401', '3301', '3205']
      .flatMap((p) => regionsUnder(p).map((r) => r.code));
    this.county = county;
  }

  pick(rng: Random): string {
    const x = rng.next();
    if (x < 0.9) return this.county;
    if (x < 0.97) return rng.pick(this.neighbours);
    return rng.pick(this.elsewhere);
  }

  isLocal(code: string): boolean {
    return code.slice(0, 4) === this.county.slice(0, 4);
  }
}

/**
 * Hands out IDs that are unique across the whole sample: one sequence number per (region, birth date, sex
 * parity) is never reused. `want` asks for a check character that is X (for planting a lower-case x) or a
 * digit whose numeric value a double cannot hold exactly (for planting a precision-lost number).
 */
export class IdAllocator {
  private readonly used = new Map<string, Set<number>>();

  allocate(rng: Random, region: string, birth: CalendarDate, sex: Sex, want?: 'X' | 'lossyNumber'): string {
    const key = region + (birth.year * 10000 + birth.month * 100 + birth.day);
    let used = this.used.get(key);
    if (!used) this.used.set(key, (used = new Set()));
    const start = rng.int(0, 999);
    for (let i = 0; i < 1000; i++) {
      const seq = (start + i * 37) % 1000; // 37 is coprime with 1000: visits every number once
      if ((seq % 2 === 1) !== (sex === 'male') || used.has(seq)) continue;
      const id = makeId(region, birth, seq, sex);
      if (want === 'X' && id[17] !== 'X') continue;
      if (want === 'lossyNumber' && (id[17] === 'X' || BigInt(Number(id)) === BigInt(id))) continue;
      used.add(seq);
      return id;
    }
    throw new Error(`no free ID sequence for ${key}`);
  }
}

/**
 * Remembers who exists so that no two people look like the same person by accident: the same name
 * (by sound, tones ignored) and the same birth date. Keys are 31-bit hashes; a rare false match only
 * makes the generator draw another name.
 */
export class LookalikeGuard {
  private readonly seen = new Set<number>();

  private key(name: string, birth: CalendarDate): number {
    return hashString(`${namePinyin(name)}|${birth.year * 10000 + birth.month * 100 + birth.day}`) & 0x7fffffff;
  }

  has(name: string, birth: CalendarDate): boolean {
    return this.seen.has(this.key(name, birth));
  }

  add(name: string, birth: CalendarDate): void {
    this.seen.add(this.key(name, birth));
  }
}

export interface Village {
  name: string;
  groups: number;
}

const VILLAGE_STEMS = [
  '桃花', '青山', '柳树', '白鹤', '杨溪', '龙潭', '枫林', '双河', '金鸡', '马鞍', '黄土', '竹园', '莲花', '梅溪',
  '凤凰', '狮子', '牛角', '茶园', '杉木', '梨树', '荷花', '高桥', '新桥', '横山', '沙坪', '松林', '樟树', '大坪',
  '平山', '太平', '兴隆', '永安', '福星', '红旗', '光明', '胜利', '东风', '石桥', '水口', '鹿鸣', '观音', '白马',
  '岩门', '泉水', '河洑', '官桥', '花园', '三星', '五里', '七里', '九龙', '长岭', '燕子', '杨柳', '金星', '银杏',
  '团山', '白沙', '清泉', '丰收', '先锋', '建设', '和平', '友谊', '育才', '新华', '东山', '西湖', '南岳', '北斗',
  '青龙', '白虎', '仙峰', '乌云', '碧溪', '铁山', '金竹', '田家', '李家', '王家', '张家', '周家', '陈家', '彭家',
  '罗家', '毛家', '易家', '黄家', '刘家', '向家', '唐家', '谭家', '龚家', '邓家', '熊家', '石家', '万家', '曾家',
  '姚家', '杜家', '苏家', '覃家', '蔡家', '何家', '文家', '方家', '冯家', '胡家', '高家', '孙家', '丁家', '江家',
  '邹家', '贺家', '范家', '潘家', '戴家', '肖家',
];

/** Villages (村) and one community (社区) per district, each with 4–12 groups (组); names unique in the town. */
export function makeVillages(rng: Random, districtCount: number): Village[][] {
  const stems = [...VILLAGE_STEMS];
  for (let i = stems.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [stems[i], stems[j]] = [stems[j], stems[i]];
  }
  let next = 0;
  const out: Village[][] = [];
  for (let d = 0; d < districtCount; d++) {
    const count = rng.int(1, 3);
    const villages: Village[] = [];
    for (let v = 0; v < count; v++) {
      const stem = next < stems.length ? stems[next] : `${stems[next % stems.length]}${Math.floor(next / stems.length) + 1}`;
      next++;
      const suffix = d === 0 && v === 0 ? '社区' : '村';
      villages.push({ name: stem + suffix, groups: rng.int(4, 12) });
    }
    out.push(villages);
  }
  return out;
}

export interface Household {
  village: string;
  address: string;
  group: string;
}

export function randomHousehold(rng: Random, villages: Village[]): Household {
  const v = rng.pick(villages);
  const g = rng.int(1, v.groups);
  return { village: v.name, address: `${TOWN_NAME}${v.name}${g}组${rng.int(1, 88)}号`, group: `${v.name}第${g}小组` };
}

/** A new person: a name not yet used by anyone with the same birth date (see LookalikeGuard). */
export function newPerson(
  rng: Random,
  parts: {
    sex: Sex; birth: CalendarDate; region: string; household: Household; ethnicity?: string; surname?: string;
    wantId?: 'X' | 'lossyNumber'; nameCheck?: (name: string) => boolean;
  },
  guard: LookalikeGuard,
  ids: IdAllocator,
): Person {
  let name = randomName(rng, parts.sex, parts.surname);
  for (let tries = 0; guard.has(name, parts.birth) || (parts.nameCheck && !parts.nameCheck(name)); tries++) {
    name = randomName(rng, parts.sex, tries < 20 ? parts.surname : undefined);
  }
  guard.add(name, parts.birth);
  return {
    name,
    sex: parts.sex,
    ethnicity: parts.ethnicity ?? randomEthnicity(rng),
    birth: parts.birth,
    id: ids.allocate(rng, parts.region, parts.birth, parts.sex, parts.wantId),
    address: parts.household.address,
    group: parts.household.group,
    village: parts.household.village,
  };
}
