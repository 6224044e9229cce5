import { pinyin } from 'pinyin-pro';
import { CalendarDate, fromUtcDate, hasReachedAge, parseIsoDate } from '../../../src/domain/common/calendar-date';
import { analyzeId } from '../../../src/domain/id/resident-id';
import { regionName } from '../../../src/domain/id/regions';
import { PLANTED_CODES } from '../../../src/domain/sample/ground-truth';
import {
  chineseNumeral, generateSample, iterateRollRows, resolveSampleOptions, Sample, SampleOptionError, startSample,
} from '../../../src/domain/sample/sample-roll';
import { ETHNIC_GROUPS, normalisedId, parseBirthCell, rollProblemsKey, rollRecords, RollRecord, rowProblems, sameDate, tableRecords } from './inspect';

const py = (name: string) => pinyin(name, { toneType: 'none', type: 'array' }).join('');

interface Parsed {
  sample: Sample;
  election: CalendarDate;
  roll: RollRecord[];
  register: RollRecord[];
  exclusions: RollRecord[];
  at: (file: string, sheet: string, row: number) => RollRecord;
  plantedAt: Map<string, Set<string>>;
}

function parse(sample: Sample): Parsed {
  const roll = rollRecords(sample.roll.file, sample.roll.sheets);
  const register = tableRecords(sample.register.file, sample.register.sheets[0]);
  const exclusions = tableRecords(sample.exclusions.file, sample.exclusions.sheets[0]);
  const index = new Map<string, RollRecord>();
  for (const r of [...roll, ...register, ...exclusions]) index.set(rollProblemsKey(r), r);
  const plantedAt = new Map<string, Set<string>>();
  for (const d of sample.truth.defects) {
    const k = rollProblemsKey(d);
    if (!plantedAt.has(k)) plantedAt.set(k, new Set());
    plantedAt.get(k)!.add(d.code);
  }
  return {
    sample, roll, register, exclusions, plantedAt,
    election: parseIsoDate(sample.options.electionDate)!,
    at: (file, sheet, row) => {
      const r = index.get(rollProblemsKey({ file, sheet, row }));
      if (!r) throw new Error(`no record at ${file} ${sheet} row ${row}`);
      return r;
    },
  };
}

// Codes a row shows on its own (see rowProblems); the others need two rows or another list.
const ROW_LEVEL = new Set(['ID_CHECKSUM', 'ID_PRECISION_LOST', 'UNDERAGE', 'REQUIRED_MISSING', 'ID_LOWERCASE_X', 'ID_FULLWIDTH', 'SEX_MISMATCH']);

const small = parse(generateSample({ rows: 50 }));
const medium = parse(generateSample({ rows: 500 }));
const large = parse(generateSample({ rows: 5000, seed: 7 }));
const single = parse(generateSample({ rows: 500, layout: 'single-sheet' }));
const clean = parse(generateSample({ rows: 2000, defects: false, seed: 99 }));
const all = { small, medium, large, single, clean };

describe('options', () => {
  it('fills in the documented defaults', () => {
    expect(resolveSampleOptions()).toEqual({ seed: 20261215, rows: 500, districts: 3, layout: 'per-district', electionDate: '2026-12-15', defects: true });
    expect(resolveSampleOptions({ rows: 5000 }).districts).toBe(13);
    expect(resolveSampleOptions({ rows: 1_000_000 }).districts).toBe(40);
    expect(resolveSampleOptions({ rows: 50 }).districts).toBe(3);
  });

  it.each([
    [{ rows: 49 }, /rows 49/i], [{ rows: 1_000_001 }, /rows/i], [{ rows: 500.5 }, /rows/i], [{ seed: -1 }, /seed/i],
    [{ districts: 0 }, /districts/i], [{ rows: 50, districts: 6 }, /at least 10 rows/], [{ electionDate: '2026-02-30' }, /election date/i],
    [{ layout: 'columns' as never }, /layout/i],
  ])('rejects %j with a message in both languages', (options, pattern) => {
    expect(() => resolveSampleOptions(options)).toThrow(SampleOptionError);
    try { resolveSampleOptions(options); } catch (e) {
      expect((e as SampleOptionError).message).toMatch(pattern);
      expect((e as SampleOptionError).text.zh).toMatch(/无效/);
    }
  });

  it('numbers districts in Chinese', () => {
    expect([1, 2, 10, 11, 20, 23, 40, 99].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '二十', '二十三', '四十', '九十九']);
  });
});

