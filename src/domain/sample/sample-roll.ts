/**
 * The sample-data generator: deterministic (seeded) voter-roll workbooks that look like a real town's, with a
 * population register, a district table and a list of people deprived of political rights, and a known list
 * of planted defects (the ground truth) for tests and benchmarks to score the engine's findings against.
 *
 * Pure: no files, no ExcelJS. `generateSample` returns everything in memory; for big samples (up to
 * 1,000,000 rows) `startSample` gives the roll rows one at a time and the rest once they have been consumed.
 */
import { CalendarDate, formatDate, hasReachedAge, isLeapYear, ageOn, parseIsoDate } from '../common/calendar-date';
import { Message } from '../common/problem';
import { regionName, regionsUnder } from '../id/regions';
import { CellValue, columnLetter, MergedArea } from '../workbook/sheet-grid';
import { defectCount, DistrictSpan, planDefects, DefectPlan, Slot, toFullWidth, withMistypedDigit, withWrongCheck } from './defects';
import { countByCode, EdgeCase, GroundTruth, PlantedDefect, TruthLocation } from './ground-truth';
import { hasHomophone, homophoneVariant } from './names';
import {
  addDays, adultBirth, Birthplaces, birthForAge, COUNTY_CODE, Household, IdAllocator, latestAdultBirth, LookalikeGuard,
  makeVillages, newPerson, Person, randomHousehold, TOWN_NAME, Village,
} from './people';
import { Random } from './random';

export type { GroundTruth, PlantedDefect, EdgeCase, TruthLocation } from './ground-truth';

export interface SampleOptions {
  /** Default 20261215. */
  seed?: number;
  /** Roll rows in all, 50 … 1,000,000; default 500. */
  rows?: number;
  /** Default: rows/400 rounded, at least 3 and at most 40. */
  districts?: number;
  /** Default per-district. */
  layout?: 'per-district' | 'single-sheet';
  /** YYYY-MM-DD, default 2026-12-15. */
  electionDate?: string;
  /** Plant defects (default true); false gives a clean sample with no error findings. */
  defects?: boolean;
}

/** How the writer should format a column. */
export interface SampleColumn {
  header: string;
  width: number;
  /** text: cells are text (ID numbers); date: date cells shown as yyyy-mm-dd. */
  kind?: 'text' | 'date';
}

export interface SampleSheet {
  name: string;
  /** Rows from Excel row 1, column A. Empty arrays are blank rows. */
  rows: CellValue[][];
  merges?: MergedArea[];
  columns?: SampleColumn[];
  /** Excel rows of the title (bold, large) and the header row (bold), when the sheet has them. */
  titleRow?: number;
  headerRow?: number;
}

export interface SampleWorkbook {
  file: string;
  sheets: SampleSheet[];
}

export interface Sample {
  options: Required<SampleOptions>;
  /** The real county the sample is set in; `name` is its short name (桃源县), `fullName` with province and city. */
  county: { code: string; name: string; fullName: string };
  /** The made-up town (镇) of the titles and addresses. */
  town: string;
  /** sample-roll.xlsx: one sheet per district (第一选区 …) or one sheet 选民名单 with a 选区 column. */
  roll: SampleWorkbook;
  /** sample-register.xlsx, sheet 户籍人口: residents, children and people missing from the roll included. */
  register: SampleWorkbook;
  /** sample-districts.xlsx, sheet 选区划分: 选区, 人口数. */
  districts: SampleWorkbook;
  /** sample-exclusions.xlsx, sheet 剥夺政治权利人员名单: 姓名, 身份证号, 原因. */
  exclusions: SampleWorkbook;
  truth: GroundTruth;
}

/** A roll sheet without its rows (they come from `SampleRun.rollRows`). */
export type SampleSheetOutline = Omit<SampleSheet, 'rows'> & { rowCount: number };

/** One roll row in file order: the index of its sheet in `rollSheets`, and its cells from column A. */
export interface RollRow {
  sheet: number;
  row: CellValue[];
}

/**
 * A sample being generated row by row. Consume `rollRows()` once (all of it), then call `finish()` for the
 * register, district table, exclusion list and ground truth, which are filled in as the rows go by.
 */
