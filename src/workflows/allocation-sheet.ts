/**
 * The 代表名额分配 sheet as cell writes: a title, the parameters, one row per district (人口数, 应选代表名额, 份额,
 * 每名代表所代表人口数, 偏差), a 合计 row and the warnings, plus the chart of population per deputy by district.
 * Pure: it lays out what the seat calculator computed; it computes nothing itself.
 */
import { Message } from '../domain/common/problem';
import { CellWrite, WritePlan } from '../domain/workbook/cell-writes';
import { Allocation, DistrictAllocation, Infeasible, METHOD_INFO, Method } from '../domain/seats/apportion-types';
import { ChartSpec, Language } from './workbook-port';

/** The part of the seat calculator's Allocation that the sheet shows. */
export type AllocationForSheet = Pick<Allocation, 'method' | 'seats' | 'maxDeviationPercent' | 'warnings'> & {
  infeasible?: Pick<Infeasible, 'reason'> | null;
  districts: Pick<DistrictAllocation, 'name' | 'population' | 'seats' | 'quota' | 'populationPerDeputy' | 'deviationPercent'>[];
};

/** The method's name as the seat calculator gives it. */
export function methodName(method: string, language: Language): string {
  const info = METHOD_INFO[method as Method];
  return info ? info.name[language] : method;
}

export interface AllocationSheetOptions {
  sheet: string;
  language: Language;
  min: number;
  max: number;
  /** The district table the populations came from, for the record. */
  sourceSheet: string;
}

const round = (x: number | null, digits: number): number | null =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** Layout constants: the header is on row 3, districts from row 4; the chart sits to the right from column I. */
export const ALLOCATION_HEADER_ROW = 3;

export function allocationSheetPlan(allocation: AllocationForSheet, options: AllocationSheetOptions): { plan: WritePlan; chart: ChartSpec } {
  const { sheet, language: lang } = options;
  const zh = lang === 'zh';
  const writes: CellWrite[] = [];
  const put = (row: number, column: number, value: string | number | null) => {
    if (value === null || value === '') return;
    writes.push({ sheet, row, column, value, previous: null });
  };

  put(1, 1, zh ? '代表名额分配表' : 'Allocation of deputies to electoral districts');
  put(2, 1, zh
    ? `分配方法：${methodName(allocation.method, 'zh')}；应选代表总名额：${allocation.seats}名；每一选区选${options.min}至${options.max}名代表；人口数来自工作表“${options.sourceSheet}”。`
    : `Method: ${methodName(allocation.method, 'en')}; deputies in all: ${allocation.seats}; ${options.min} to ${options.max} per district; populations from sheet "${options.sourceSheet}".`);

  const headers = zh
    ? ['选区', '人口数', '应选代表名额', '份额（按人口比例）', '每名代表所代表人口数', '与平均数偏差（%）']
    : ['District', 'Population', 'Deputies', 'Exact share', 'Population per deputy', 'Deviation from average (%)'];
  headers.forEach((h, i) => put(ALLOCATION_HEADER_ROW, i + 1, h));

  let row = ALLOCATION_HEADER_ROW;
  let population = 0;
  let seats = 0;
  for (const d of allocation.districts) {
    row += 1;
    population += d.population;
    seats += d.seats;
    put(row, 1, d.name);
    put(row, 2, d.population);
    put(row, 3, d.seats);
    put(row, 4, round(d.quota, 3));
    put(row, 5, round(d.populationPerDeputy, 1));
    put(row, 6, round(d.deviationPercent, 2));
  }
  const lastDistrictRow = row;
  row += 1;
  put(row, 1, zh ? '合计' : 'Total');
  put(row, 2, population);
  put(row, 3, seats);
  put(row, 5, seats > 0 ? round(population / seats, 1) : null);
  put(row, 6, round(allocation.maxDeviationPercent, 2) === null ? null
    : (zh ? `最大偏差 ${round(allocation.maxDeviationPercent, 2)}%` : `largest deviation ${round(allocation.maxDeviationPercent, 2)}%`));

  const notes: Message[] = [];
  if (allocation.infeasible) notes.push(allocation.infeasible.reason);
  notes.push(...allocation.warnings);
  if (notes.length > 0) {
    row += 2;
    put(row, 1, zh ? '提示：' : 'Notes:');
    for (const note of notes) {
      row += 1;
      put(row, 1, note[lang]);
    }
  }

  const chart: ChartSpec = {
    sheet,
    title: zh ? '各选区每名代表所代表人口数' : 'Population per deputy by district',
    categoryColumn: 1,
    valueColumn: 5,
    headerRow: ALLOCATION_HEADER_ROW,
    lastRow: lastDistrictRow,
    anchorColumn: 9,
    anchorRow: ALLOCATION_HEADER_ROW,
  };
  return { plan: { writes, newSheets: [sheet] }, chart };
}