describe('determinism', () => {
  it('gives the same sample for the same seed and a different one for another seed', () => {
    expect(generateSample({ rows: 50 })).toEqual(small.sample);
    expect(generateSample({ rows: 5000, seed: 7 })).toEqual(large.sample);
    const other = generateSample({ rows: 50, seed: 1 });
    expect(other.roll.sheets[0].rows.slice(3, 8)).not.toEqual(small.sample.roll.sheets[0].rows.slice(3, 8));
    expect(other.truth.defects).not.toEqual(small.sample.truth.defects);
  });

  it('gives the same roll rows lazily as in memory, and the same rest after them', () => {
    const lazy = [...iterateRollRows({ rows: 5000, seed: 7 })];
    const eager = large.sample.roll.sheets.flatMap((s, i) => s.rows.map((row) => ({ sheet: i, row })));
    expect(lazy).toEqual(eager);
    const run = startSample({ rows: 5000, seed: 7 });
    expect(run.rollSheets.map((s) => s.rowCount)).toEqual(large.sample.roll.sheets.map((s) => s.rows.length));
    const rest = run.finish(); // finishing without reading the rows generates them anyway
    expect(rest.truth).toEqual(large.sample.truth);
    expect(rest.register).toEqual(large.sample.register);
  });
});

describe('how the roll looks', () => {
  it('has a title, a blank row, the headers, the data and a totals row on each district sheet', () => {
    const s = medium.sample;
    expect(s.roll.file).toBe('sample-roll.xlsx');
    expect(s.roll.sheets.map((x) => x.name)).toEqual(['第一选区', '第二选区', '第三选区']);
    let total = 0;
    for (const sheet of s.roll.sheets) {
      expect(sheet.rows[0]).toEqual([`桃源县清溪镇${sheet.name}选民名单`]);
      expect(sheet.rows[1]).toEqual([]);
      expect(sheet.rows[2]).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '家庭住址', '选民小组', '备注']);
      expect(sheet.merges).toEqual([{ startRow: 1, startColumn: 1, endRow: 1, endColumn: 9 }]);
      const n = sheet.rows.length - 4;
      expect(sheet.rows[sheet.rows.length - 1]).toEqual([`合计：${n}人`]);
      expect(sheet.rows.slice(3, -1).map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      total += n;
    }
    expect(total).toBe(500);
    expect(s.county).toEqual({ code: '430725', name: '桃源县', fullName: '湖南省常德市桃源县' });
  });

  it('has one sheet 选民名单 with a 选区 column in the single-sheet layout', () => {
    const s = single.sample;
    expect(s.roll.sheets.map((x) => x.name)).toEqual(['选民名单']);
    const rows = s.roll.sheets[0].rows;
    expect(rows[0]).toEqual(['桃源县清溪镇选民名单']);
    expect(rows[2]).toEqual(['序号', '姓名', '选区', '性别', '民族', '出生日期', '公民身份号码', '家庭住址', '选民小组', '备注']);
    expect(rows).toHaveLength(504);
    expect(new Set(single.roll.map((r) => r.cells['选区']))).toEqual(new Set(['第一选区', '第二选区', '第三选区']));
    // The same people as the per-district layout, in the same order.
    expect(single.roll.map((r) => r.cells['公民身份号码'])).toEqual(medium.roll.map((r) => r.cells['公民身份号码']));
    // Truth locations point at the single sheet, with column letters shifted by the 选区 column.
    expect(s.truth.defects.filter((d) => d.file === 'sample-roll.xlsx').every((d) => d.sheet === '选民名单')).toBe(true);
    expect(s.truth.defects.filter((d) => d.code === 'ID_FULLWIDTH').every((d) => d.column === 'G')).toBe(true);
    expect(medium.sample.truth.defects.filter((d) => d.code === 'ID_FULLWIDTH').every((d) => d.column === 'F')).toBe(true);
  });

  it('mixes birth-date forms: mostly dates, some 1990.01.02 and 1990年1月2日 text', () => {
    const cells = large.roll.map((r) => r.cells['出生日期']);
    const dates = cells.filter((c) => c instanceof Date).length;
    const dotted = cells.filter((c) => typeof c === 'string' && /^\d{4}\.\d{2}\.\d{2}$/.test(c)).length;
    const chinese = cells.filter((c) => typeof c === 'string' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(c)).length;
    expect(dates + dotted + chinese).toBe(cells.length);
    expect(dates / cells.length).toBeGreaterThan(0.7);
    expect(dotted).toBeGreaterThan(100);
    expect(chinese).toBeGreaterThan(100);
    for (const c of cells) if (c instanceof Date) expect(c.getUTCHours() + c.getUTCMinutes()).toBe(0);
  });

  it('uses remarks 新增, 外出, 委托 and 迁入, with 新增 for people just 18', () => {
    const remarks = new Set(large.roll.map((r) => r.cells['备注']));
    for (const r of ['新增', '外出', '委托', '迁入']) expect(remarks).toContain(r);
    for (const r of large.roll) {
      if (r.cells['备注'] === '迁入') expect(String(r.cells['公民身份号码']).slice(0, 6)).not.toBe('430725');
    }
  });
});

