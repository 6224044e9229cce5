/**
 * Properties of the apportionment methods over many seeded random inputs, the Alabama paradox of largest
 * remainder, and 10,000 districts.
 */
import { District, METHODS, Method, apportion } from '../../../src/domain/seats/apportion';
import { DivisorMethod } from '../../../src/domain/seats/apportion-types';
import { Random } from '../../../src/domain/sample/random';

/** The project's seeded generator, so failures are reproducible. */
function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function randomDistricts(r: () => number, n: number, maxPopulation = 100_000): District[] {
  return Array.from({ length: n }, (_, i) => ({ name: `d${i}`, population: int(r, 1, maxPopulation) }));
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const DIVISOR: DivisorMethod[] = ['huntington-hill', 'webster', 'dhondt', 'adams'];

/** The divisor d(n) of each method, written out independently of the implementation. */
const divisor: Record<DivisorMethod, (n: number) => number> = {
  dhondt: (n) => n + 1,
  webster: (n) => n + 0.5,
  adams: (n) => n,
  'huntington-hill': (n) => Math.sqrt(n * (n + 1)),
};
const priority = (m: DivisorMethod, p: number, n: number) => (divisor[m](n) === 0 ? Infinity : p / divisor[m](n));

describe('properties over random inputs', () => {
  it('the seats always add up to the house size; bounds hold exactly when an allocation within them exists', () => {
    const r = rng(20240601);
    for (let trial = 0; trial < 300; trial++) {
      const n = int(r, 1, 25);
      const districts = randomDistricts(r, n);
      const min = int(r, 0, 2);
      const max = r() < 0.2 ? Infinity : min + int(r, 0, 4);
      const seats = int(r, 0, n * (Number.isFinite(max) ? max + 1 : 5));
      const feasible = n * min <= seats && seats <= n * max;
      for (const method of METHODS) {
        const a = apportion(districts, seats, { method, min, max });
        const got = a.districts.map((d) => d.seats);
        expect(sum(got)).toBe(seats);
        expect(a.boundsRespected).toBe(feasible);
        if (feasible) for (const s of got) { expect(s).toBeGreaterThanOrEqual(min); expect(s).toBeLessThanOrEqual(max); }
        else expect(a.infeasible).toBeDefined();
      }
    }
  });

  it('largest remainder without bounds satisfies the quota rule: floor(quota) ≤ seats ≤ ceil(quota)', () => {
    const r = rng(7);
    for (let trial = 0; trial < 400; trial++) {
      const districts = randomDistricts(r, int(r, 1, 30), int(r, 1, 5) === 1 ? 50 : 1_000_000);
      const seats = int(r, 0, 200);
      const total = sum(districts.map((d) => d.population));
      const a = apportion(districts, seats, { method: 'largest-remainder', min: 0, max: Infinity });
      a.districts.forEach((d, i) => {
        // exact: seats × total vs population × seats, in integers
        const scaled = districts[i].population * seats;
        expect(d.seats * total).toBeGreaterThan(scaled - total); // seats > quota − 1
        expect(d.seats * total).toBeLessThan(scaled + total); // seats < quota + 1
      });
    }
  });

  it('largest remainder without bounds matches a direct textbook computation', () => {
    const r = rng(99);
    for (let trial = 0; trial < 200; trial++) {
      const districts = randomDistricts(r, int(r, 1, 15), 10_000);
      const seats = int(r, 1, 60);
      const total = sum(districts.map((d) => d.population));
      const floors = districts.map((d) => Math.floor((d.population * seats) / total));
      const rem = districts.map((d) => (d.population * seats) % total); // remainder × total, exact
      const order = districts.map((_, i) => i).sort((x, y) => rem[y] - rem[x] || districts[y].population - districts[x].population || (districts[x].name < districts[y].name ? -1 : 1));
      const expected = [...floors];
      for (let k = 0; k < seats - sum(floors); k++) expected[order[k]]++;
      expect(apportion(districts, seats, { method: 'largest-remainder', min: 0, max: Infinity }).districts.map((d) => d.seats)).toEqual(expected);
    }
  });

  it('divisor methods: every seat given has a priority at least as high as every seat not given (within bounds)', () => {
    const r = rng(4242);
    for (let trial = 0; trial < 200; trial++) {
      const n = int(r, 1, 20);
      const districts = randomDistricts(r, n);
      const min = int(r, 0, 1);
      const max = int(r, Math.max(min, 1), 4);
      const seats = int(r, n * min, n * max);
      for (const method of DIVISOR) {
        const got = apportion(districts, seats, { method, min, max }).districts.map((d) => d.seats);
        // lowest priority of a seat above the minimum vs highest priority of a next seat below the maximum
        let lowestWon = Infinity;
        let highestLost = -Infinity;
        got.forEach((s, i) => {
          const p = districts[i].population;
          if (s > min) lowestWon = Math.min(lowestWon, priority(method, p, s - 1));
          if (s < max) highestLost = Math.max(highestLost, priority(method, p, s));
        });
        if (Number.isFinite(lowestWon) && Number.isFinite(highestLost)) expect(lowestWon).toBeGreaterThanOrEqual(highestLost * (1 - 1e-12));
      }
    }
  });

  it('divisor methods are house monotone: one more seat never takes a seat from any district, with or without bounds', () => {
    const r = rng(31337);
    for (const method of DIVISOR) {
      for (let trial = 0; trial < 25; trial++) {
        const n = int(r, 2, 10);
        const districts = randomDistricts(r, n, 50_000);
        const min = int(r, 0, 1);
        const max = r() < 0.5 ? Infinity : 3;
        const top = Number.isFinite(max) ? n * max : 40;
        let prev = apportion(districts, n * min, { method, min, max }).districts.map((d) => d.seats);
        for (let seats = n * min + 1; seats <= top; seats++) {
          const got = apportion(districts, seats, { method, min, max }).districts.map((d) => d.seats);
          got.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(prev[i]));
          prev = got;
        }
      }
    }
  });

  it('largest remainder with bounds: held districts sit where their share lies beyond the bound, the rest keep the quota rule', () => {
    const r = rng(8080);
    for (let trial = 0; trial < 300; trial++) {
      const n = int(r, 1, 20);
      const districts = randomDistricts(r, n, int(r, 0, 1) ? 1000 : 100_000);
      const min = int(r, 0, 2);
      const max = min + int(r, 0, 3);
      const seats = int(r, n * min, n * max);
      const a = apportion(districts, seats, { method: 'largest-remainder', min, max });
      const free = a.districts.filter((d) => !d.bound);
      const freeSeats = seats - sum(a.districts.filter((d) => d.bound).map((d) => d.seats));
      const freePopulation = sum(free.map((d) => d.population));
      for (const d of a.districts) {
        const scaled = d.population * freeSeats; // share × freePopulation, exact
        if (d.bound === 'max') { expect(d.seats).toBe(max); if (freePopulation > 0) expect(scaled).toBeGreaterThanOrEqual(max * freePopulation); }
        else if (d.bound === 'min') { expect(d.seats).toBe(min); if (freePopulation > 0) expect(scaled).toBeLessThanOrEqual(min * freePopulation); }
        else {
          expect(d.seats * freePopulation).toBeGreaterThan(scaled - freePopulation);
          expect(d.seats * freePopulation).toBeLessThan(scaled + freePopulation);
        }
      }
    }
  });

  it('ignoring the bounds only when none can hold: the unbounded seats are reported with an infeasibility', () => {
    const r = rng(5);
    for (let trial = 0; trial < 50; trial++) {
      const n = int(r, 3, 10);
      const districts = randomDistricts(r, n);
      const few = apportion(districts, n - 1, { method: 'largest-remainder' });
      expect(few.infeasible!.mergeCandidates.length).toBeGreaterThanOrEqual(1);
      const many = apportion(districts, 3 * n + 1, { method: 'dhondt' });
      expect(many.infeasible!.splitCandidates.length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the Alabama paradox', () => {
  it('largest remainder: A 6, B 6, C 2 — C has 2 seats in a house of 10 but 1 in a house of 11', () => {
    // total 14. House 10: quotas 4.286, 4.286, 1.429 → floors 4, 4, 1; the 10th seat to C (.429 > .286) → 4, 4, 2.
    // House 11: quotas 4.714, 4.714, 1.571 → floors 4, 4, 1; two seats to A and B (.714 > .571) → 5, 5, 1.
    const d = [{ name: 'A', population: 6 }, { name: 'B', population: 6 }, { name: 'C', population: 2 }];
    const ten = apportion(d, 10, { method: 'largest-remainder', min: 0, max: Infinity });
    const eleven = apportion(d, 11, { method: 'largest-remainder', min: 0, max: Infinity });
    expect(ten.districts.map((x) => x.seats)).toEqual([4, 4, 2]);
    expect(eleven.districts.map((x) => x.seats)).toEqual([5, 5, 1]);
  });

  it('a search over random small cases finds the paradox for largest remainder and never for a divisor method', () => {
    const r = rng(1881);
    let found: { populations: number[]; seats: number } | undefined;
    for (let trial = 0; trial < 2000 && !found; trial++) {
      const districts = randomDistricts(r, int(r, 3, 5), 1000);
      for (let seats = 1; seats < 25 && !found; seats++) {
        const a = apportion(districts, seats, { method: 'largest-remainder', min: 0, max: Infinity }).districts;
        const b = apportion(districts, seats + 1, { method: 'largest-remainder', min: 0, max: Infinity }).districts;
        if (b.some((d, i) => d.seats < a[i].seats)) found = { populations: districts.map((d) => d.population), seats };
        for (const method of DIVISOR) {
          const x = apportion(districts, seats, { method, min: 0, max: Infinity }).districts;
          const y = apportion(districts, seats + 1, { method, min: 0, max: Infinity }).districts;
          expect(y.every((d, i) => d.seats >= x[i].seats)).toBe(true);
        }
      }
    }
    expect(found).toBeDefined();
  });
});

describe('10,000 districts', () => {
  it('every method allocates 20,000 seats correctly (heap, not rescans)', () => {
    const r = rng(10_000);
    const districts = randomDistricts(r, 10_000, 5000).map((d) => ({ ...d, population: d.population + 1000 }));
    const total = sum(districts.map((d) => d.population));
    for (const method of METHODS as Method[]) {
      const a = apportion(districts, 20_000, { method });
      const got = a.districts.map((d) => d.seats);
      expect(sum(got)).toBe(20_000);
      expect(a.boundsRespected).toBe(true);
      expect(got.every((s) => s >= 1 && s <= 3)).toBe(true);
      if (method !== 'largest-remainder') {
        const m = method as DivisorMethod;
        let lowestWon = Infinity;
        let highestLost = -Infinity;
        got.forEach((s, i) => {
          const p = districts[i].population;
          if (s > 1) lowestWon = Math.min(lowestWon, priority(m, p, s - 1));
          if (s < 3) highestLost = Math.max(highestLost, priority(m, p, s));
        });
        expect(lowestWon).toBeGreaterThanOrEqual(highestLost * (1 - 1e-12));
      } else {
        // districts not held at a bound keep the quota rule for the seats left to them
        const free = a.districts.filter((d) => !d.bound);
        const freeSeats = 20_000 - sum(a.districts.filter((d) => d.bound).map((d) => d.seats));
        const freePopulation = sum(free.map((d) => d.population));
        for (const d of free) {
          expect(d.seats * freePopulation).toBeGreaterThan(d.population * freeSeats - freePopulation);
          expect(d.seats * freePopulation).toBeLessThan(d.population * freeSeats + freePopulation);
        }
      }
      expect(total).toBe(a.totalPopulation);
    }
  });
});
