/**
 * The statutory total of deputies (代表名额总数) of a county-level or township-level people's congress, from the
 * population of its administrative area: base + one deputy per step of population, capped; small areas may
 * have fewer; an optional extra of up to 5 % decided by the provincial standing committee.
 *
 * Where the numbers come from (选举法, Election Law of the NPC and Local People's Congresses):
 * - 2020 amendment, art. 12 (3)(4): 不设区的市、市辖区、县、自治县 — 基数 140 名，每 5000 人可以增加一名代表；
 *   人口超过 155 万的，代表总名额不得超过 450 名；人口不足 5 万的，代表总名额可以少于 140 名。
 *   乡、民族乡、镇 — 基数 45 名，每 1500 人可以增加一名代表；但是，代表总名额不得超过 160 名；
 *   人口不足 2000 的，代表总名额可以少于 45 名。
 * - 2010 amendment, art. 11 (3)(4): the same text with bases 120 (county) and 40 (township); steps, caps and
 *   small-population thresholds unchanged (5,000 / 450 / 1,550,000 / 50,000 and 1,500 / 160 / 2,000).
 * - Extra: 聚居的少数民族多或者人口居住分散的县、自治县、乡、民族乡，经省、自治区、直辖市的人民代表大会常务委员会
 *   决定，代表名额可以另加百分之五。It is an input here, never assumed. We add floor(total × p / 100) deputies
 *   for p in [0, 5]: rounding down keeps the extra within the p % that was decided ("可以另加" is a ceiling).
 *   The extra is added after the cap (the cap bounds the ordinary figure; the extra is on top of it).
 *
 * How the cap is reported: for the county level the law attaches the 450 cap to "population above 1,550,000";
 * we report rule "cap" when that condition holds and the ordinary figure reaches the cap (so 1,550,000 people →
 * base-plus-step 450; 1,550,001 → cap 450). The township cap of 160 has no population condition: rule "cap"
 * when base + steps exceeds 160 (172,500 people → base-plus-step 160; 174,000 → cap 160).
 * A small population (rule "small-population: may be fewer") takes precedence in the reported rule; the
 * statutory figure is still computed and given.
 */
import { Message } from '../common/problem';

export type CongressLevel = 'county' | 'township';
export type ElectionLawVersion = 2020 | 2010;
export type StatutoryRule = 'base-plus-step' | 'cap' | 'small-population: may be fewer';

export interface StatutoryTotalInput {
  level: CongressLevel;
  /** Population of the administrative area (a non-negative integer). */
  population: number;
  /** Which text of the Election Law; 2020 by default. */
  law?: ElectionLawVersion;
  /** Extra percentage decided by the provincial standing committee, 0–5; none by default. */
  extraPercent?: number;
}

export interface StatutoryTotal {
  level: CongressLevel;
  law: ElectionLawVersion;
  population: number;
  base: number;
  /** One more deputy per this many people. */
  step: number;
  cap: number;
  /** Population above which the cap applies (county level); null when the cap always applies (township). */
  capAbovePopulation: number | null;
  /** Population below which the total may be fewer than the base. */
  smallPopulationBelow: number;
  /** base + floor(population / step), before the cap. */
  uncapped: number;
  /** The ordinary statutory figure: uncapped, limited by the cap where it applies. */
  statutoryTotal: number;
  extraPercent: number;
  /** floor(statutoryTotal × extraPercent / 100). */
  extra: number;
  /** statutoryTotal + extra: the number of deputies the congress has. */
  total: number;
  rule: StatutoryRule;
  /** True when the population is below the small-population threshold: the total may be set lower than the base. */
  mayBeFewer: boolean;
  message: Message;
}

interface LawNumbers {
  base: number;
  step: number;
  cap: number;
  capAbovePopulation: number | null;
  smallPopulationBelow: number;
}

