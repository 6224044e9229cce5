import { analyzeId, checkCharacter, convert15to18, makeId } from '../../../src/domain/id/resident-id';

describe('GB 11643 check character', () => {
  it('accepts the standard\'s own example number', () => {
    const r = analyzeId('11010519491231002X');
    expect(r.valid).toBe(true);
    expect(r.birthDate).toBe('1949-12-31');
    expect(r.sex).toBe('female');
    expect(r.regionCode).toBe('110105');
    expect(r.regionName).toBe('北京市朝阳区');
    expect(r.problems).toEqual([]);
  });

  it('computes the check character by hand-worked weights', () => {
    // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> 'X'
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('rejects any single-digit change of the example', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const bad = good.slice(0, i) + d + good.slice(i + 1);
        const r = analyzeId(bad);
        expect(r.valid).toBe(false);
        expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining([expect.stringMatching(/ID_CHECKSUM|ID_BIRTHDATE/)]));
      }
    }
  });

  it('reports the expected check character', () => {
    const r = analyzeId('110105194912310021');
    expect(r.valid).toBe(false);
    const p = r.problems.find((x) => x.code === 'ID_CHECKSUM');
    expect(p?.severity).toBe('error');
    expect(p?.message.zh).toContain('应为 X');
  });
});

describe('normalisation', () => {
  it('converts a legacy 15-digit number with a warning', () => {
    expect(convert15to18('110105491231002')).toBe('11010519491231002X');
    const r = analyzeId('110105491231002');
    expect(r.valid).toBe(true);
    expect(r.id18).toBe('11010519491231002X');
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['ID_LEGACY_15', 'warning']]);
  });

  it('normalises lower-case x', () => {
    const r = analyzeId('11010519491231002x');
    expect(r.valid).toBe(true);
    expect(r.id18).toBe('11010519491231002X');
    expect(r.problems.map((p) => p.code)).toEqual(['ID_LOWERCASE_X']);
  });

  it('normalises full-width digits and trims spaces', () => {
    const r = analyzeId(' １１０１０５１９４９１２３１００２Ｘ\u3000');
    expect(r.valid).toBe(true);
    expect(r.id18).toBe('11010519491231002X');
    expect(r.problems.map((p) => p.code)).toEqual(['ID_FULLWIDTH']);
  });
});

describe('errors', () => {
  it.each([['', 'empty'], ['1101051949123100', '16 digits'], ['11010519491231002Y', 'letter'], ['1101051949123100XX', 'X inside']])(
    'reports ID_FORMAT for %p (%s)', (input) => {
      const r = analyzeId(input);
      expect(r.valid).toBe(false);
      expect(r.id18).toBeNull();
      expect(r.problems.map((p) => p.code)).toEqual(['ID_FORMAT']);
    });

  it('reports an impossible birth date', () => {
    const first17 = '11010519490231002';
    const r = analyzeId(first17 + checkCharacter(first17));
    expect(r.problems.map((p) => p.code)).toEqual(['ID_BIRTHDATE']);
    expect(r.valid).toBe(false);
  });

  it('reports a birth date after the latest possible day', () => {
    const id = makeId('110105', { year: 2030, month: 1, day: 1 }, 11, 'male');
    expect(analyzeId(id).valid).toBe(true);
    expect(analyzeId(id, { latestBirth: { year: 2026, month: 11, day: 24 } }).problems.map((p) => p.code)).toEqual(['ID_BIRTHDATE']);
  });

  it('warns, without invalidating, on an unknown region code', () => {
    const id = makeId('999901', { year: 1980, month: 5, day: 6 }, 12, 'female');
    const r = analyzeId(id);
    expect(r.valid).toBe(true);
    expect(r.regionName).toBeNull();
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['REGION_UNKNOWN', 'warning']]);
  });
});

describe('makeId', () => {
  it('makes valid IDs with the sex in the sequence parity', () => {
    for (let seq = 0; seq < 1000; seq += 37) {
      const m = analyzeId(makeId('430722', { year: 1990, month: 2, day: 28 }, seq, 'male'));
      const f = analyzeId(makeId('430722', { year: 1990, month: 2, day: 28 }, seq, 'female'));
      expect([m.valid, m.sex, f.valid, f.sex]).toEqual([true, 'male', true, 'female']);
    }
  });
});