export interface SampleRun {
  options: Required<SampleOptions>;
  county: Sample['county'];
  town: string;
  rollFile: string;
  rollSheets: SampleSheetOutline[];
  rollRows(): Generator<RollRow, void, undefined>;
  finish(): Omit<Sample, 'roll'>;
}

export const SAMPLE_FILES = {
  roll: 'sample-roll.xlsx',
  register: 'sample-register.xlsx',
  districts: 'sample-districts.xlsx',
  exclusions: 'sample-exclusions.xlsx',
  truth: 'sample-truth.json',
} as const;

export const REGISTER_SHEET = '户籍人口';
export const DISTRICTS_SHEET = '选区划分';
export const EXCLUSIONS_SHEET = '剥夺政治权利人员名单';
export const SINGLE_ROLL_SHEET = '选民名单';

/** The population register covers the first districts up to this many roll rows (all of a normal-sized sample). */
export const REGISTER_ROLL_CAP = 20000;

export const MIN_ROWS = 50;
export const MAX_ROWS = 1_000_000;

/** Options a sample cannot be made from; the message says which and why, in Chinese and English. */
export class SampleOptionError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
    this.name = 'SampleOptionError';
  }
}

export function resolveSampleOptions(options: SampleOptions = {}): Required<SampleOptions> {
  const seed = options.seed ?? 20261215;
  const rows = options.rows ?? 500;
  const layout = options.layout ?? 'per-district';
  const electionDate = options.electionDate ?? '2026-12-15';
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new SampleOptionError({ zh: `种子 ${seed} 无效：应为 0 到 4294967295 之间的整数。`, en: `Seed ${seed} is invalid: it must be an integer from 0 to 4294967295.` });
  }
  if (!Number.isInteger(rows) || rows < MIN_ROWS || rows > MAX_ROWS) {
    throw new SampleOptionError({ zh: `行数 ${rows} 无效：应为 ${MIN_ROWS} 到 ${MAX_ROWS} 之间的整数。`, en: `Rows ${rows} is invalid: it must be an integer from ${MIN_ROWS} to ${MAX_ROWS}.` });
  }
  const districts = options.districts ?? Math.min(40, Math.max(3, Math.round(rows / 400)));
  if (!Number.isInteger(districts) || districts < 1 || districts > 99 || rows / districts < 10) {
    throw new SampleOptionError({
      zh: `选区数 ${districts} 无效：应为 1 到 99 之间的整数，且每个选区至少 10 行（${rows} 行最多 ${Math.min(99, Math.floor(rows / 10))} 个选区）。`,
      en: `Districts ${districts} is invalid: it must be an integer from 1 to 99 with at least 10 rows each (at most ${Math.min(99, Math.floor(rows / 10))} for ${rows} rows).`,
    });
  }
  if (layout !== 'per-district' && layout !== 'single-sheet') {
    throw new SampleOptionError({ zh: `版式 ${String(layout)} 无效：应为 per-district 或 single-sheet。`, en: `Layout ${String(layout)} is invalid: it must be per-district or single-sheet.` });
  }
  const election = parseIsoDate(electionDate);
  if (!election || election.year < 1950 || election.year > 2100) {
    throw new SampleOptionError({ zh: `选举日 ${electionDate} 无效：应为 YYYY-MM-DD 格式的真实日期（1950–2100 年）。`, en: `Election date ${electionDate} is invalid: it must be a real date YYYY-MM-DD (years 1950–2100).` });
  }
  return { seed, rows, districts, layout, electionDate: formatDate(election), defects: options.defects ?? true };
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 40 → 四十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

