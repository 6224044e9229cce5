/**
 * Every apportionment method side by side on the same districts and bounds, marking the districts whose seats
 * depend on the method chosen — the clerk's basis for explaining the choice to the election committee.
 */
import { Message } from '../common/problem';
import { Allocation, District, METHODS, METHOD_INFO, Method, apportion } from './apportion';

export interface MethodDifference {
  name: string;
  population: number;
  seatsByMethod: Record<Method, number>;
  /** True when not every method gives this district the same number of seats. */
  differs: boolean;
}

export interface MethodComparison {
  allocations: Record<Method, Allocation>;
  /** One row per district, in input order. */
  differences: MethodDifference[];
  /** Names of the districts whose seats differ between methods. */
  differingDistricts: string[];
  /** The method(s) with the smallest largest deviation of population per deputy. */
  smallestMaxDeviation: Method[];
  summary: Message;
}

export function compareMethods(districts: readonly District[], seats: number, options: { min?: number; max?: number; redrawTolerance?: number } = {}): MethodComparison {
  const allocations = Object.fromEntries(METHODS.map((m) => [m, apportion(districts, seats, { ...options, method: m })])) as Record<Method, Allocation>;
  const differences: MethodDifference[] = districts.map((d, i) => {
    const seatsByMethod = Object.fromEntries(METHODS.map((m) => [m, allocations[m].districts[i].seats])) as Record<Method, number>;
    const values = Object.values(seatsByMethod);
    return { name: d.name, population: d.population, seatsByMethod, differs: values.some((v) => v !== values[0]) };
  });
  const differingDistricts = differences.filter((d) => d.differs).map((d) => d.name);
  // Compare deviations rounded to 1e-9 so float noise does not pick a single "best" among equal allocations.
  const key = (m: Method) => Math.round(allocations[m].maxDeviationPercent * 1e9);
  const best = Math.min(...METHODS.map(key));
  const smallestMaxDeviation = METHODS.filter((m) => key(m) === best);
  const bestZh = smallestMaxDeviation.map((m) => METHOD_INFO[m].name.zh).join('、');
  const bestEn = smallestMaxDeviation.map((m) => METHOD_INFO[m].name.en).join(', ');
  const summary: Message = differingDistricts.length === 0
    ? { zh: `各方法分配结果相同。`, en: 'All methods give the same allocation.' }
    : {
      zh: `各方法结果不同的选区有${differingDistricts.length}个：${differingDistricts.join('、')}。最大偏差最小的方法：${bestZh}。`,
      en: `${differingDistricts.length} district(s) differ between methods: ${differingDistricts.join(', ')}. Smallest largest deviation: ${bestEn}.`,
    };
  return { allocations, differences, differingDistricts, smallestMaxDeviation, summary };
}
