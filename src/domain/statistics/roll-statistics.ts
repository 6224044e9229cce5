/**
 * The counts a roll yields for the statistics tables (选民登记情况统计表), per district and in total.
 * Computed by the validation engine; consumed by the summary tables.
 */
export interface ChangeCounts {
  total: number;
  /** Keyed by reason as written in 备注, normalised: 年满18周岁, 恢复政治权利, 迁入, 死亡, 迁出, 被剥夺政治权利, 其他. */
  byReason: Record<string, number>;
}

export interface DistrictStatistics {
  district: string;
  /** 人口数, from the district table or the population register when given; null when unknown. */
  population: number | null;
  registered: number;
  male: number;
  female: number;
  /** 少数民族: registered voters of an ethnic group other than 汉族. */
  minority: number;
  added: ChangeCounts;
  removed: ChangeCounts;
  /** 外出选民 (备注 外出). */
  away: number;
  /** 委托投票 (备注 委托). */
  proxy: number;
  /** 未列入选民名单人数 (on the exclusion lists for this district). */
  notIncluded: number;
  /** Age bands on election day: "18-35", "36-59", "60+". */
  ageBands: Record<string, number>;
  byEthnicity: Record<string, number>;
}

export interface RollStatistics {
  electionDate: string;
  districts: DistrictStatistics[];
  total: DistrictStatistics;
}
