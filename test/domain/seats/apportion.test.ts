import { Allocation, District, Method, apportion } from '../../../src/domain/seats/apportion';
import { comparePriority } from '../../../src/domain/seats/divisor-methods';

const seatsOf = (a: Allocation) => Object.fromEntries(a.districts.map((d) => [d.name, d.seats]));
const reasonOf = (a: Allocation, name: string) => a.districts.find((d) => d.name === name)!.lastSeatReason;
const UNBOUNDED = { min: 0, max: Infinity };

/*
 * Hand-worked example without bounds: A 6,200, B 2,500, C 1,300 (total 10,000), 10 seats; quotas 6.2, 2.5, 1.3.
 *
 * Largest remainder: floors 6, 2, 1 (9 seats); remainders .2, .5, .3 → the 10th seat to B → 6, 3, 1.
 * D'Hondt, p/(n+1): A 6200 3100 2066.7 1550 1240 1033.3 885.7 | 775; B 2500 1250 | 833.3; C 1300 | 650.
 *   The ten largest: A×7, B×2, C×1 → 7, 2, 1; last seat A's 7th at 6200/7 = 885.7143, next B 2500/3 = 833.3.
 * Webster, p/(n+.5): A 12400 4133.3 2480 1771.4 1377.8 1127.3 | 953.8; B 5000 1666.7 1000 | 714.3; C 2600 | 866.7.
 *   The ten largest: A×6, B×3, C×1 → 6, 3, 1; last seat B's 3rd at 2500/2.5 = 1000.
 * Adams, p/n: ∞ ∞ ∞, then A 6200 3100 2066.7 1550 | 1240; B 2500 1250 | 833.3; C 1300 | 650.
 *   Ten: 3 × ∞ + A 6200 3100 2066.7 1550 + B 2500 1250 + C 1300 → 5, 3, 2; last seat B's 3rd at 2500/2 = 1250.
 * Huntington–Hill, Q = p²/(n(n+1)) (order of p/√(n(n+1))): ∞ ∞ ∞, then A 4384.1 2531.1 1789.8 1386.4 1131.9 | 956.7;
 *   B 1767.8 1020.6 | 721.7; C 919.2. Ten: 3 × ∞ + A×5 + B×2 → 6, 3, 1; last seat B's 3rd, Q = 2500²/(2×3) = 1041666.6667.
 */
const ABC: District[] = [
  { name: 'A', population: 6200 },
  { name: 'B', population: 2500 },
  { name: 'C', population: 1300 },
];

describe('apportion: hand-worked example for every method (no bounds)', () => {
  it.each([
    ['largest-remainder', { A: 6, B: 3, C: 1 }],
    ['dhondt', { A: 7, B: 2, C: 1 }],
    ['webster', { A: 6, B: 3, C: 1 }],
    ['adams', { A: 5, B: 3, C: 2 }],
    ['huntington-hill', { A: 6, B: 3, C: 1 }],
  ] as [Method, Record<string, number>][])('%s', (method, expected) => {
    const a = apportion(ABC, 10, { method, ...UNBOUNDED });
    expect(seatsOf(a)).toEqual(expected);
    expect(a.boundsRespected).toBe(true);
    expect(a.infeasible).toBeUndefined();
    expect(a.districts.map((d) => d.quota)).toEqual([6.2, 2.5, 1.3]);
  });

  it('explains the last seat by its priority value or remainder', () => {
    expect(reasonOf(apportion(ABC, 10, { method: 'dhondt', ...UNBOUNDED }), 'A').zh).toContain('6200 ÷ 7 = 885.7143');
    expect(reasonOf(apportion(ABC, 10, { method: 'webster', ...UNBOUNDED }), 'B').en).toContain('2500 ÷ 2.5 = 1000');
    expect(reasonOf(apportion(ABC, 10, { method: 'adams', ...UNBOUNDED }), 'B').en).toContain('2500 ÷ 2 = 1250');
    expect(reasonOf(apportion(ABC, 10, { method: 'huntington-hill', ...UNBOUNDED }), 'B').zh).toContain('Q = 2500² ÷ (2×3) = 1041666.6667');
    const lr = apportion(ABC, 10, { method: 'largest-remainder', ...UNBOUNDED });
    expect(reasonOf(lr, 'B').zh).toMatch(/余数 0\.5 排第1位，获得余数名额/);
    expect(reasonOf(lr, 'C').en).toMatch(/remainder 0\.3 ranked 2, no remainder seat/);
  });

  it('reports population per deputy and its deviation from the average', () => {
    // D'Hondt 7, 2, 1: average 10,000 / 10 = 1,000; A 6200/7 = 885.714 (−11.43 %), B 1250 (+25 %), C 1300 (+30 %).
    const a = apportion(ABC, 10, { method: 'dhondt', ...UNBOUNDED });
    expect(a.averagePopulationPerDeputy).toBe(1000);
    expect(a.districts[0].populationPerDeputy).toBeCloseTo(885.714, 3);
    expect(a.districts[0].deviationPercent).toBeCloseTo(-11.4286, 3);
    expect(a.districts[1].deviationPercent).toBeCloseTo(25, 9);
    expect(a.districts[2].deviationPercent).toBeCloseTo(30, 9);
    expect(a.maxDeviationPercent).toBeCloseTo(30, 9);
  });
});

