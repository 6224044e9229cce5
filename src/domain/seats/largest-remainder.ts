/**
 * The largest remainder method (Hamilton, 最大余数法) with per-district bounds.
 *
 * Without bounds: each district's exact share q = population × seats / total population; every district gets
 * floor(q), and the seats left over go one each to the largest remainders q − floor(q).
 *
 * With bounds [min, max]: a district whose share falls outside the bounds is fixed at the bound, and the other
 * districts share the remaining seats in proportion — iterated until no share of the rest falls outside. The
 * fixed point is found directly: find the scale λ with Σ clamp(population × λ, min, max) = seats (a sweep over
 * the breakpoints min/population and max/population), fix the clamped districts, then check every remaining
 * share exactly and move any that still falls outside (rounding at a breakpoint) to its bound.
 *
 * Shares and remainders are exact fractions (BigInt), so equal remainders are real ties; they are broken by
 * larger population, then name order, and reported when they decided a seat.
 */
import { Message } from '../common/problem';
import { BoundHit, CoreResult, District, Tie, formatNumber, tieBreak } from './apportion-types';

type Place = 'low' | 'free' | 'high';

/** Which districts sit at a bound: the clamped proportional shares that add up to `seats`. */
function findBoundedDistricts(districts: readonly District[], seats: number, min: number, max: number): Place[] {
  const n = districts.length;
  const place: Place[] = districts.map((d) => (d.population === 0 || min > 0 ? 'low' : 'free'));
  let countLow = place.filter((p) => p === 'low').length;
  let countHigh = 0;
  let freePopulation = districts.reduce((s, d, i) => s + (place[i] === 'free' ? d.population : 0), 0);
  const events: { lambda: number; index: number; kind: 0 | 1 }[] = [];
  districts.forEach((d, index) => {
    if (d.population === 0) return;
    if (min > 0) events.push({ lambda: min / d.population, index, kind: 0 });
    if (Number.isFinite(max)) events.push({ lambda: max / d.population, index, kind: 1 });
  });
  events.sort((a, b) => a.lambda - b.lambda || a.kind - b.kind);
  const fixedSeats = () => min * countLow + (countHigh > 0 ? max * countHigh : 0);
  for (const e of events) {
    if (fixedSeats() + e.lambda * freePopulation >= seats) break;
    const p = districts[e.index].population;
    if (e.kind === 0) { place[e.index] = 'free'; countLow--; freePopulation += p; } else { place[e.index] = 'high'; countHigh++; freePopulation -= p; }
  }

  // Exact check of the free shares: p × S / P must lie within [min, max]; move strays to their bound.
  for (let round = 0; round <= n; round++) {
    const free = place.map((p, i) => (p === 'free' ? i : -1)).filter((i) => i >= 0);
    const S = BigInt(seats - fixedSeatsOf(place, min, max));
    const P = BigInt(free.reduce((s, i) => s + districts[i].population, 0));
    if (free.length === 0) break;
    let moved = false;
    for (const i of free) {
      const pS = BigInt(districts[i].population) * S;
      if (Number.isFinite(max) && pS > BigInt(max) * P) { place[i] = 'high'; moved = true; }
      else if (pS < BigInt(min) * P) { place[i] = 'low'; moved = true; }
    }
    if (!moved) break;
  }
  return place;
}

function fixedSeatsOf(place: readonly Place[], min: number, max: number): number {
  let s = 0;
  for (const p of place) if (p === 'low') s += min; else if (p === 'high') s += max;
  return s;
}

/**
 * Allocates `seats` among `districts` by largest remainders within [min, max] (max may be Infinity).
 * The caller checks feasibility first (districts × min ≤ seats ≤ room below the maxima).
 */