describe('the people are realistic and right where nothing is planted', () => {
  it.each(Object.keys(all))('%s: every unplanted row is valid, consistent and adult', (key) => {
    const p = all[key as keyof typeof all];
    let checked = 0;
    for (const r of p.roll) {
      const planted = p.plantedAt.get(rollProblemsKey(r));
      const edge = p.sample.truth.edgeCases.some((e) => rollProblemsKey(e) === rollProblemsKey(r));
      if (planted) continue;
      checked++;
      expect({ at: `${r.sheet}!${r.row}`, problems: rowProblems(r.cells, p.election) }).toEqual({ at: `${r.sheet}!${r.row}`, problems: [] });
      const a = analyzeId(r.cells['公民身份号码']);
      expect(a.valid && a.problems.length === 0).toBe(true);
      expect(regionName(a.regionCode!)).not.toBeNull();
      expect(sameDate(a.birth, parseBirthCell(r.cells['出生日期']))).toBe(true);
      expect(ETHNIC_GROUPS.has(String(r.cells['民族']))).toBe(true);
      expect(String(r.cells['姓名'])).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(String(r.cells['家庭住址'])).toMatch(/^清溪镇.+(村|社区)\d+组\d+号$/);
      if (!edge) expect(hasReachedAge(a.birth!, 18, p.election)).toBe(true);
    }
    expect(checked).toBeGreaterThan(p.roll.length * (p.roll.length < 100 ? 0.5 : 0.8));
  });

  it.each(Object.keys(all))('%s: IDs are unique across the roll except the planted duplicates', (key) => {
    const p = all[key as keyof typeof all];
    const byId = new Map<string, string[]>();
    for (const r of p.roll) {
      const id = normalisedId(r.cells['公民身份号码']);
      if (id) byId.set(id, [...(byId.get(id) ?? []), rollProblemsKey(r)]);
    }
    const dupRows = new Set(p.sample.truth.defects.filter((d) => d.code === 'DUPLICATE_ID').map(rollProblemsKey));
    for (const [id, rows] of byId) {
      if (rows.length > 1) {
        expect({ id, rows: rows.filter((k) => !dupRows.has(k)) }).toEqual({ id, rows: [] });
        expect(rows).toHaveLength(2);
      }
    }
  });

  it.each(Object.keys(all))('%s: nobody looks like someone else (same pinyin name and birth date) unless planted', (key) => {
    const p = all[key as keyof typeof all];
    const pairs = new Set(p.sample.truth.defects.filter((d) => d.code === 'DUPLICATE_ID' || d.code === 'POSSIBLE_DUPLICATE').map(rollProblemsKey));
    const seen = new Map<string, string>();
    for (const r of p.roll) {
      const name = r.cells['姓名'];
      const birth = parseBirthCell(r.cells['出生日期']);
      if (typeof name !== 'string' || !birth || pairs.has(rollProblemsKey(r))) continue;
      const k = `${py(name)}|${birth.year}-${birth.month}-${birth.day}`;
      expect({ k, first: seen.get(k) }).toEqual({ k, first: undefined });
      seen.set(k, rollProblemsKey(r));
    }
  });

  it('draws surnames by frequency: 王, 李 and 张 are the most common', () => {
    const counts = new Map<string, number>();
    for (const r of large.roll) {
      const name = r.cells['姓名'];
      if (typeof name === 'string') counts.set(name[0], (counts.get(name[0]) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s]) => s);
    expect(new Set(top)).toEqual(new Set(['王', '李', '张']));
    expect(counts.size).toBeGreaterThan(60);
    const lengths = large.roll.map((r) => String(r.cells['姓名']).length);
    const two = lengths.filter((n) => n === 2).length / lengths.length;
    expect(two).toBeGreaterThan(0.15);
    expect(two).toBeLessThan(0.45);
  });

  it('is set in one real county: most IDs are 430725, the rest real codes', () => {
    const codes = large.roll.map((r) => normalisedId(r.cells['公民身份号码'])?.slice(0, 6)).filter((c): c is string => !!c);
    const local = codes.filter((c) => c === '430725').length / codes.length;
    expect(local).toBeGreaterThan(0.8);
    expect(local).toBeLessThan(0.97);
    for (const c of new Set(codes)) expect(regionName(c)).not.toBeNull();
  });

  it('has men and women, and a few minority voters', () => {
    const sexes = large.roll.map((r) => r.cells['性别']);
    const men = sexes.filter((s) => s === '男').length / sexes.length;
    expect(men).toBeGreaterThan(0.45);
    expect(men).toBeLessThan(0.57);
    const minority = large.roll.filter((r) => r.cells['民族'] !== '汉族').length / large.roll.length;
    expect(minority).toBeGreaterThan(0.03);
    expect(minority).toBeLessThan(0.2);
  });
});

