/**
 * Allocation of a congress's seats to electoral districts (代表名额分配): runs the chosen method within the
 * per-district bounds (1–3 by default, as the Election Law requires), then adds what the clerk reports —
 * exact share, population per deputy and its deviation from the average — and says honestly when no allocation
 * within the bounds exists or a district is too large or too small for them, naming the districts to split or
 * merge. Never returns seats outside the bounds without saying so (boundsRespected: false plus infeasible).
 */
import { Message } from '../common/problem';
import {
  Allocation, ApportionOptions, CoreResult, District, DistrictAllocation, Infeasible, METHOD_INFO, METHODS, Method,
  formatNumber, tieBreak,
} from './apportion-types';
import { divisorApportion } from './divisor-methods';
import { largestRemainderApportion } from './largest-remainder';

export * from './apportion-types';

export const DEFAULT_MIN_SEATS = 1;
export const DEFAULT_MAX_SEATS = 3;
export const DEFAULT_REDRAW_TOLERANCE = 0.5;

function runMethod(method: Method, districts: readonly District[], seats: number, min: number, max: number): CoreResult {
  return method === 'largest-remainder' ? largestRemainderApportion(districts, seats, min, max) : divisorApportion(method, districts, seats, min, max);
}

/** Throws RangeError for input no method can take (the table reader reports these to the clerk first). */
function validate(districts: readonly District[], seats: number, min: number, max: number, method: Method, tolerance: number): void {
  if (!METHODS.includes(method)) throw new RangeError(`unknown method "${method}"; use one of ${METHODS.join(', ')}`);
  if (districts.length === 0) throw new RangeError('no districts to apportion');
  if (!Number.isSafeInteger(seats) || seats < 0) throw new RangeError(`seats must be a non-negative whole number, not ${seats}`);
  if (!Number.isSafeInteger(min) || min < 0) throw new RangeError(`min must be a non-negative whole number, not ${min}`);
  if (!(max === Infinity || Number.isSafeInteger(max)) || max < min) throw new RangeError(`max must be a whole number not below min (${min}), not ${max}`);
  if (!(tolerance >= 0)) throw new RangeError(`redraw tolerance must be non-negative, not ${tolerance}`);
  const names = new Set<string>();
  let total = 0;
  for (const d of districts) {
    if (!Number.isSafeInteger(d.population) || d.population < 0) {
      throw new RangeError(`district "${d.name}": population must be a non-negative whole number, not ${d.population}`);
    }
    if (names.has(d.name)) throw new RangeError(`district "${d.name}" appears twice`);
    names.add(d.name);
    total += d.population;
  }
  if (total === 0) throw new RangeError('the total population is 0');
  if (!Number.isSafeInteger(total)) throw new RangeError('the total population is too large');
}

/** The largest number of seats the bounds allow (a district with no population cannot take more than the minimum). */
function roomBelowMaxima(districts: readonly District[], min: number, max: number): number {
  return districts.reduce((s, d) => s + (d.population > 0 ? max : min), 0);
}

/** The `count` districts first in `order`, as names. */
function firstNames(districts: readonly District[], order: (a: District, b: District) => number, count: number): string[] {
  return [...districts].sort(order).slice(0, Math.max(0, count)).map((d) => d.name);
}

/** Why no allocation within the bounds exists (or a district is far outside them), and what to redraw. */
function findInfeasibility(districts: readonly District[], seats: number, min: number, max: number, tolerance: number, quotas: number[]): Infeasible | undefined {
  const n = districts.length;
  const zh: string[] = [];
  const en: string[] = [];
  const split = new Set<string>();
  const merge = new Set<string>();
  const smallestFirst = (a: District, b: District) => -tieBreak(a, b);
  if (seats < n * min) {
    const fewer = n - Math.floor(seats / Math.max(min, 1));
    zh.push(`${n}个选区每个至少${min}席需要${n * min}席，只有${seats}席：至少要减少${fewer}个选区（合并人口最少的选区）`);
    en.push(`${n} districts with at least ${min} seats each need ${n * min} seats but there are ${seats}: at least ${fewer} districts fewer are needed (merge the smallest)`);
    for (const name of firstNames(districts, smallestFirst, fewer)) merge.add(name);
  }
  const room = roomBelowMaxima(districts, min, max);
  if (seats > room) {
    const more = Number.isFinite(max) ? Math.ceil((seats - room) / Math.max(max, 1)) : 0;
    zh.push(`${n}个选区每个至多${max}席，最多容纳${room}席，应选${seats}席：至少要增加${more}个选区（拆分人口最多的选区）`);
    en.push(`${n} districts with at most ${max} seats each hold at most ${room} seats, but ${seats} are to be elected: at least ${more} more districts are needed (split the largest)`);
    for (const name of firstNames(districts, tieBreak, more)) split.add(name);
  }
  const tooBig: string[] = [];
  const tooSmall: string[] = [];
  districts.forEach((d, i) => {
    if (quotas[i] > max + tolerance) { tooBig.push(`${d.name}（${formatNumber(quotas[i])}）`); split.add(d.name); }
    if (quotas[i] < min - tolerance) { tooSmall.push(`${d.name}（${formatNumber(quotas[i])}）`); merge.add(d.name); }
  });
  if (tooBig.length > 0) {
    zh.push(`按人口比例应得名额远超上限${max}席（超过${formatNumber(max + tolerance)}）的选区应拆分：${tooBig.join('、')}`);
    en.push(`districts whose proportional share is far above the maximum of ${max} (over ${formatNumber(max + tolerance)}) should be split: ${tooBig.join(', ').replace(/（/g, ' (').replace(/）/g, ')')}`);
  }
  if (tooSmall.length > 0) {
    zh.push(`按人口比例应得名额远低于下限${min}席（不足${formatNumber(min - tolerance)}）的选区应与相邻选区合并：${tooSmall.join('、')}`);
    en.push(`districts whose proportional share is far below the minimum of ${min} (under ${formatNumber(min - tolerance)}) should be merged with a neighbour: ${tooSmall.join(', ').replace(/（/g, ' (').replace(/）/g, ')')}`);
  }
  if (zh.length === 0) return undefined;
  const byPopulation = (names: Set<string>) => districts.filter((d) => names.has(d.name)).sort(tieBreak).map((d) => d.name);
  return {
    reason: { zh: `选区划分需要调整：${zh.join('；')}。`, en: `The districts need to be redrawn: ${en.join('; ')}.` },
    splitCandidates: byPopulation(split),
    mergeCandidates: byPopulation(merge).reverse(),
  };
}

