import { checkRolls } from '../../../src/domain/check/check-rolls';
import { adjacentSwaps, oneDigitVariants } from '../../../src/domain/check/possible-duplicates';
import { compareNames, namePinyin } from '../../../src/domain/check/name-similarity';
import { Finding } from '../../../src/domain/common/finding';
import { analyzeId, checkCharacter } from '../../../src/domain/id/resident-id';
import { d, ELECTION, id, laidOut, person, Person, rollGrid } from './roll-fixtures';

function fuzzy(people: Person[], threshold?: number): Finding[] {
  return checkRolls({ rolls: [laidOut(rollGrid('第一选区', people))] }, { electionDate: ELECTION, possibleDuplicateThreshold: threshold })
    .findings.filter((f) => f.code === 'POSSIBLE_DUPLICATE');
}

/** Changes digit `pos` (0-based) of an ID without fixing the check character. */
function typo(idText: string, pos: number): string {
  const digit = (Number(idText[pos]) + 3) % 10;
  return idText.slice(0, pos) + digit + idText.slice(pos + 1);
}

describe('name similarity', () => {
  it('hears homophones and sees one-character differences', () => {
    expect(namePinyin('李晓艳')).toBe('li xiao yan');
    expect(compareNames('李晓艳', '李小艳')).toBe('homophone');
    expect(compareNames('张伟', '张伟')).toBe('same');
    expect(compareNames('张伟', '张华')).toBe('one-char');
    expect(compareNames('张伟', '李华')).toBeNull();
    expect(compareNames('张伟', '张伟明')).toBeNull();
  });
});

describe('ID near-miss candidates', () => {
  it('one-digit variants are exactly the IDs one position away that keep the check character valid', () => {
    const good = id(d(1985, 6, 15), 123, 'male');
    const bad = typo(good, 15);
    const variants = oneDigitVariants(bad);
    expect(variants).toContain(good);
    for (const v of variants) {
      let diff = 0;
      for (let i = 0; i < 18; i++) if (v[i] !== bad[i]) diff++;
      expect(diff).toBe(1);
      expect(checkCharacter(v)).toBe(v[17]);
    }
  });

  it('adjacent swaps include the transposition that restores a valid ID', () => {
    const good = id(d(1985, 6, 15), 123, 'male'); // sequence "123" at positions 14–16
    const swapped = good.slice(0, 14) + good[15] + good[14] + good.slice(16);
    expect(analyzeId(swapped).problems.map((p) => p.code)).toContain('ID_CHECKSUM');
    expect(adjacentSwaps(swapped)).toContain(good);
  });
});

describe('POSSIBLE_DUPLICATE', () => {
  const born = d(1985, 6, 15);
  const original = person('李晓艳', born, 124, 'female', { address: '幸福村3组12号' });

  it('finds a homophone name with the same birth date and an ID one digit off, on both rows', () => {
    const twin = { ...original, name: '李小艳', id: typo(original.id as string, 15) };
    const found = fuzzy([original, person('王强', d(1970, 1, 1), 21, 'male'), twin]);
    expect(found.map((f) => f.row)).toEqual([4, 6]);
    const f = found[0];
    expect(f.severity).toBe('warning');
    expect(f.related.map((r) => r.row)).toEqual([6]);
    expect(f.reasons).toEqual(expect.arrayContaining(['homophone-name', 'same-birth-date', 'id-one-digit-apart', 'same-address']));
    expect(f.score).toBeGreaterThanOrEqual(0.9);
    expect(f.message.zh).toContain('第6行');
  });

  it('finds IDs that differ by an adjacent transposition', () => {
    const good = original.id as string;
    const swapped = good.slice(0, 14) + good[15] + good[14] + good.slice(16);
    const found = fuzzy([original, { ...original, id: swapped }]);
    expect(found).toHaveLength(2);
    expect(found[0].reasons).toContain('id-adjacent-transposition');
  });

  it('finds a row without an ID that has the same name, birth date and address', () => {
    const found = fuzzy([original, { ...original, id: null }]);
    expect(found.map((f) => f.row)).toEqual([4, 5]);
    expect(found[0].reasons).toEqual(expect.arrayContaining(['same-name', 'same-birth-date', 'id-missing', 'same-address']));
  });

  it('finds an ID whose last digits were lost to a number cell, by its first 15 digits', () => {
    const lost = Number(original.id as string); // 18 digits as a float: the last ones are gone
    const found = fuzzy([original, { ...original, id: lost }]);
    expect(found.map((f) => f.row)).toEqual([4, 5]);
    expect(found[0].reasons).toContain('id-first-15-digits-same');
  });

  describe('张伟 is not a duplicate of every 张伟', () => {
    const zhang = person('张伟', d(1990, 3, 3), 11, 'male', { address: '幸福村1组1号' });

    it('same name and birth date, two different valid IDs: not flagged', () => {
      expect(fuzzy([zhang, person('张伟', d(1990, 3, 3), 57, 'male', { address: '幸福村1组1号' })])).toEqual([]);
    });

    it('same name, different birth dates: not flagged', () => {
      expect(fuzzy([zhang, person('张伟', d(1991, 3, 3), 11, 'male', { address: '幸福村1组1号' })])).toEqual([]);
      expect(fuzzy([zhang, { ...zhang, id: null, birth: '1991-03-03' }])).toEqual([]);
    });

    it('same name and birth date, one without ID, but a different address: not flagged', () => {
      expect(fuzzy([zhang, { ...zhang, id: null, address: '红星村5组8号' }])).toEqual([]);
    });

    it('one-character-apart names with the same birth date and unrelated IDs: not flagged', () => {
      expect(fuzzy([zhang, person('张华', d(1990, 3, 3), 35, 'male', { address: '幸福村1组1号' })])).toEqual([]);
    });

    it('many 张伟 born the same day, all with valid IDs: none flagged', () => {
      const many = Array.from({ length: 30 }, (_, i) => person('张伟', d(1990, 3, 3), 2 * i + 1, 'male', { address: `幸福村${i}组` }));
      expect(fuzzy(many)).toEqual([]);
    });
  });

  it('a lower threshold reports weaker pairs, a higher one fewer', () => {
    const noAddress = [{ ...original, address: undefined }, { ...original, address: undefined, id: null }];
    // same name 0.35 + birth 0.20 + sex 0.05 + no ID 0 = 0.60
    expect(fuzzy(noAddress)).toEqual([]);
    expect(fuzzy(noAddress, 0.6)).toHaveLength(2);
  });

  it('can be switched off', () => {
    const twin = { ...original, name: '李小艳', id: typo(original.id as string, 15) };
    const { findings } = checkRolls({ rolls: [laidOut(rollGrid('第一选区', [original, twin]))] }, { electionDate: ELECTION, fuzzy: false });
    expect(findings.map((f) => f.code)).toEqual(['ID_CHECKSUM']);
  });
});