describe('the planted defects', () => {
  it('plants every code, at least once at 50 rows and a few at 500, in proportion to size', () => {
    for (const code of PLANTED_CODES) {
      expect({ code, n: (small.sample.truth.counts[code] ?? 0) >= 1 }).toEqual({ code, n: true });
      expect({ code, n: (medium.sample.truth.counts[code] ?? 0) >= 2 && medium.sample.truth.counts[code] <= 12 }).toEqual({ code, n: true });
    }
    // About 5 per 1,000 rows: 25 at 5,000 rows (pairs count twice, POSSIBLE_DUPLICATE also adds ID_CHECKSUM).
    for (const code of ['ID_PRECISION_LOST', 'ID_FULLWIDTH', 'ID_LOWERCASE_X', 'SEX_MISMATCH', 'INELIGIBLE_LISTED']) {
      expect(large.sample.truth.counts[code]).toBeGreaterThanOrEqual(20);
      expect(large.sample.truth.counts[code]).toBeLessThanOrEqual(30);
    }
    expect(large.sample.truth.counts.DUPLICATE_ID).toBe(4 * large.sample.truth.counts.ID_FULLWIDTH);
    // Every truth entry is counted.
    expect(Object.values(large.sample.truth.counts).reduce((a, b) => a + b, 0)).toBe(large.sample.truth.defects.length);
  });

  it.each(['small', 'medium', 'large', 'single'])('%s: each row shows exactly the row-level problems its truth lists', (key) => {
    const p = all[key as keyof typeof all];
    for (const r of p.roll) {
      const planted = [...(p.plantedAt.get(rollProblemsKey(r)) ?? [])].filter((c) => ROW_LEVEL.has(c)).sort();
      expect({ at: `${r.sheet}!${r.row}`, found: rowProblems(r.cells, p.election) }).toEqual({ at: `${r.sheet}!${r.row}`, found: planted });
    }
  });

  it.each(['small', 'medium', 'large', 'single'])('%s: each planted defect is what its truth says', (key) => {
    const p = all[key as keyof typeof all];
    const truth = p.sample.truth;
    const rollIds = new Set(p.roll.map((r) => normalisedId(r.cells['公民身份号码'])).filter(Boolean));
    const rollNames = new Set(p.roll.map((r) => `${r.cells['姓名']}|${JSON.stringify(parseBirthCell(r.cells['出生日期']))}`));
    const idColumn = truth.layout === 'per-district' ? 'F' : 'G';
    for (const d of truth.defects) {
      const r = p.at(d.file, d.sheet, d.row);
      const c = r.cells;
      switch (d.code) {
        case 'DUPLICATE_ID': {
          expect(d.column).toBe(idColumn);
          expect(d.related).toHaveLength(1);
          const other = p.at(d.related![0].file, d.related![0].sheet, d.related![0].row);
          expect(analyzeId(c['公民身份号码']).valid).toBe(true);
          expect(other.cells['公民身份号码']).toBe(c['公民身份号码']);
          expect(truth.defects.some((e) => e.code === 'DUPLICATE_ID' && rollProblemsKey(e) === rollProblemsKey(other))).toBe(true);
          break;
        }
        case 'POSSIBLE_DUPLICATE': {
          const other = p.at(d.related![0].file, d.related![0].sheet, d.related![0].row);
          const o = other.cells;
          expect(py(String(c['姓名']))).toBe(py(String(o['姓名'])));
          expect(sameDate(parseBirthCell(c['出生日期']), parseBirthCell(o['出生日期']))).toBe(true);
          expect(c['性别']).toBe(o['性别']);
          expect(c['家庭住址']).toBe(o['家庭住址']);
          expect(r.sheet).toBe(other.sheet);
          const a = String(c['公民身份号码']);
          const b = String(o['公民身份号码']);
          expect([...a.slice(0, 17)].filter((ch, i) => ch !== b[i])).toHaveLength(1);
          // Exactly one of the two is the mistyped one, and its truth lists ID_CHECKSUM too.
          const bad = [r, other].filter((x) => !analyzeId(x.cells['公民身份号码']).valid);
          expect(bad).toHaveLength(1);
          expect(p.plantedAt.get(rollProblemsKey(bad[0]))).toContain('ID_CHECKSUM');
          break;
        }
        case 'ID_CHECKSUM':
          expect(d.column).toBe(idColumn);
          expect(analyzeId(c['公民身份号码']).problems.map((x) => x.code)).toEqual(['ID_CHECKSUM']);
          break;
        case 'ID_PRECISION_LOST': {
          const v = c['公民身份号码'];
          expect(typeof v).toBe('number');
          expect(v as number).toBeGreaterThan(1e17);
          expect(Number.isSafeInteger(v)).toBe(false);
          break;
        }
        case 'UNDERAGE': {
          const a = analyzeId(c['公民身份号码']);
          expect(a.valid).toBe(true);
          expect(hasReachedAge(a.birth!, 18, p.election)).toBe(false);
          expect(hasReachedAge(a.birth!, 0, p.election)).toBe(true); // born by election day
          break;
        }
        case 'NOT_REGISTERED': {
          expect(d.file).toBe('sample-register.xlsx');
          const a = analyzeId(c['公民身份号码']);
          expect(a.valid).toBe(true);
          expect(hasReachedAge(a.birth!, 18, p.election)).toBe(true);
          expect(rollIds.has(a.id18)).toBe(false);
          expect(rollNames.has(`${c['姓名']}|${JSON.stringify(a.birth)}`)).toBe(false);
          break;
        }
        case 'REQUIRED_MISSING':
          expect(['B', idColumn]).toContain(d.column);
          expect(c[d.column === 'B' ? '姓名' : '公民身份号码']).toBeNull();
          break;
        case 'ID_LOWERCASE_X':
          expect(String(c['公民身份号码'])).toMatch(/^\d{17}x$/);
          expect(analyzeId(c['公民身份号码']).problems.map((x) => x.code)).toEqual(['ID_LOWERCASE_X']);
          break;
        case 'ID_FULLWIDTH':
          expect(String(c['公民身份号码'])).toMatch(/^[０-９]{17}[０-９Ｘ]$/);
          expect(analyzeId(c['公民身份号码']).problems.map((x) => x.code)).toEqual(['ID_FULLWIDTH']);
          break;
        case 'SEX_MISMATCH':
          expect(c['性别']).toBe('女');
          expect(analyzeId(c['公民身份号码']).sex).toBe('male');
          break;
        case 'INELIGIBLE_LISTED': {
          const listed = p.at(d.related![0].file, d.related![0].sheet, d.related![0].row);
          expect(listed.sheet).toBe('剥夺政治权利人员名单');
          expect(listed.cells['姓名']).toBe(c['姓名']);
          expect(listed.cells['身份证号']).toBe(c['公民身份号码']);
          expect(String(listed.cells['原因'])).toMatch(/剥夺政治权利/);
          break;
        }
        default:
          throw new Error(`unexpected code ${d.code}`);
      }
    }
  });

  it('plants homophone names, not only identical ones', () => {
    const notes = large.sample.truth.defects.filter((d) => d.code === 'POSSIBLE_DUPLICATE');
    const homophone = notes.filter((d) => {
      const a = large.at(d.file, d.sheet, d.row).cells['姓名'];
      const b = large.at(d.related![0].file, d.related![0].sheet, d.related![0].row).cells['姓名'];
      return a !== b;
    });
    expect(homophone.length).toBeGreaterThan(notes.length / 2);
  });

  it('plants duplicates both within a district and across two districts', () => {
    const dups = medium.sample.truth.defects.filter((d) => d.code === 'DUPLICATE_ID');
    expect(dups.some((d) => d.related![0].sheet === d.sheet)).toBe(true);
    expect(dups.some((d) => d.related![0].sheet !== d.sheet)).toBe(true);
    const singleDups = single.sample.truth.defects.filter((d) => d.code === 'DUPLICATE_ID');
    const district = (d: { file: string; sheet: string; row: number }) => single.at(d.file, d.sheet, d.row).cells['选区'];
    expect(singleDups.some((d) => district(d) !== district(d.related![0]))).toBe(true);
  });
});