/*
 * Hand-worked example with the default bounds 1–3: A 3,300, B 1,500, C 1,300, D 900 (7,000), 7 seats.
 * Quotas 3.3, 1.5, 1.3, 0.9 (none beyond 0.5 outside 1–3, so no redrawing is demanded).
 * Largest remainder: A's 3.3 > 3 → A fixed at 3; the other three share 4 seats: D 900 × 4 / 3700 = 0.973 < 1 →
 *   D fixed at 1; B and C share 3: B 1500 × 3 / 2800 = 1.6071, C 1.3929 → floors 1, 1; the last seat to B (.6071).
 *   Result 3, 2, 1, 1.
 * D'Hondt: all start at 1 (4 seats); 3 more by p/(n+1): A 1650, A 1100 (A now at 3, the max), B 750 → 3, 2, 1, 1.
 *   A's next priority 3300/4 = 825 would have beaten the last seat (750): the cap decided.
 * Webster: p/(n+.5) from 1: A 2200, A 1320, then B 1000 (C 866.7) → 3, 2, 1, 1; A's next 3300/3.5 = 942.9 < 1000.
 */
const ABCD: District[] = [
  { name: 'A', population: 3300 },
  { name: 'B', population: 1500 },
  { name: 'C', population: 1300 },
  { name: 'D', population: 900 },
];

describe('apportion: bounds 1–3 (the default)', () => {
  it.each(['largest-remainder', 'dhondt', 'webster', 'adams', 'huntington-hill'] as Method[])('%s gives 3, 2, 1, 1', (method) => {
    const a = apportion(ABCD, 7, { method });
    expect(a.min).toBe(1);
    expect(a.max).toBe(3);
    expect(seatsOf(a)).toEqual({ A: 3, B: 2, C: 1, D: 1 });
    expect(a.infeasible).toBeUndefined();
  });

  it('largest remainder fixes A at the cap and D at the floor and re-apportions the rest', () => {
    const a = apportion(ABCD, 7, { method: 'largest-remainder' });
    expect(a.districts.map((d) => d.bound)).toEqual(['max', undefined, undefined, 'min']);
    expect(reasonOf(a, 'B').zh).toContain('份额 1.6071');
    expect(reasonOf(a, 'B').zh).toContain('剩余3席');
    // A's share 3.3 was cut to 3: a warning with its deviation, 3300/3 = 1100 vs 1000 → +10 %
    expect(a.warnings.some((w) => w.zh.includes('选区“A”') && w.zh.includes('10%'))).toBe(true);
  });

  it("D'Hondt marks A as capped (its next priority 825 beats the last seat's 750); Webster does not", () => {
    const d = apportion(ABCD, 7, { method: 'dhondt' });
    expect(d.districts[0].bound).toBe('max');
    expect(reasonOf(d, 'A').zh).toContain('3300 ÷ 4 = 825');
    expect(reasonOf(d, 'B').zh).toContain('1500 ÷ 2 = 750');
    const w = apportion(ABCD, 7, { method: 'webster' });
    expect(w.districts[0].bound).toBeUndefined();
  });

  it('finds the allocation within bounds where fixing the cap first would fail', () => {
    // 18, 1, 1 people, 4 seats, 1–3: quotas 3.6, 0.2, 0.2. Fixing the 3.6 at 3 first leaves 1 seat for two districts
    // that need 1 each; the right answer fixes the small ones at 1 and gives the big one the remaining 2.
    const d = [{ name: 'big', population: 18 }, { name: 's1', population: 1 }, { name: 's2', population: 1 }];
    for (const method of ['largest-remainder', 'dhondt', 'webster', 'adams', 'huntington-hill'] as Method[]) {
      const a = apportion(d, 4, { method });
      expect(seatsOf(a)).toEqual({ big: 2, s1: 1, s2: 1 });
      expect(a.boundsRespected).toBe(true);
      // …but the districts are far from proportional: redraw (split big: 3.6 > 3.5; merge the 0.2s)
      expect(a.infeasible?.splitCandidates).toEqual(['big']);
      expect(a.infeasible?.mergeCandidates.sort()).toEqual(['s1', 's2']);
    }
  });
});