const PER_DISTRICT_COLUMNS: SampleColumn[] = [
  { header: '序号', width: 6 }, { header: '姓名', width: 10 }, { header: '性别', width: 6 }, { header: '民族', width: 10 },
  { header: '出生日期', width: 13, kind: 'date' }, { header: '公民身份号码', width: 22, kind: 'text' },
  { header: '家庭住址', width: 28 }, { header: '选民小组', width: 18 }, { header: '备注', width: 8 },
];
const SINGLE_SHEET_COLUMNS: SampleColumn[] = [
  PER_DISTRICT_COLUMNS[0], PER_DISTRICT_COLUMNS[1], { header: '选区', width: 10 }, ...PER_DISTRICT_COLUMNS.slice(2),
];
const REGISTER_COLUMNS: SampleColumn[] = [
  { header: '序号', width: 7 }, { header: '姓名', width: 10 }, { header: '性别', width: 6 }, { header: '民族', width: 10 },
  { header: '出生日期', width: 13, kind: 'date' }, { header: '公民身份号码', width: 22, kind: 'text' },
  { header: '住址', width: 28 }, { header: '选区', width: 10 },
];
const EXCLUSION_COLUMNS: SampleColumn[] = [
  { header: '姓名', width: 10 }, { header: '身份证号', width: 22, kind: 'text' }, { header: '原因', width: 40 },
];
const DISTRICT_COLUMNS: SampleColumn[] = [{ header: '选区', width: 12 }, { header: '人口数', width: 10 }];

const EXCLUSION_REASONS = [
  '被判处有期徒刑三年，附加剥夺政治权利一年',
  '被判处有期徒刑五年，附加剥夺政治权利二年',
  '被判处管制，附加剥夺政治权利一年',
  '被判处无期徒刑，剥夺政治权利终身',
];

