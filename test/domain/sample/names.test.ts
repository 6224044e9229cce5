import { pinyin } from 'pinyin-pro';
import {
  FEMALE_GIVEN, hasHomophone, homophoneVariant, HOMOPHONE_GROUPS, MALE_GIVEN, namePinyin, randomName, splitName, SURNAMES,
} from '../../../src/domain/sample/names';
import { Random } from '../../../src/domain/sample/random';

const none = (text: string, mode?: 'surname') => pinyin(text, { toneType: 'none', type: 'array', ...(mode ? { mode } : {}) }).join('').replace(/ü/g, 'v');

describe('the name tables', () => {
  it('give each given-name character the pinyin pinyin-pro gives it', () => {
    for (const [ch, py] of [...MALE_GIVEN, ...FEMALE_GIVEN]) expect({ ch, py }).toEqual({ ch, py: none(ch) });
  });

  it('give each surname its surname reading', () => {
    for (const [s, , py] of SURNAMES) expect({ s, py }).toEqual({ s, py: none(s, 'surname') });
  });

  it('list only true homophones (same pinyin, tones ignored) of distinct characters', () => {
    for (const group of HOMOPHONE_GROUPS) {
      expect(new Set(group).size).toBe(group.length);
      expect(new Set(group.map((ch) => none(ch))).size).toBe(1);
    }
  });

  it('sort surnames by frequency, 王 李 张 first', () => {
    expect(SURNAMES.slice(0, 3).map(([s]) => s)).toEqual(['王', '李', '张']);
    const weights = SURNAMES.map(([, w]) => w);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });
});

describe('names', () => {
  it('are 2 or 3 Han characters, surname first', () => {
    const rng = new Random(3);
    for (let i = 0; i < 2000; i++) {
      const name = randomName(rng, i % 2 ? 'male' : 'female');
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      const { surname, given } = splitName(name);
      expect(SURNAMES.some(([s]) => s === surname)).toBe(true);
      expect(given.length).toBeGreaterThanOrEqual(1);
      expect(namePinyin(name)).toBe(none(surname, 'surname') + none(given));
    }
  });

  it('use a surname the caller gives', () => {
    const rng = new Random(4);
    expect(randomName(rng, 'female', '欧阳')).toMatch(/^欧阳[\u4e00-\u9fff]$/);
    expect(randomName(rng, 'male', '李')[0]).toBe('李');
  });

  it('have homophone variants that sound the same and differ in one character', () => {
    const rng = new Random(5);
    expect(homophoneVariant('李晓艳', rng)).toMatch(/^李(小艳|晓燕)$/);
    expect(hasHomophone('李晓艳')).toBe(true);
    expect(hasHomophone('王强')).toBe(false);
    expect(homophoneVariant('王强', rng)).toBeNull();
    let tried = 0;
    for (let i = 0; i < 3000 && tried < 300; i++) {
      const name = randomName(rng, i % 2 ? 'male' : 'female');
      const variant = homophoneVariant(name, rng);
      if (!variant) continue;
      tried++;
      expect(variant).not.toBe(name);
      expect(none(variant.slice(1))).toBe(none(name.slice(1)));
      expect([...variant].filter((ch, k) => ch !== [...name][k])).toHaveLength(1);
    }
    expect(tried).toBe(300);
  });
});