describe('apportion: infeasible bounds are reported, never silently violated', () => {
  const four: District[] = [
    { name: '一', population: 3100 },
    { name: '二', population: 2000 },
    { name: '三', population: 1500 },
    { name: '四', population: 900 },
  ];

  it('too few seats for one each: names the smallest to merge', () => {
    const a = apportion(four, 3, { method: 'largest-remainder' });
    expect(a.boundsRespected).toBe(false);
    expect(a.infeasible).toBeDefined();
    expect(a.infeasible!.mergeCandidates).toEqual(['四']);
    expect(a.infeasible!.reason.zh).toContain('只有3席');
    expect(a.districts.reduce((s, d) => s + d.seats, 0)).toBe(3);
    expect(a.warnings[0].zh).toContain('未受上下限约束');
  });

  it('too many seats for three each: names the largest to split', () => {
    // 4 districts hold at most 12; 20 seats need ceil(8 / 3) = 3 more districts → split the 3 largest
    const a = apportion(four, 20, { method: 'webster' });
    expect(a.boundsRespected).toBe(false);
    expect(a.infeasible!.splitCandidates).toEqual(['一', '二', '三']);
    expect(a.districts.reduce((s, d) => s + d.seats, 0)).toBe(20);
  });

  it('a district whose share is far above the maximum must be split, even though a capped allocation exists', () => {
    // shares × 10 / 10,000: 7.0, 1.5, 1.5 → 7 > 3.5
    const d = [{ name: 'town', population: 7000 }, { name: 'v1', population: 1500 }, { name: 'v2', population: 1500 }];
    const a = apportion(d, 9, { method: 'huntington-hill' });
    expect(a.boundsRespected).toBe(true);
    expect(seatsOf(a)).toEqual({ town: 3, v1: 3, v2: 3 });
    expect(a.infeasible!.splitCandidates).toEqual(['town']);
    expect(a.infeasible!.mergeCandidates).toEqual([]);
  });

  it('a share exactly 0.5 beyond a bound is tolerated; the tolerance is an option', () => {
    // shares 3.5, 1.5, 1.0 (6 seats, 12,000 people)
    const d = [{ name: 'a', population: 7000 }, { name: 'b', population: 3000 }, { name: 'c', population: 2000 }];
    expect(apportion(d, 6, { method: 'webster' }).infeasible).toBeUndefined();
    expect(apportion(d, 6, { method: 'webster', redrawTolerance: 0.25 }).infeasible?.splitCandidates).toEqual(['a']);
  });
});

