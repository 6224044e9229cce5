/**
 * The divisor methods — Huntington–Hill (Q值法), Webster/Sainte-Laguë, D'Hondt/Jefferson and Adams — as
 * sequential awards by priority value with per-district bounds: every district starts at the minimum, then each
 * remaining seat goes to the district with the highest priority population / d(n) that is still below the maximum
 * (n = seats it holds). This is the same as a divisor method with its rounding clamped to [min, max].
 *
 *   D'Hondt     d(n) = n + 1              (round down)
 *   Webster     d(n) = n + 0.5            (round to nearest)
 *   Adams       d(n) = n                  (round up; a district with no seat has infinite priority)
 *   Huntington–Hill d(n) = √(n(n+1))      (geometric mean; ranked by Q = population² / (n(n+1)), the same order)
 *
 * Priorities are compared exactly (integer cross-multiplication, BigInt when close), so equal priorities are
 * real ties; they are broken by larger population, then name order, and reported when they decided a seat.
 * A heap keeps this O((districts + seats) · log districts).
 */
import { Message } from '../common/problem';
import { BoundHit, CoreResult, District, DivisorMethod, Tie, formatNumber, tieBreak } from './apportion-types';
import { PriorityQueue } from './priority-queue';

/** Priority value of a district with `population` holding `held` seats, as a float (Infinity for "no seat yet"). */
export function priorityValue(method: DivisorMethod, population: number, held: number): number {
  if (population === 0) return 0;
  switch (method) {
    case 'dhondt': return population / (held + 1);
    case 'webster': return population / (held + 0.5);
    case 'adams': return held === 0 ? Infinity : population / held;
    case 'huntington-hill': return held === 0 ? Infinity : (population * population) / (held * (held + 1));
  }
}

/** The same priority as an exact fraction [numerator, denominator]; denominator 0 means infinite. */
function priorityFraction(method: DivisorMethod, population: number, held: number): [bigint, bigint] {
  const p = BigInt(population);
  const n = BigInt(held);
  if (population === 0) return [0n, 1n];
  switch (method) {
    case 'dhondt': return [p, n + 1n];
    case 'webster': return [2n * p, 2n * n + 1n];
    case 'adams': return [p, n];
    case 'huntington-hill': return [p * p, n * (n + 1n)];
  }
}

/** Sign of priority(a) − priority(b), exact. */
export function comparePriority(method: DivisorMethod, pa: number, na: number, pb: number, nb: number): number {
  const va = priorityValue(method, pa, na);
  const vb = priorityValue(method, pb, nb);
  if (va === Infinity || vb === Infinity) return va === vb ? 0 : va === Infinity ? 1 : -1;
  const scale = Math.max(Math.abs(va), Math.abs(vb));
  if (Math.abs(va - vb) > scale * 1e-9) return va > vb ? 1 : -1;
  const [xa, ya] = priorityFraction(method, pa, na);
  const [xb, yb] = priorityFraction(method, pb, nb);
  const l = xa * yb;
  const r = xb * ya;
  return l === r ? 0 : l > r ? 1 : -1;
}

/** How the priority of a district's next seat is worked out, for the explanations: "Q = 1200² ÷ (2×3) = 240000". */
export function describePriority(method: DivisorMethod, population: number, held: number): string {
  const value = formatNumber(priorityValue(method, population, held));
  switch (method) {
    case 'dhondt': return `${population} ÷ ${held + 1} = ${value}`;
    case 'webster': return `${population} ÷ ${held}.5 = ${value}`;
    case 'adams': return held === 0 ? `${population} ÷ 0 = ∞` : `${population} ÷ ${held} = ${value}`;
    case 'huntington-hill': return held === 0 ? `Q = ${population}² ÷ (0×1) = ∞` : `Q = ${population}² ÷ (${held}×${held + 1}) = ${value}`;
  }
}

interface Entry {
  index: number;
  held: number;
}

/**
 * Allocates `seats` among `districts` with every district within [min, max] (max may be Infinity).
 * The caller checks feasibility first: districts.length × min ≤ seats, and enough room below the maxima.
 */
