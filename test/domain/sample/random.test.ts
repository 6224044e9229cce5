import { hashString, Random, WeightedTable } from '../../../src/domain/sample/random';

describe('Random', () => {
  it('repeats for a seed and differs between seeds and purposes', () => {
    const draw = (r: Random) => Array.from({ length: 20 }, () => r.next());
    expect(draw(new Random(1))).toEqual(draw(new Random(1)));
    expect(draw(new Random(1))).not.toEqual(draw(new Random(2)));
    expect(draw(Random.derive(1, 'rows'))).toEqual(draw(Random.derive(1, 'rows')));
    expect(draw(Random.derive(1, 'rows'))).not.toEqual(draw(Random.derive(1, 'plan')));
  });

  it('draws uniformly in [0, 1) and integers within their bounds', () => {
    const r = new Random(9);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10000)).toBeLessThan(500);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('picks by weight', () => {
    const table = new WeightedTable([['a', 3], ['b', 1], ['zero', 0]] as const);
    const r = new Random(11);
    let a = 0;
    let zero = 0;
    for (let i = 0; i < 40000; i++) {
      const x = table.pick(r);
      if (x === 'zero') zero++;
      if (x === 'a') a++;
    }
    expect(zero).toBe(0);
    expect(a / 40000).toBeGreaterThan(0.73);
    expect(a / 40000).toBeLessThan(0.77);
    expect(() => new WeightedTable([['x', 0]])).toThrow();
  });

  it('hashes strings to 32 bits, differently for different text or seed', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString('abc', 1)).not.toBe(hashString('abc'));
    expect(hashString('王伟') >>> 0).toBe(hashString('王伟'));
  });
});