function dateCell(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function sexText(sex: 'male' | 'female'): string {
  return sex === 'male' ? '男' : '女';
}

interface District extends DistrictSpan {
  name: string;
  villages: Village[];
  population: number;
}

class SampleBuilder implements SampleRun {
  readonly options: Required<SampleOptions>;
  readonly county: Sample['county'];
  readonly town = TOWN_NAME;
  readonly rollFile = SAMPLE_FILES.roll;
  readonly rollSheets: SampleSheetOutline[];

  private readonly election: CalendarDate;
  private readonly districts: District[];
  private readonly coveredRows: number;
  private readonly plan: DefectPlan;
  private readonly rng: Random;
  private readonly guard = new LookalikeGuard();
  private readonly ids = new IdAllocator();
  private readonly birthplaces = new Birthplaces(COUNTY_CODE);
  private readonly columns: SampleColumn[];
  private readonly col: Record<string, string> = {};

  private readonly pending = new Map<number, Person>();
  private readonly registerRows: CellValue[][] = [];
  private readonly exclusionRows: CellValue[][] = [];
  private readonly defects: PlantedDefect[] = [];
  private readonly edgeCases: EdgeCase[] = [];
  private started = false;
  private done = false;

  constructor(options: SampleOptions) {
    this.options = resolveSampleOptions(options);
    const { seed, rows, districts: count } = this.options;
    this.election = parseIsoDate(this.options.electionDate)!;
    const short = regionsUnder(COUNTY_CODE).find((r) => r.code === COUNTY_CODE)!.name;
    this.county = { code: COUNTY_CODE, name: short, fullName: regionName(COUNTY_CODE)! };

    // Districts of unequal size (±25%), each with its villages and a population about 1.35 × its roll.
    const layoutRng = Random.derive(seed, 'districts');
    const weights = Array.from({ length: count }, () => 0.75 + layoutRng.next() * 0.5);
    const sum = weights.reduce((a, b) => a + b, 0);
    const sizes = weights.map((w) => Math.max(10, Math.floor((rows * w) / sum)));
    let excess = sizes.reduce((a, b) => a + b, 0) - rows;
    for (let i = 0; excess !== 0; i = (i + 1) % count) {
      if (excess > 0 && sizes[i] > 10) { sizes[i]--; excess--; } else if (excess < 0) { sizes[i]++; excess++; }
    }
    const villages = makeVillages(layoutRng, count);
    let start = 0;
    this.districts = sizes.map((n, i) => {
      const d: District = { name: `第${chineseNumeral(i + 1)}选区`, start, count: n, villages: villages[i], population: Math.round(n * (1.3 + layoutRng.next() * 0.1)) };
      start += n;
      return d;
    });
    let covered = 0;
    for (const d of this.districts) {
      if (covered > 0 && covered + d.count > REGISTER_ROLL_CAP) break;
      covered += d.count;
    }
    this.coveredRows = covered;
    this.plan = planDefects(Random.derive(seed, 'plan'), this.districts, covered, this.options.defects);
    this.rng = Random.derive(seed, 'people');

    this.columns = this.options.layout === 'per-district' ? PER_DISTRICT_COLUMNS : SINGLE_SHEET_COLUMNS;
    this.columns.forEach((c, i) => { this.col[c.header] = columnLetter(i + 1); });
    const merges = [{ startRow: 1, startColumn: 1, endRow: 1, endColumn: this.columns.length }];
    const outline = (name: string, dataRows: number): SampleSheetOutline =>
      ({ name, merges, columns: this.columns, titleRow: 1, headerRow: 3, rowCount: dataRows + 4 });
    this.rollSheets = this.options.layout === 'per-district'
      ? this.districts.map((d) => outline(d.name, d.count))
      : [outline(SINGLE_ROLL_SHEET, rows)];
  }

  // ---- where things are -------------------------------------------------------------------------------

  private districtOf(g: number): number {
    let lo = 0;
    let hi = this.districts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.districts[mid].start <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private loc(g: number): TruthLocation {
    if (this.options.layout === 'single-sheet') return { file: SAMPLE_FILES.roll, sheet: SINGLE_ROLL_SHEET, row: 4 + g };
    const d = this.districts[this.districtOf(g)];
    return { file: SAMPLE_FILES.roll, sheet: d.name, row: 4 + g - d.start };
  }

  private defect(code: string, at: TruthLocation, note: string, column?: string, related?: TruthLocation[]): void {
    this.defects.push({
      code, file: at.file, sheet: at.sheet, row: at.row, ...(column ? { column } : {}), ...(related ? { related } : {}), note,
    });
  }

  // ---- people -----------------------------------------------------------------------------------------

  private person(household: Household, parts: { birth?: CalendarDate; sex?: 'male' | 'female'; region?: string; wantId?: 'X' | 'lossyNumber'; nameCheck?: (n: string) => boolean; surname?: string } = {}): Person {
    const rng = this.rng;
    const sex = parts.sex ?? (rng.chance(0.51) ? 'male' : 'female');
    const birth = parts.birth ?? adultBirth(rng, this.election);
    const region = parts.region ?? this.birthplaces.pick(rng);
    return newPerson(rng, { sex, birth, region, household, wantId: parts.wantId, nameCheck: parts.nameCheck, surname: parts.surname }, this.guard, this.ids);
  }

  private underageBirth(variant: Slot['variant']): CalendarDate {
    const e = this.election;
    if (variant === 'dayAfter') return addDays(latestAdultBirth(e), 1);
    if (variant === 'feb29') {
      for (let y = e.year - 18; ; y++) {
        if (isLeapYear(y) && !hasReachedAge({ year: y, month: 2, day: 29 }, 18, e)) return { year: y, month: 2, day: 29 };
      }
    }
    for (;;) {
      const b = birthForAge(this.rng, e, 17, 17);
      if (!hasReachedAge(b, 18, e)) return b;
    }
  }

  private feb29Adult(): CalendarDate {
    for (let y = this.election.year - 18; ; y--) {
      if (isLeapYear(y) && hasReachedAge({ year: y, month: 2, day: 29 }, 18, this.election)) return { year: y, month: 2, day: 29 };
    }
  }

  private remarks(p: Person): string | null {
    const rng = this.rng;
    const age = ageOn(p.birth, this.election);
    if (age < 18) return '新增';
    if (age === 18 && rng.chance(0.8)) return '新增';
    if (p.id.slice(0, 6) !== COUNTY_CODE && rng.chance(0.4)) return '迁入';
    const x = rng.next();
    if (x < 0.03) return '外出';
    if (x < 0.05) return '委托';
    return null;
  }

  private birthCell(b: CalendarDate): CellValue {
    const x = this.rng.next();
    if (x < 0.8) return dateCell(b);
    if (x < 0.92) return `${b.year}.${String(b.month).padStart(2, '0')}.${String(b.day).padStart(2, '0')}`;
    return `${b.year}年${b.month}月${b.day}日`;
  }

  // ---- the roll ---------------------------------------------------------------------------------------

  *rollRows(): Generator<RollRow, void, undefined> {
    if (this.started) throw new Error('rollRows() can be consumed only once per SampleRun');
    this.started = true;
    const titlePrefix = `${this.county.name}${TOWN_NAME}`;
    const header = this.columns.map((c) => c.header);
    if (this.options.layout === 'per-district') {
      for (let s = 0; s < this.districts.length; s++) {
        const d = this.districts[s];
        yield { sheet: s, row: [`${titlePrefix}${d.name}选民名单`] };
        yield { sheet: s, row: [] };
        yield { sheet: s, row: header };
        for (let g = d.start; g < d.start + d.count; g++) yield { sheet: s, row: this.dataRow(g, g - d.start + 1) };
        yield { sheet: s, row: [`合计：${d.count}人`] };
      }
    } else {
      yield { sheet: 0, row: [`${titlePrefix}选民名单`] };
      yield { sheet: 0, row: [] };
      yield { sheet: 0, row: header };
      for (let g = 0; g < this.options.rows; g++) yield { sheet: 0, row: this.dataRow(g, g + 1) };
      yield { sheet: 0, row: [`合计：${this.options.rows}人`] };
    }
    this.done = true;
  }

  private dataRow(g: number, seq: number): CellValue[] {
    const rng = this.rng;
    const di = this.districtOf(g);
    const district = this.districts[di];
    const slot = this.plan.slots.get(g);
    const household = randomHousehold(rng, district.villages);
    const at = this.loc(g);
    const idCol = this.col['公民身份号码'];
    let person: Person;
    let nameCell: CellValue | undefined;
    let sexCell: string | undefined;
    let idCell: CellValue | undefined;
    let inRegister = true;

    switch (slot?.kind) {
      case undefined:
        person = this.person(household);
        break;
      case 'dupSource':
        person = this.person(household);
        this.pending.set(g, person);
        break;
      case 'posSource':
        person = this.person(household, { nameCheck: slot.needsHomophone ? hasHomophone : undefined });
        this.pending.set(g, person);
        break;
      case 'dupCopy': {
        const source = this.pending.get(slot.source!)!;
        this.pending.delete(slot.source!);
        person = slot.cross ? { ...source, address: household.address, group: household.group, village: household.village } : { ...source };
        inRegister = false;
        const from = this.loc(slot.source!);
        const where = slot.cross ? `registered in ${from.sheet} and again in ${at.sheet}` : `registered twice in ${at.sheet}`;
        this.defect('DUPLICATE_ID', from, `${source.name} ${source.id} ${where} (rows ${from.row} and ${at.row})`, idCol, [at]);
        this.defect('DUPLICATE_ID', at, `${source.name} ${source.id} ${where} (rows ${from.row} and ${at.row})`, idCol, [from]);
        break;
      }
      case 'posCopy': {
        const source = this.pending.get(slot.source!)!;
        this.pending.delete(slot.source!);
        const name = slot.identicalName ? source.name : homophoneVariant(source.name, rng) ?? source.name;
        const typo = withMistypedDigit(source.id, rng);
        person = { ...source, name, id: typo.id };
        inRegister = false;
        const from = this.loc(slot.source!);
        const how = name === source.name ? `same name ${name}` : `homophone ${source.name}/${name}`;
        const note = `${how}, same birth date, sex and address; ID ${source.id} with digit ${typo.position} mistyped: ${typo.id}`;
        this.defect('POSSIBLE_DUPLICATE', from, note, undefined, [at]);
        this.defect('POSSIBLE_DUPLICATE', at, note, undefined, [from]);
        this.defect('ID_CHECKSUM', at, `digit ${typo.position} of ${source.id} mistyped: ${typo.id} (second registration of row ${from.row})`, idCol);
        break;
      }
      case 'checksum': {
        person = this.person(household);
        const wrong = withWrongCheck(person.id, rng);
        idCell = wrong;
        inRegister = false;
        this.defect('ID_CHECKSUM', at, `check character of ${person.id} changed: ${wrong}`, idCol);
        break;
      }
      case 'precision':
        person = this.person(household, { wantId: 'lossyNumber' });
        idCell = Number(person.id);
        inRegister = false;
        this.defect('ID_PRECISION_LOST', at, `ID ${person.id} stored as the number ${BigInt(idCell).toString()}`, idCol);
        break;
      case 'underage': {
        const birth = this.underageBirth(slot.variant);
        person = this.person(household, { birth, region: COUNTY_CODE });
        const what = slot.variant === 'dayAfter' ? 'turns 18 the day after the election'
          : slot.variant === 'feb29' ? 'born on 29 February, not yet 18 on election day' : 'aged 17 on election day';
        this.defect('UNDERAGE', at, `${person.name} born ${formatDate(birth)}: ${what}`);
        break;
      }
      case 'blankName':
        person = this.person(household);
        nameCell = null;
        this.defect('REQUIRED_MISSING', at, `姓名 left blank (the person is ${person.name}, ${person.id})`, this.col['姓名']);
        break;
      case 'blankId':
        person = this.person(household);
        idCell = null;
        inRegister = false;
        this.defect('REQUIRED_MISSING', at, `公民身份号码 left blank (${person.name}'s ID is ${person.id})`, idCol);
        break;
      case 'lowerX':
        person = this.person(household, { wantId: 'X' });
        idCell = `${person.id.slice(0, 17)}x`;
        this.defect('ID_LOWERCASE_X', at, `check character typed as lower-case x: ${idCell}`, idCol);
        break;
      case 'fullWidth':
        person = this.person(household);
        idCell = toFullWidth(person.id);
        this.defect('ID_FULLWIDTH', at, `ID ${person.id} typed with full-width digits`, idCol);
        break;
      case 'sexMismatch':
        person = this.person(household, { sex: 'male' });
        sexCell = '女';
        this.defect('SEX_MISMATCH', at, `性别 says 女 but ID ${person.id} is a man's (17th digit odd)`, this.col['性别']);
        break;
      case 'ineligible': {
        person = this.person(household);
        this.exclusionRows.push([person.name, person.id, rng.pick(EXCLUSION_REASONS)]);
        const listed = { file: SAMPLE_FILES.exclusions, sheet: EXCLUSIONS_SHEET, row: this.exclusionRows.length + 1 };
        this.defect('INELIGIBLE_LISTED', at, `${person.name} ${person.id} is on the exclusion list (row ${listed.row}) but also on the roll`, undefined, [listed]);
        break;
      }
      case 'exact18': {
        const birth = latestAdultBirth(this.election);
        person = this.person(household, { birth, region: COUNTY_CODE });
        this.edgeCases.push({ ...at, note: `born ${formatDate(birth)}: turns 18 on election day ${this.options.electionDate}; eligible, NOT underage` });
        break;
      }
      case 'feb29Adult': {
        const birth = this.feb29Adult();
        person = this.person(household, { birth, region: COUNTY_CODE });
        this.edgeCases.push({ ...at, note: `born ${formatDate(birth)} (29 February): 18 or older on election day; eligible, NOT underage` });
        break;
      }
    }

    const remark = this.remarks(person);
    const cells: CellValue[] = [
      seq,
      nameCell === undefined ? person.name : nameCell,
      sexCell ?? sexText(person.sex),
      person.ethnicity,
      this.birthCell(person.birth),
      idCell === undefined ? person.id : idCell,
      person.address,
      person.group,
      remark,
    ];
    if (this.options.layout === 'single-sheet') cells.splice(2, 0, district.name);

    if (g < this.coveredRows) this.registerAfter(g, person, inRegister, district);
    return cells;
  }

  // ---- the register -----------------------------------------------------------------------------------

  private addToRegister(p: Person, district: District): TruthLocation {
    this.registerRows.push([this.registerRows.length + 1, p.name, sexText(p.sex), p.ethnicity, dateCell(p.birth), p.id, p.address, district.name]);
    return { file: SAMPLE_FILES.register, sheet: REGISTER_SHEET, row: this.registerRows.length + 1 };
  }

  private registerAfter(g: number, person: Person, inRegister: boolean, district: District): void {
    const rng = this.rng;
    const household: Household = { address: person.address, group: person.group, village: person.village };
    if (inRegister) this.addToRegister(person, district);
    if (rng.chance(0.3)) {
      const child = this.person(household, { birth: birthForAge(rng, this.election, 0, 17), region: COUNTY_CODE, surname: person.name.length > 0 && rng.chance(0.8) ? person.name.slice(0, person.name.startsWith('欧阳') || person.name.startsWith('司马') || person.name.startsWith('诸葛') ? 2 : 1) : undefined });
      this.addToRegister(child, district);
    }
    for (const extra of this.plan.registerExtras.get(g) ?? []) {
      const other = randomHousehold(rng, district.villages);
      if (extra === 'missing') {
        const birth = rng.chance(0.4) ? birthForAge(rng, this.election, 18, 18) : adultBirth(rng, this.election);
        const p = this.person(other, { birth });
        const at = this.addToRegister(p, district);
        this.defect('NOT_REGISTERED', at, `${p.name} ${p.id}, born ${formatDate(p.birth)}, lives in ${district.name} and is on no roll`);
      } else {
        const p = this.person(other);
        const at = this.addToRegister(p, district);
        this.exclusionRows.push([p.name, p.id, rng.pick(EXCLUSION_REASONS)]);
        this.edgeCases.push({ ...at, note: `${p.name} is on the exclusion list (row ${this.exclusionRows.length + 1}); correctly absent from the roll, NOT a missing voter` });
      }
    }
  }

  // ---- the rest ---------------------------------------------------------------------------------------

  finish(): Omit<Sample, 'roll'> {
    if (!this.done) {
      if (this.started) throw new Error('finish() called before rollRows() was consumed');
      for (const _ of this.rollRows()) { /* generate and discard */ }
    }
    const fileOrder: string[] = [SAMPLE_FILES.roll, SAMPLE_FILES.register, SAMPLE_FILES.exclusions];
    const sheetOrder = new Map(this.rollSheets.map((s, i) => [s.name, i]));
    const order = (a: TruthLocation & { code?: string }, b: TruthLocation & { code?: string }) =>
      fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.row - b.row || (a.code ?? '').localeCompare(b.code ?? '');
    const defects = [...this.defects].sort(order);
    const edgeCases = [...this.edgeCases].sort(order);
    const header = (cols: SampleColumn[]) => cols.map((c) => c.header);
    return {
      options: this.options,
      county: this.county,
      town: this.town,
      register: { file: SAMPLE_FILES.register, sheets: [{ name: REGISTER_SHEET, rows: [header(REGISTER_COLUMNS), ...this.registerRows], columns: REGISTER_COLUMNS, headerRow: 1 }] },
      districts: {
        file: SAMPLE_FILES.districts,
        sheets: [{ name: DISTRICTS_SHEET, rows: [header(DISTRICT_COLUMNS), ...this.districts.map((d) => [d.name, d.population])], columns: DISTRICT_COLUMNS, headerRow: 1 }],
      },
      exclusions: { file: SAMPLE_FILES.exclusions, sheets: [{ name: EXCLUSIONS_SHEET, rows: [header(EXCLUSION_COLUMNS), ...this.exclusionRows], columns: EXCLUSION_COLUMNS, headerRow: 1 }] },
      truth: {
        seed: this.options.seed,
        electionDate: this.options.electionDate,
        rows: this.options.rows,
        layout: this.options.layout,
        defectsPlanted: this.options.defects,
        county: { code: this.county.code, name: this.county.fullName },
        files: { roll: SAMPLE_FILES.roll, register: SAMPLE_FILES.register, districts: SAMPLE_FILES.districts, exclusions: SAMPLE_FILES.exclusions },
        defects,
        edgeCases,
        counts: countByCode(defects),
      },
    };
  }
}

/** Starts generating a sample row by row (for big samples and the streaming writer). */
export function startSample(options: SampleOptions = {}): SampleRun {
  return new SampleBuilder(options);
}

/** The whole sample in memory. */
export function generateSample(options: SampleOptions = {}): Sample {
  const run = startSample(options);
  const sheets: SampleSheet[] = run.rollSheets.map(({ rowCount: _rowCount, ...s }) => ({ ...s, rows: [] }));
  for (const r of run.rollRows()) sheets[r.sheet].rows.push(r.row);
  const rest = run.finish();
  return { ...rest, roll: { file: run.rollFile, sheets } };
}

/** The roll rows of a sample, lazily, in file order (the same rows `generateSample` gives for these options). */
export function* iterateRollRows(options: SampleOptions = {}): Generator<RollRow, void, undefined> {
  yield* startSample(options).rollRows();
}

/** How many of each defect a sample of this many rows gets (see defects.ts). */
export const plantedPerCode = defectCount;
