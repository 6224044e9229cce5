/** The option parsers every command shares: one message for one mistake, whichever command it is made in. */
import { CannotRun, parseElectionDate, parseLang, parseOptionalWholeNumber, parseWholeNumber } from '../../src/cli/cli-kit';

describe('shared option parsers', () => {
  it('reads whole numbers with thousands separators and names the option when one is wrong', () => {
    expect(parseWholeNumber('--population', '1,550,000')).toBe(1550000);
    expect(parseWholeNumber('--population', '1 550 000')).toBe(1550000);
    expect(() => parseWholeNumber('--rows', '1.5')).toThrow(new CannotRun('--rows must be a whole number of 0 or more, not "1.5"'));
    expect(() => parseWholeNumber('--rows', '-3')).toThrow(CannotRun);
    expect(() => parseWholeNumber('--seats', undefined)).toThrow('--seats is required');
    expect(parseOptionalWholeNumber('--seed', undefined)).toBeUndefined();
    expect(parseOptionalWholeNumber('--seed', '42')).toBe(42);
  });

  it('reads --lang, Chinese by default', () => {
    expect(parseLang(undefined)).toBe('zh');
    expect(parseLang('en')).toBe('en');
    expect(() => parseLang('fr')).toThrow('--lang must be zh or en, not "fr"');
  });

  it('requires a real election date', () => {
    expect(parseElectionDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => parseElectionDate(undefined)).toThrow(/--election-date YYYY-MM-DD is required/);
    expect(() => parseElectionDate('2026-02-29')).toThrow(/"2026-02-29" is not a real date/);
  });
});
