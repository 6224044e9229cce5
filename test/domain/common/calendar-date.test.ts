import {
  ageOn, anniversary, fromExcelSerial, hasReachedAge, parseIsoDate, toExcelSerial,
} from '../../../src/domain/common/calendar-date';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('turning 18 on election day', () => {
  it('counts the birthday itself: born on the same calendar date 18 years earlier is eligible', () => {
    expect(hasReachedAge(d(2008, 12, 18), 18, d(2026, 12, 18))).toBe(true);
    expect(hasReachedAge(d(2008, 12, 19), 18, d(2026, 12, 18))).toBe(false);
  });

  it('makes someone born on 29 February turn 18 on 1 March in a non-leap year', () => {
    expect(anniversary(d(2008, 2, 29), 18)).toEqual(d(2026, 3, 1));
    expect(hasReachedAge(d(2008, 2, 29), 18, d(2026, 2, 28))).toBe(false);
    expect(hasReachedAge(d(2008, 2, 29), 18, d(2026, 3, 1))).toBe(true);
  });

  it('keeps 29 February when the anniversary year is a leap year', () => {
    expect(anniversary(d(2004, 2, 29), 20)).toEqual(d(2024, 2, 29));
  });

  it('computes completed years', () => {
    expect(ageOn(d(1990, 6, 15), d(2026, 6, 14))).toBe(35);
    expect(ageOn(d(1990, 6, 15), d(2026, 6, 15))).toBe(36);
  });
});

describe('date conversions', () => {
  it('round-trips Excel serials', () => {
    expect(fromExcelSerial(45292)).toEqual(d(2024, 1, 1));
    expect(toExcelSerial(d(2024, 1, 1))).toBe(45292);
    expect(fromExcelSerial(32874)).toEqual(d(1990, 1, 1));
    expect(fromExcelSerial(-3)).toBeNull();
  });

  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2026-12-18')).toEqual(d(2026, 12, 18));
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026/12/18')).toBeNull();
  });
});