export function largestRemainderApportion(districts: readonly District[], seats: number, min: number, max: number): CoreResult {
  const n = districts.length;
  const place = findBoundedDistricts(districts, seats, min, max);
  const free = place.map((p, i) => (p === 'free' ? i : -1)).filter((i) => i >= 0);
  const freeSeats = seats - fixedSeatsOf(place, min, max);
  const freePopulation = free.reduce((s, i) => s + districts[i].population, 0);
  if (freeSeats < 0 || (free.length === 0 && freeSeats !== 0) || (freeSeats > 0 && freePopulation === 0)) {
    throw new RangeError(`${seats} seats cannot be given to ${n} districts within ${min}–${max}`);
  }
  const S = BigInt(freeSeats);
  const P = BigInt(freePopulation || 1);
  const held = new Array<number>(n).fill(0);
  const remainder = new Array<bigint>(n).fill(0n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (place[i] === 'low') held[i] = min;
    else if (place[i] === 'high') held[i] = max;
    else {
      const pS = BigInt(districts[i].population) * S;
      held[i] = Number(pS / P);
      remainder[i] = pS % P;
      given += held[i];
    }
  }
  const leftOver = freeSeats - given;
  const order = [...free].sort((a, b) => (remainder[a] === remainder[b] ? tieBreak(districts[a], districts[b]) : remainder[a] > remainder[b] ? -1 : 1));
  const gotRemainderSeat = new Array<boolean>(n).fill(false);
  for (let k = 0; k < leftOver; k++) { held[order[k]]++; gotRemainderSeat[order[k]] = true; }

  const bounded = free.length < n;
  const shareOf = (i: number) => Number(BigInt(districts[i].population) * S * 1000000n / P) / 1000000;
  const remainderOf = (i: number) => Number(remainder[i] * 1000000n / P) / 1000000;
  const ties: Tie[] = [];
  if (leftOver > 0 && leftOver < order.length && remainder[order[leftOver - 1]] === remainder[order[leftOver]]) {
    const r = remainder[order[leftOver]];
    const same = order.filter((i) => remainder[i] === r);
    const winners = same.filter((i) => gotRemainderSeat[i]).map((i) => districts[i].name);
    const losers = same.filter((i) => !gotRemainderSeat[i]).map((i) => districts[i].name);
    const value = formatNumber(remainderOf(order[leftOver]));
    ties.push({
      value,
      winners,
      losers,
      message: {
        zh: `余数相同（${value}）：${[...winners, ...losers].join('、')}；按人口多者优先、再按名称顺序，由${winners.join('、')}获得余数名额，${losers.join('、')}未获得。`,
        en: `Equal remainders ${value}: ${[...winners, ...losers].join(', ')}; broken by larger population, then name order: ${winners.join(', ')} got a remainder seat, ${losers.join(', ')} did not.`,
      },
    });
  }
  const lowestWinning = leftOver > 0 ? order[leftOver - 1] : undefined;
  const rank = new Map(order.map((i, k) => [i, k + 1]));

  const reasons: Message[] = [];
  const bounds: (BoundHit | undefined)[] = [];
  const among = bounded
    ? { zh: `（其余${free.length}个选区按人口比例分配剩余${freeSeats}席）`, en: ` (the other ${free.length} districts sharing the remaining ${freeSeats} seats in proportion)` }
    : { zh: '', en: '' };
  for (let i = 0; i < n; i++) {
    const d = districts[i];
    if (place[i] === 'low') {
      bounds.push(min > 0 ? 'min' : undefined);
      reasons.push({
        zh: `按比例的份额不高于下限，按下限${min}席。`,
        en: `proportional share at or below the minimum: given the minimum of ${min}.`,
      });
      continue;
    }
    if (place[i] === 'high') {
      bounds.push('max');
      reasons.push({ zh: `按比例的份额不低于上限，按上限${max}席。`, en: `proportional share at or above the maximum: capped at ${max}.` });
      continue;
    }
    bounds.push(undefined);
    const share = formatNumber(shareOf(i));
    const whole = held[i] - (gotRemainderSeat[i] ? 1 : 0);
    const rem = formatNumber(remainderOf(i));
    const cut = lowestWinning !== undefined ? formatNumber(remainderOf(lowestWinning)) : undefined;
    if (gotRemainderSeat[i]) {
      reasons.push({
        zh: `份额 ${share}${among.zh}：整数部分${whole}席，余数 ${rem} 排第${rank.get(i)}位，获得余数名额（剩余${leftOver}席）。`,
        en: `share ${share}${among.en}: whole part ${whole}, remainder ${rem} ranked ${rank.get(i)}, won one of the ${leftOver} remainder seats.`,
      });
    } else if (ties.length > 0 && ties[0].losers.includes(d.name)) {
      reasons.push({
        zh: `份额 ${share}${among.zh}：整数部分${whole}席，余数 ${rem} 与获得余数名额的最小余数相同，按平局规则（人口多者优先，再按名称顺序）未获得余数名额。`,
        en: `share ${share}${among.en}: whole part ${whole}; remainder ${rem} equals the smallest winning remainder, and the tie-break (larger population, then name order) went against it.`,
      });
    } else {
      reasons.push({
        zh: `份额 ${share}${among.zh}：整数部分${whole}席${leftOver > 0 ? `，余数 ${rem} 排第${rank.get(i)}位，未获得余数名额（获得余数名额的最小余数 ${cut}）` : '，没有剩余名额'}。`,
        en: `share ${share}${among.en}: whole part ${whole}${leftOver > 0 ? `; remainder ${rem} ranked ${rank.get(i)}, no remainder seat (smallest winning remainder ${cut})` : '; no seats left over'}.`,
      });
    }
  }
  return { seats: held, reasons, bounds, ties };
}