describe('apportion: ties are broken by larger population, then name order, and reported', () => {
  it('largest remainder: equal remainders', () => {
    // A 1000, B 1000, C 500, 4 seats, no bounds: quotas 1.6, 1.6, 0.8; floors 1, 1, 0; two seats left:
    // C (.8), then A and B tie at .6 → equal populations → name order → A.
    const a = apportion([{ name: 'B', population: 1000 }, { name: 'A', population: 1000 }, { name: 'C', population: 500 }], 4, { method: 'largest-remainder', ...UNBOUNDED });
    expect(seatsOf(a)).toEqual({ A: 2, B: 1, C: 1 });
    expect(a.ties).toHaveLength(1);
    expect(a.ties[0]).toMatchObject({ winners: ['A'], losers: ['B'], value: '0.6' });
    expect(a.warnings.some((w) => w.zh.includes('余数相同'))).toBe(true);
    expect(reasonOf(a, 'B').zh).toContain('平局');
  });

  it("D'Hondt: equal priorities, the larger population wins", () => {
    // A 1000, B 1000, C 500, 4 seats: 1000 (A), 1000 (B), then A 500, B 500 and C 500 tie for two seats → A and B.
    const a = apportion([{ name: 'C', population: 500 }, { name: 'A', population: 1000 }, { name: 'B', population: 1000 }], 4, { method: 'dhondt', ...UNBOUNDED });
    expect(seatsOf(a)).toEqual({ A: 2, B: 2, C: 0 });
    expect(a.ties).toHaveLength(1);
    expect(a.ties[0].winners.sort()).toEqual(['A', 'B']);
    expect(a.ties[0].losers).toEqual(['C']);
  });

  it('no tie is reported when equal values do not decide a seat', () => {
    const a = apportion([{ name: 'A', population: 1000 }, { name: 'B', population: 1000 }], 4, { method: 'webster', ...UNBOUNDED });
    expect(seatsOf(a)).toEqual({ A: 2, B: 2 });
    expect(a.ties).toEqual([]);
  });

  it('the result does not depend on the input order', () => {
    const ds = [{ name: 'x', population: 700 }, { name: 'y', population: 700 }, { name: 'z', population: 300 }, { name: 'w', population: 300 }];
    for (const method of ['largest-remainder', 'dhondt', 'webster', 'adams', 'huntington-hill'] as Method[]) {
      const a = seatsOf(apportion(ds, 5, { method, min: 0, max: 3 }));
      const b = seatsOf(apportion([...ds].reverse(), 5, { method, min: 0, max: 3 }));
      expect(b).toEqual(a);
    }
  });
});

describe('exact comparison of priorities', () => {
  it('Huntington–Hill: Q values equal beyond double precision are recognised as equal', () => {
    // Q = p²/(1×2) = (6p)²/(8×9) since 72 / 2 = 36 = 6²; with p = 150,000,001 p² exceeds 2^53.
    const p = 150_000_001;
    expect(comparePriority('huntington-hill', p, 1, 6 * p, 8)).toBe(0);
    expect(comparePriority('huntington-hill', p + 1, 1, 6 * p, 8)).toBe(1);
    expect(comparePriority('huntington-hill', p, 1, 6 * p + 1, 8)).toBe(-1);
  });

  it('Webster: p/(n+.5) ties across different seat counts', () => {
    // 300/1.5 = 200 = 500/2.5
    expect(comparePriority('webster', 300, 1, 500, 2)).toBe(0);
    expect(comparePriority('adams', 5, 0, 1_000_000, 1)).toBe(1); // ∞ first
  });
});

describe('apportion: invalid input is rejected', () => {
  it.each([
    [[{ name: 'a', population: -1 }], 1, /non-negative/],
    [[{ name: 'a', population: 1.5 }], 1, /whole number/],
    [[{ name: 'a', population: 1 }, { name: 'a', population: 2 }], 2, /twice/],
    [[], 1, /no districts/],
    [[{ name: 'a', population: 0 }], 1, /total population is 0/],
    [[{ name: 'a', population: 10 }], -1, /seats/],
  ])('%j with %d seats', (districts, seats, message) => {
    expect(() => apportion(districts as District[], seats as number, { method: 'webster' })).toThrow(message as RegExp);
  });

  it('rejects max below min and an unknown method', () => {
    expect(() => apportion([{ name: 'a', population: 1 }], 1, { method: 'webster', min: 2, max: 1 })).toThrow(/max/);
    expect(() => apportion([{ name: 'a', population: 1 }], 1, { method: 'plurality' as Method })).toThrow(/unknown method/);
  });

  it('warns about a district with no population', () => {
    const a = apportion([{ name: 'a', population: 0 }, { name: 'b', population: 100 }], 3, { method: 'dhondt', min: 0, max: 3 });
    expect(seatsOf(a)).toEqual({ a: 0, b: 3 });
    expect(a.warnings.some((w) => w.zh.includes('人口数为0'))).toBe(true);
  });
});