describe('ages on election day', () => {
  it('includes someone turning 18 on election day and a 29-February birth, neither a defect', () => {
    for (const p of [small, medium, clean]) {
      const edges = p.sample.truth.edgeCases.filter((e) => e.file === 'sample-roll.xlsx');
      const births = edges.map((e) => analyzeId(p.at(e.file, e.sheet, e.row).cells['公民身份号码']).birth!);
      expect(births).toContainEqual({ year: 2008, month: 12, day: 15 });
      expect(births).toContainEqual({ year: 2008, month: 2, day: 29 });
      for (const b of births) expect(hasReachedAge(b, 18, p.election)).toBe(true);
    }
  });

  it('plants the day-after and 29-February underage cases at the sharp edge when the election is on 28 February', () => {
    const p = parse(generateSample({ rows: 200, electionDate: '2026-02-28' }));
    const underage = p.sample.truth.defects.filter((d) => d.code === 'UNDERAGE')
      .map((d) => analyzeId(p.at(d.file, d.sheet, d.row).cells['公民身份号码']).birth);
    // Born 29 Feb 2008 (the day after 28 Feb 2008): turns 18 on 1 March 2026, one day too late.
    expect(underage).toContainEqual({ year: 2008, month: 2, day: 29 });
    const edges = p.sample.truth.edgeCases.filter((e) => e.file === 'sample-roll.xlsx')
      .map((e) => analyzeId(p.at(e.file, e.sheet, e.row).cells['公民身份号码']).birth);
    expect(edges).toContainEqual({ year: 2008, month: 2, day: 28 });
    expect(edges).toContainEqual({ year: 2004, month: 2, day: 29 });
  });
});