/** The numbers of 选举法 for each level and law version (see the file comment for the article text). */
export const STATUTORY_NUMBERS: Readonly<Record<ElectionLawVersion, Readonly<Record<CongressLevel, LawNumbers>>>> = {
  2020: {
    county: { base: 140, step: 5000, cap: 450, capAbovePopulation: 1_550_000, smallPopulationBelow: 50_000 },
    township: { base: 45, step: 1500, cap: 160, capAbovePopulation: null, smallPopulationBelow: 2000 },
  },
  2010: {
    county: { base: 120, step: 5000, cap: 450, capAbovePopulation: 1_550_000, smallPopulationBelow: 50_000 },
    township: { base: 40, step: 1500, cap: 160, capAbovePopulation: null, smallPopulationBelow: 2000 },
  },
};

const LEVEL_ZH: Record<CongressLevel, string> = { county: '县级（不设区的市、市辖区、县、自治县）', township: '乡级（乡、民族乡、镇）' };
const LEVEL_EN: Record<CongressLevel, string> = { county: 'county level', township: 'township level' };

/** Computes the statutory total. Throws RangeError for a negative or fractional population or an extra outside 0–5. */
export function statutoryTotal(input: StatutoryTotalInput): StatutoryTotal {
  const { level, population } = input;
  const law: ElectionLawVersion = input.law ?? 2020;
  const extraPercent = input.extraPercent ?? 0;
  const numbers = STATUTORY_NUMBERS[law]?.[level];
  if (!numbers) throw new RangeError(`unknown level "${level}" or law "${law}"`);
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`population must be a non-negative whole number, not ${population}`);
  }
  if (!Number.isFinite(extraPercent) || extraPercent < 0 || extraPercent > 5) {
    throw new RangeError(`extra percent must be between 0 and 5, not ${extraPercent}`);
  }
  const { base, step, cap, capAbovePopulation, smallPopulationBelow } = numbers;
  const uncapped = base + Math.floor(population / step);
  const capApplies = capAbovePopulation === null || population > capAbovePopulation;
  const statutory = capApplies ? Math.min(uncapped, cap) : uncapped;
  const mayBeFewer = population < smallPopulationBelow;
  // "cap" when the cap cut the figure, or (county) when the law's "above 1,550,000" condition holds at the cap.
  const capRules = uncapped > cap || (capAbovePopulation !== null && capApplies && uncapped >= cap);
  const rule: StatutoryRule = mayBeFewer ? 'small-population: may be fewer' : capApplies && capRules ? 'cap' : 'base-plus-step';
  // Integer arithmetic in hundredths of a percent avoids 0.07 × 100 style float noise.
  const extra = Math.floor((statutory * Math.round(extraPercent * 100)) / 10000);
  const total = statutory + extra;

  const steps = Math.floor(population / step);
  const zhParts = [`${LEVEL_ZH[level]}（选举法${law}年文本）：基数${base}名，每${step}人增加一名，人口${population}人增加${steps}名，计${uncapped}名`];
  const enParts = [`${LEVEL_EN[level]} (Election Law, ${law} text): base ${base}, one more per ${step} people, ${population} people add ${steps}: ${uncapped}`];
  if (rule === 'cap') {
    zhParts.push(capAbovePopulation === null ? `代表总名额不得超过${cap}名，按${cap}名计` : `人口超过${capAbovePopulation}的，代表总名额不得超过${cap}名，按${statutory}名计`);
    enParts.push(capAbovePopulation === null ? `the total may not exceed ${cap}: ${cap}` : `above ${capAbovePopulation} people the total may not exceed ${cap}: ${statutory}`);
  }
  if (mayBeFewer) {
    zhParts.push(`人口不足${smallPopulationBelow}，代表总名额可以少于${base}名（法定计算数仍为${statutory}名）`);
    enParts.push(`population below ${smallPopulationBelow}: the total may be fewer than ${base} (the statutory figure is still ${statutory})`);
  }
  if (extraPercent > 0) {
    zhParts.push(`另加${extraPercent}%（向下取整）${extra}名，共${total}名`);
    enParts.push(`plus ${extraPercent}% (rounded down) = ${extra}, ${total} in all`);
  } else {
    zhParts.push(`代表总名额${total}名`);
    enParts.push(`total ${total}`);
  }
  return {
    level, law, population, base, step, cap, capAbovePopulation, smallPopulationBelow, uncapped,
    statutoryTotal: statutory, extraPercent, extra, total, rule, mayBeFewer,
    message: { zh: `${zhParts.join('；')}。`, en: `${enParts.join('; ')}.` },
  };
}
