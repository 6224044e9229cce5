import { runCliCaptured } from '../helpers/run-cli';

describe('election-clerk seats', () => {
  it('prints the documented JSON keys', async () => {
    const r = await runCliCaptured(['seats', '--level', 'county', '--population', '1550001', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    for (const key of ['level', 'law', 'population', 'base', 'step', 'cap', 'total', 'rule']) expect(json).toHaveProperty(key);
    expect(json).toMatchObject({ level: 'county', law: 2020, population: 1550001, base: 140, step: 5000, cap: 450, total: 450, rule: 'cap' });
  });

  it('computes the boundaries: 1,550,000 people is base plus steps; 49,999 may be fewer', async () => {
    const a = JSON.parse((await runCliCaptured(['seats', '--level', 'county', '--population', '1,550,000', '--json'])).stdout);
    expect(a).toMatchObject({ total: 450, rule: 'base-plus-step' });
    const b = JSON.parse((await runCliCaptured(['seats', '--level', 'county', '--population', '49999', '--json'])).stdout);
    expect(b).toMatchObject({ total: 149, rule: 'small-population: may be fewer', mayBeFewer: true });
  });

  it('takes the 2010 law and the extra percentage', async () => {
    // township 2010: 40 + floor(30,000 / 1,500) = 60; +5 % = floor(3) = 3 → 63
    const r = JSON.parse((await runCliCaptured(['seats', '--level', 'township', '--population', '30000', '--law', '2010', '--extra-percent', '5', '--json'])).stdout);
    expect(r).toMatchObject({ law: 2010, base: 40, statutoryTotal: 60, extra: 3, total: 63 });
  });

  it('prints a readable summary in Chinese or English', async () => {
    const zh = await runCliCaptured(['seats', '--level', 'township', '--population', '1999']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('代表总名额');
    expect(zh.stdout).toContain('46名');
    expect(zh.stdout).toContain('可以少于45名');
    const en = await runCliCaptured(['seats', '--level', 'township', '--population', '1999', '--lang', 'en']);
    expect(en.stdout).toContain('may be fewer than 45');
  });

  it.each([
    [['seats', '--population', '100'], /--level is required/],
    [['seats', '--level', 'city', '--population', '100'], /county or township/],
    [['seats', '--level', 'county'], /--population is required/],
    [['seats', '--level', 'county', '--population=-3'], /whole number/],
    [['seats', '--level', 'county', '--population', 'many'], /whole number/],
    [['seats', '--level', 'county', '--population', '100', '--law', '1995'], /2020 or 2010/],
    [['seats', '--level', 'county', '--population', '100', '--extra-percent', '7'], /0 to 5/],
  ])('exits 2 on bad options: %j', async (argv, message) => {
    const r = await runCliCaptured(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('has help', async () => {
    const r = await runCliCaptured(['seats', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: election-clerk seats/);
    expect(r.stdout).toContain('--extra-percent');
  });
});