/**
 * Allocates `seats` among `districts` by `options.method`, each district within [min, max] (default 1–3).
 * When no allocation within the bounds exists, the seats shown are the method's allocation without bounds,
 * `boundsRespected` is false and `infeasible` says what to redraw. Throws RangeError for invalid input.
 */
export function apportion(districts: readonly District[], seats: number, options: ApportionOptions): Allocation {
  const method = options.method;
  const min = options.min ?? DEFAULT_MIN_SEATS;
  const max = options.max ?? DEFAULT_MAX_SEATS;
  const tolerance = options.redrawTolerance ?? DEFAULT_REDRAW_TOLERANCE;
  validate(districts, seats, min, max, method, tolerance);

  const totalPopulation = districts.reduce((s, d) => s + d.population, 0);
  const quotas = districts.map((d) => (d.population * seats) / totalPopulation);
  const infeasible = findInfeasibility(districts, seats, min, max, tolerance, quotas);
  const boundsRespected = seats >= districts.length * min && seats <= roomBelowMaxima(districts, min, max);
  const core = boundsRespected ? runMethod(method, districts, seats, min, max) : runMethod(method, districts, seats, 0, Infinity);

  const average = seats > 0 ? totalPopulation / seats : Infinity;
  const warnings: Message[] = [];
  if (!boundsRespected) {
    warnings.push({
      zh: `不存在每个选区${min}至${max}席的分配方案；下表名额未受上下限约束，仅供调整选区参考。`,
      en: `No allocation with ${min}–${max} seats per district exists; the seats shown ignore the bounds and are only a guide for redrawing the districts.`,
    });
  }
  const result: DistrictAllocation[] = districts.map((d, i) => {
    const s = core.seats[i];
    const ppd = s > 0 ? d.population / s : null;
    const deviation = ppd !== null && Number.isFinite(average) ? ((ppd - average) / average) * 100 : null;
    const bound = core.bounds[i];
    const entry: DistrictAllocation = {
      name: d.name, population: d.population, seats: s, quota: quotas[i], populationPerDeputy: ppd, deviationPercent: deviation,
      lastSeatReason: core.reasons[i],
    };
    if (bound) entry.bound = bound;
    return entry;
  });
  for (const d of result) {
    if (d.population === 0) {
      warnings.push({ zh: `选区“${d.name}”人口数为0，请核对。`, en: `District "${d.name}" has a population of 0: check it.` });
    }
    if (d.bound && d.deviationPercent !== null && (d.bound === 'max' ? d.quota > d.seats : d.quota < d.seats)) {
      const dev = formatNumber(Math.round(d.deviationPercent * 100) / 100);
      warnings.push(d.bound === 'max'
        ? { zh: `选区“${d.name}”按比例应得${formatNumber(d.quota)}席，受上限限制为${d.seats}席，每名代表所代表人口数偏差${dev}%。`, en: `District "${d.name}" has a share of ${formatNumber(d.quota)} seats but is capped at ${d.seats}; population per deputy deviates ${dev}%.` }
        : { zh: `选区“${d.name}”按比例应得${formatNumber(d.quota)}席，按下限给${d.seats}席，每名代表所代表人口数偏差${dev}%。`, en: `District "${d.name}" has a share of ${formatNumber(d.quota)} seats but gets the minimum of ${d.seats}; population per deputy deviates ${dev}%.` });
    }
  }
  for (const t of core.ties) warnings.push(t.message);

  const maxDeviationPercent = result.reduce((m, d) => (d.deviationPercent !== null ? Math.max(m, Math.abs(d.deviationPercent)) : m), 0);
  const allocation: Allocation = {
    method,
    methodName: METHOD_INFO[method].name,
    seats, min, max, totalPopulation,
    averagePopulationPerDeputy: average,
    districts: result,
    maxDeviationPercent,
    boundsRespected,
    ties: core.ties,
    warnings,
  };
  if (infeasible) allocation.infeasible = infeasible;
  return allocation;
}