describe('register, districts and exclusions', () => {
  it.each(['medium', 'clean'])('%s: the register holds the roll\'s people, children, and the planted missing adults', (key) => {
    const p = all[key as keyof typeof all];
    const rollIds = new Set(p.roll.map((r) => normalisedId(r.cells['公民身份号码'])).filter(Boolean));
    const excludedIds = new Set(p.exclusions.map((r) => r.cells['身份证号']));
    const missing = new Set(p.sample.truth.defects.filter((d) => d.code === 'NOT_REGISTERED').map(rollProblemsKey));
    let children = 0;
    for (const r of p.register) {
      const a = analyzeId(r.cells['公民身份号码']);
      expect(a.valid && a.problems.length === 0).toBe(true);
      expect(r.cells['出生日期']).toBeInstanceOf(Date);
      expect(sameDate(a.birth, fromUtcDate(r.cells['出生日期'] as Date))).toBe(true);
      expect(r.cells['性别']).toBe(a.sex === 'male' ? '男' : '女');
      if (!hasReachedAge(a.birth!, 18, p.election)) { children++; continue; }
      // Every adult in the register is on the roll, excluded, or planted as missing.
      const accounted = rollIds.has(a.id18) || excludedIds.has(a.id18) || missing.has(rollProblemsKey(r));
      expect({ row: r.row, accounted }).toEqual({ row: r.row, accounted: true });
    }
    expect(children).toBeGreaterThan(p.roll.length * 0.1);
    expect(new Set(p.register.map((r) => r.cells['公民身份号码'])).size).toBe(p.register.length);
  });

  it('lists excluded people who are not on the roll (edge cases) besides the planted ineligible ones', () => {
    for (const p of [medium, clean]) {
      const rollIds = new Set(p.roll.map((r) => normalisedId(r.cells['公民身份号码'])));
      const offRoll = p.exclusions.filter((r) => !rollIds.has(String(r.cells['身份证号'])));
      expect(offRoll.length).toBeGreaterThanOrEqual(2);
      const planted = p.sample.truth.defects.filter((d) => d.code === 'INELIGIBLE_LISTED').length;
      expect(p.exclusions.length).toBe(offRoll.length + planted);
    }
    expect(clean.sample.truth.defects).toEqual([]);
  });

  it('gives each district a population about 1.35 times its roll', () => {
    const rows = medium.sample.districts.sheets[0].rows;
    expect(rows[0]).toEqual(['选区', '人口数']);
    const sizes = medium.sample.roll.sheets.map((s) => s.rows.length - 4);
    rows.slice(1).forEach(([name, population], i) => {
      expect(name).toBe(medium.sample.roll.sheets[i].name);
      expect(population as number).toBeGreaterThanOrEqual(Math.floor(sizes[i] * 1.3));
      expect(population as number).toBeLessThanOrEqual(Math.ceil(sizes[i] * 1.4));
    });
  });
});
