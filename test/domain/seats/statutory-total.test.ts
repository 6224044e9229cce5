import { statutoryTotal } from '../../../src/domain/seats/statutory-total';

describe('statutoryTotal (选举法 代表名额)', () => {
  describe('county level, 2020 law: 140 + 1 per 5,000, at most 450 above 1,550,000, may be fewer below 50,000', () => {
    it.each([
      // population, expected total, expected rule — worked out: 140 + floor(p / 5000), capped at 450 above 1,550,000
      [1_550_000, 450, 'base-plus-step'], // 140 + 310 = 450; not above 1,550,000
      [1_550_001, 450, 'cap'], // above 1,550,000: not more than 450 (140 + 310 = 450)
      [1_554_999, 450, 'cap'], // 140 + 310 = 450
      [1_555_000, 450, 'cap'], // 140 + 311 = 451 → 450
      [3_000_000, 450, 'cap'], // 140 + 600 = 740 → 450
      [50_000, 150, 'base-plus-step'], // 140 + 10
      [49_999, 149, 'small-population: may be fewer'], // 140 + 9, still given
      [0, 140, 'small-population: may be fewer'],
      [123_456, 164, 'base-plus-step'], // 140 + 24
    ])('population %d → %d (%s)', (population, total, rule) => {
      const r = statutoryTotal({ level: 'county', population });
      expect(r).toMatchObject({ level: 'county', law: 2020, population, base: 140, step: 5000, cap: 450, total, rule, extra: 0 });
      expect(r.mayBeFewer).toBe(population < 50_000);
    });

    it('says in the message that a small county may have fewer than 140 but still gives the figure', () => {
      const r = statutoryTotal({ level: 'county', population: 49_999 });
      expect(r.message.zh).toContain('可以少于140名');
      expect(r.message.zh).toContain('149');
      expect(r.message.en).toContain('may be fewer than 140');
    });

    it('reports the cap in the message once the population is above 1,550,000', () => {
      expect(statutoryTotal({ level: 'county', population: 2_000_000 }).message.zh).toContain('不得超过450名');
      expect(statutoryTotal({ level: 'county', population: 1_550_000 }).message.zh).not.toContain('不得超过');
    });
  });

  describe('township level, 2020 law: 45 + 1 per 1,500, at most 160, may be fewer below 2,000', () => {
    it.each([
      [2_000, 46, 'base-plus-step'], // 45 + 1
      [1_999, 46, 'small-population: may be fewer'], // 45 + 1, may be fewer
      [1_499, 45, 'small-population: may be fewer'], // 45 + 0
      [30_000, 65, 'base-plus-step'], // 45 + 20
      [172_499, 159, 'base-plus-step'], // 45 + 114
      [172_500, 160, 'base-plus-step'], // 45 + 115 = 160 exactly: the cap did not cut
      [174_000, 160, 'cap'], // 45 + 116 = 161 → 160
      [1_000_000, 160, 'cap'],
    ])('population %d → %d (%s)', (population, total, rule) => {
      const r = statutoryTotal({ level: 'township', population });
      expect(r).toMatchObject({ base: 45, step: 1500, cap: 160, total, rule });
      expect(r.mayBeFewer).toBe(population < 2000);
    });
  });

  describe('2010 law: bases 120 and 40, same steps and caps', () => {
    it.each([
      ['county', 49_999, 129, 'small-population: may be fewer'], // 120 + 9
      ['county', 1_600_000, 440, 'base-plus-step'], // 120 + 320; the 450 cap does not bite yet
      ['county', 1_650_000, 450, 'cap'], // 120 + 330 = 450, above 1,550,000
      ['county', 1_700_000, 450, 'cap'], // 120 + 340 = 460 → 450
      ['township', 10_000, 46, 'base-plus-step'], // 40 + 6
      ['township', 300_000, 160, 'cap'], // 40 + 200 → 160
    ] as const)('%s %d → %d', (level, population, total, rule) => {
      const r = statutoryTotal({ level, population, law: 2010 });
      expect(r.law).toBe(2010);
      expect(r.base).toBe(level === 'county' ? 120 : 40);
      expect(r.total).toBe(total);
      expect(r.rule).toBe(rule);
    });
  });

  describe('extra percentage (另加百分之五): an input, rounded down, added after the cap', () => {
    it('adds floor(total × p / 100)', () => {
      // township 30,000: 65; 5 % of 65 = 3.25 → 3; 68 in all
      const r = statutoryTotal({ level: 'township', population: 30_000, extraPercent: 5 });
      expect(r).toMatchObject({ statutoryTotal: 65, extraPercent: 5, extra: 3, total: 68 });
      expect(r.message.zh).toContain('另加5%');
    });

    it('goes on top of the cap', () => {
      // county 3,000,000: capped at 450; 5 % of 450 = 22.5 → 22
      expect(statutoryTotal({ level: 'county', population: 3_000_000, extraPercent: 5 })).toMatchObject({ statutoryTotal: 450, extra: 22, total: 472 });
    });

    it('is never assumed and handles fractional percentages without float noise', () => {
      expect(statutoryTotal({ level: 'township', population: 30_000 }).extra).toBe(0);
      // 2.5 % of 160 = 4 exactly
      expect(statutoryTotal({ level: 'township', population: 500_000, extraPercent: 2.5 }).extra).toBe(4);
      // 0.7 % of 300 = 2.1 → 2 (county 800,000: 140 + 160 = 300)
      expect(statutoryTotal({ level: 'county', population: 800_000, extraPercent: 0.7 }).extra).toBe(2);
    });
  });

  it('rejects a negative or fractional population and an extra outside 0–5', () => {
    expect(() => statutoryTotal({ level: 'county', population: -1 })).toThrow(RangeError);
    expect(() => statutoryTotal({ level: 'county', population: 10.5 })).toThrow(RangeError);
    expect(() => statutoryTotal({ level: 'county', population: 10, extraPercent: 6 })).toThrow(/0 and 5/);
    expect(() => statutoryTotal({ level: 'county', population: 10, extraPercent: -1 })).toThrow(RangeError);
  });

  it('is monotone in the population and never above the cap (plus extra) for any population', () => {
    for (const level of ['county', 'township'] as const) {
      let previous = 0;
      for (let p = 0; p <= 2_000_000; p += 997) {
        const r = statutoryTotal({ level, population: p });
        expect(r.total).toBeGreaterThanOrEqual(previous);
        expect(r.total).toBeLessThanOrEqual(r.cap);
        expect(r.total).toBeGreaterThanOrEqual(r.base);
        previous = r.total;
      }
    }
  });
});