export function divisorApportion(method: DivisorMethod, districts: readonly District[], seats: number, min: number, max: number): CoreResult {
  const n = districts.length;
  const held = new Array<number>(n).fill(min);
  const pop = (e: Entry) => districts[e.index].population;
  const cmp = (a: Entry, b: Entry) => comparePriority(method, pop(a), a.held, pop(b), b.held);
  const before = (a: Entry, b: Entry) => {
    const c = cmp(a, b);
    return c !== 0 ? c > 0 : tieBreak(districts[a.index], districts[b.index]) < 0;
  };
  const heap = new PriorityQueue<Entry>(before);
  for (let i = 0; i < n; i++) if (min < max) heap.push({ index: i, held: min });

  let remaining = seats - n * min;
  if (remaining < 0) throw new RangeError(`${seats} seats cannot give ${n} districts at least ${min} each`);
  /** The entry that won the latest seat, and every district that won a seat at exactly that priority. */
  let last: Entry | undefined;
  let run: number[] = [];
  const wonBySequence = new Array<boolean>(n).fill(false);
  while (remaining > 0) {
    const top = heap.pop();
    if (!top) throw new RangeError(`${seats} seats do not fit in ${n} districts of at most ${max} seats`);
    if (last && cmp(top, last) === 0) run.push(top.index);
    else run = [top.index];
    last = top;
    held[top.index] = top.held + 1;
    wonBySequence[top.index] = true;
    if (top.held + 1 < max) heap.push({ index: top.index, held: top.held + 1 });
    remaining--;
  }

  const ties: Tie[] = [];
  const tieLosers = new Set<number>();
  if (last) {
    const losers: number[] = [];
    for (let next = heap.peek(); next && cmp(next, last) === 0; next = heap.peek()) {
      losers.push(next.index);
      heap.pop();
    }
    if (losers.length > 0) {
      for (const i of losers) tieLosers.add(i);
      const value = formatNumber(priorityValue(method, pop(last), last.held));
      const winners = [...new Set(run)].map((i) => districts[i].name);
      const loserNames = [...new Set(losers)].map((i) => districts[i].name);
      ties.push({
        value,
        winners,
        losers: loserNames,
        message: {
          zh: `末席优先值相同（${value}）：${[...winners, ...loserNames].join('、')}；按人口多者优先、再按名称顺序，由${winners.join('、')}获得，${loserNames.join('、')}未获得。`,
          en: `Equal priority ${value} for the last seat: ${[...winners, ...loserNames].join(', ')}; broken by larger population, then name order: ${winners.join(', ')} got it, ${loserNames.join(', ')} did not.`,
        },
      });
    }
  }

  const cutText = last ? describePriority(method, pop(last), last.held) : undefined;
  const reasons: Message[] = [];
  const bounds: (BoundHit | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const d = districts[i];
    const s = held[i];
    let zh: string;
    let en: string;
    let bound: BoundHit | undefined;
    if (wonBySequence[i]) {
      const how = describePriority(method, d.population, s - 1);
      zh = `第${s}席由优先值 ${how} 获得`;
      en = `seat ${s} won at priority ${how}`;
    } else if (!last) {
      zh = `全部名额按下限分配，每个选区${min}席`;
      en = `all seats given by the minimum of ${min} per district`;
      if (min > 0) bound = 'min';
    } else if (min > 0 && comparePriority(method, d.population, min - 1, pop(last), last.held) < 0) {
      bound = 'min';
      zh = `按下限分配${min}席（其第${min}席的优先值 ${describePriority(method, d.population, min - 1)} 低于末席 ${cutText}）`;
      en = `given the minimum of ${min} (its priority for seat ${min}, ${describePriority(method, d.population, min - 1)}, is below the last seat's ${cutText})`;
    } else if (tieLosers.has(i)) {
      const how = describePriority(method, d.population, s);
      zh = `${s === 0 ? '未获得名额' : `${s}席`}：下一席优先值 ${how} 与末席相同，按平局规则（人口多者优先，再按名称顺序）未获得`;
      en = `${s === 0 ? 'no seat' : `${s} seat(s)`}: its next priority ${how} equals the last seat's, and the tie-break (larger population, then name order) went against it`;
    } else {
      zh = s === 0 ? `未获得名额（优先值 ${describePriority(method, d.population, 0)} 低于末席 ${cutText}）` : `按下限${min}席；下一席优先值 ${describePriority(method, d.population, s)} 未达末席 ${cutText}`;
      en = s === 0 ? `no seat (priority ${describePriority(method, d.population, 0)} is below the last seat's ${cutText})` : `minimum of ${min}; its next priority ${describePriority(method, d.population, s)} is below the last seat's ${cutText}`;
    }
    if (last && s === max && comparePriority(method, d.population, s, pop(last), last.held) >= 0) {
      bound = 'max';
      zh += `；已达上限${max}席：下一席优先值 ${describePriority(method, d.population, s)} 不低于末席 ${cutText}，受上限限制`;
      en += `; at the maximum of ${max}: its next priority ${describePriority(method, d.population, s)} is not below the last seat's ${cutText}, so the cap decided`;
    }
    if (wonBySequence[i] && last && bound !== 'max') {
      zh += `（末席 ${cutText}）`;
      en += ` (last seat overall: ${cutText})`;
    }
    reasons.push({ zh: `${zh}。`, en: `${en}.` });
    bounds.push(bound);
  }
  return { seats: held, reasons, bounds, ties };
}
