/**
 * The shapes shared by the apportionment methods: the methods offered, a district's input, an allocation with
 * its explanation (why each district got its last seat), ties and infeasibility, plus small formatting helpers
 * for the explanations.
 */
import { Message } from '../common/problem';

export type Method = 'largest-remainder' | 'huntington-hill' | 'webster' | 'dhondt' | 'adams';
export type DivisorMethod = Exclude<Method, 'largest-remainder'>;

export const METHODS: readonly Method[] = ['largest-remainder', 'huntington-hill', 'webster', 'dhondt', 'adams'];

export interface MethodInfo {
  name: Message;
  /** What the method does and what it tends to favour: shown to the clerk choosing one. */
  description: Message;
}

export const METHOD_INFO: Readonly<Record<Method, MethodInfo>> = {
  'largest-remainder': {
    name: { zh: '最大余数法（哈密尔顿法）', en: 'largest remainder (Hamilton)' },
    description: {
      zh: '按人口比例算出各选区份额，先分整数部分，剩余名额按余数从大到小分配；选举机构常用（比例加惯例）。每个选区的名额总在份额的上下取整之间，但增加总名额时个别选区可能反而减少（阿拉巴马悖论）。',
      en: 'Each district gets the whole part of its exact share; the seats left go to the largest remainders. Common practice in election offices. Every district stays within its share rounded down or up, but a larger house can give a district fewer seats (Alabama paradox).',
    },
  },
  'huntington-hill': {
    name: { zh: '亨廷顿–希尔法（Q值法）', en: 'Huntington–Hill (equal proportions, Q-value method)' },
    description: {
      zh: '每一席给Q值最大的选区，Q = 人口² ÷ (n(n+1))，n为该选区已得名额；使各选区每名代表所代表人口数的相对差异最小，即数学建模教学中的Q值法。',
      en: 'Each seat goes to the district with the largest Q = population² / (n(n+1)), n being its seats so far; minimises the relative differences in population per deputy. The "Q-value method" of Chinese modelling courses.',
    },
  },
  webster: {
    name: { zh: '韦伯斯特法（圣拉古法）', en: 'Webster (Sainte-Laguë)' },
    description: {
      zh: '每一席给 人口 ÷ (n + 0.5) 最大的选区（即份额按四舍五入取整）；对大、小选区均无系统偏向。',
      en: 'Each seat goes to the largest population / (n + 0.5) (shares rounded to the nearest whole number); no systematic bias towards large or small districts.',
    },
  },
  dhondt: {
    name: { zh: '洪德法（杰斐逊法）', en: "D'Hondt (Jefferson)" },
    description: {
      zh: '每一席给 人口 ÷ (n + 1) 最大的选区（份额向下取整）；偏向人口多的选区。',
      en: "Each seat goes to the largest population / (n + 1) (shares rounded down); favours larger districts.",
    },
  },
  adams: {
    name: { zh: '亚当斯法', en: 'Adams' },
    description: {
      zh: '每一席给 人口 ÷ n 最大的选区（份额向上取整，未得名额的选区优先）；偏向人口少的选区。',
      en: 'Each seat goes to the largest population / n (shares rounded up; districts without a seat come first); favours smaller districts.',
    },
  },
};

export interface District {
  name: string;
  population: number;
}

export interface ApportionOptions {
  method: Method;
  /** Fewest seats per district; 1 by default (选举法: 每一选区选一名至三名代表). */
  min?: number;
  /** Most seats per district; 3 by default. Infinity for no upper bound. */
  max?: number;
  /**
   * How far a district's exact share may lie outside [min, max] before it must be redrawn: a share above
   * max + tolerance means "split it", below min − tolerance "merge it". 0.5 by default.
   */
  redrawTolerance?: number;
}

export type BoundHit = 'min' | 'max';

export interface DistrictAllocation {
  name: string;
  population: number;
  seats: number;
  /** Exact share of the seats: population × seats / total population (bounds ignored). */
  quota: number;
  /** population / seats; null when the district got no seat. */
  populationPerDeputy: number | null;
  /** (populationPerDeputy − average) / average × 100, average = total population / seats; null without a seat. */
  deviationPercent: number | null;
  /** Set when a bound, not the method's own arithmetic, decided the district's seats. */
  bound?: BoundHit;
  /** Why the district got its last seat (the priority value or remainder that won it) or why it stopped. */
  lastSeatReason: Message;
}

export interface Tie {
  /** The equal priority value or remainder, as shown in the explanations. */
  value: string;
  /** Districts that got a seat at that value (by the tie-break: larger population first, then name order). */
  winners: string[];
  /** Districts that had the same value and did not. */
  losers: string[];
  message: Message;
}

export interface Infeasible {
  reason: Message;
  /** Districts too large for the maximum: split them. */
  splitCandidates: string[];
  /** Districts too small for the minimum: merge them with a neighbour. */
  mergeCandidates: string[];
}

export interface Allocation {
  method: Method;
  methodName: Message;
  seats: number;
  min: number;
  max: number;
  totalPopulation: number;
  /** total population / seats. */
  averagePopulationPerDeputy: number;
  districts: DistrictAllocation[];
  /** The largest |deviationPercent| over the districts with seats. */
  maxDeviationPercent: number;
  /** False only when no allocation within the bounds exists; the seats then ignore the bounds (see infeasible). */
  boundsRespected: boolean;
  ties: Tie[];
  warnings: Message[];
  infeasible?: Infeasible;
}

/** What a method computes for the districts, before the statistics common to every method are added. */
export interface CoreResult {
  seats: number[];
  reasons: Message[];
  bounds: (BoundHit | undefined)[];
  ties: Tie[];
}

/** A number for an explanation: whole numbers as they are, others to at most 4 decimals. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(4)));
}

/** Code-point order of names: deterministic everywhere (unlike locale collation). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The deterministic tie-break: larger population first, then name order. Negative when a goes first. */
export function tieBreak(a: District, b: District): number {
  if (a.population !== b.population) return b.population - a.population;
  return compareNames(a.name, b.name);
}
