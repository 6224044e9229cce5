/**
 * The standard statistics tables an election office reports upward, and their columns: for each column a stable
 * key, the official label, the synonyms used in provincial and county templates, and the parent label of a
 * two-level header (其中 → 男/女, 新增选民 → 年满18周岁 …). Template matching compares labels after
 * `normaliseLabel`, so synonyms here are written plainly.
 */
import { Message } from '../common/problem';

export type TableKey = 'registration' | 'allocation' | 'composition';

/**
 * What a column holds: a count (summed in 合计), a percentage of the row's total (recomputed in 合计), a value
 * computed from other columns (e.g. population per deputy; recomputed in 合计), or a label (district name or
 * number: used to find rows, never written into a template).
 */
export type ColumnKind = 'count' | 'percent' | 'value' | 'label';

export interface ColumnDefinition {
  key: string;
  kind: ColumnKind;
  /** The official label (as the standard sheet prints it). */
  label: string;
  /** Other labels meaning the same column. */
  synonyms: readonly string[];
  /** Parent labels of a two-level header this column may sit under (the first is printed on the standard sheet). */
  parents?: readonly string[];
  /** The column is only recognised under one of its parents (a bare "合计" or "迁入" could mean anything). */
  parentRequired?: boolean;
  /** For percentages: the count column it is the share of (of the row's `totalKey`). */
  percentOf?: string;
  /** Header path on the standard sheet, top to bottom (defaults to [parents[0], label] or [label]). */
  standardPath?: readonly string[];
  /** Decimal places shown and written (0 for counts). */
  decimals?: number;
}

export interface TableDefinition {
  key: TableKey;
  /** The official title. */
  title: string;
  /** Other titles (or parts of titles) that identify the table in a template. */
  titleSynonyms: readonly string[];
  name: Message;
  columns: readonly ColumnDefinition[];
  /** The count column percentages are taken of (代表结构: the number of deputies in the row). */
  totalKey?: string;
}

const NAME_COLUMN: ColumnDefinition = {
  key: 'districtName', kind: 'label', label: '选区',
  synonyms: ['选区名称', '选区名', '选区名称(范围)', '选区范围', '选区名称及范围', '单位', '单位名称', '村(居)', '村居', '村(社区)', '名称', '项目', '乡镇', '地区', '选区(单位)'],
};
const NUMBER_COLUMN: ColumnDefinition = {
  key: 'districtNo', kind: 'label', label: '选区编号',
  synonyms: ['编号', '序号', '选区号', '选区序号', '选区代码'],
};

const ADDED = ['新增选民', '新增选民数', '新增', '新增加选民', '新增选民人数', '增加选民'];
const REMOVED = ['减少选民', '减少选民数', '减少', '减少选民人数', '除名选民'];
const OF_WHICH = ['其中'];

export const REGISTRATION_TABLE: TableDefinition = {
  key: 'registration',
  title: '选民登记情况统计表',
  titleSynonyms: ['选民登记情况统计表', '选民登记情况表', '选民登记统计表', '选民登记情况汇总表', '选民登记汇总表', '选民登记工作统计表', '选民登记'],
  name: { zh: '选民登记情况统计表', en: 'voter registration statistics' },
  columns: [
    NUMBER_COLUMN,
    NAME_COLUMN,
    { key: 'population', kind: 'count', label: '人口数', synonyms: ['人口', '总人口', '总人口数', '常住人口', '户籍人口', '人口总数', '选区人口数', '选区人口'] },
    { key: 'registered', kind: 'count', label: '登记选民数', synonyms: ['登记选民', '登记选民人数', '选民数', '选民总数', '选民人数', '登记选民总数', '选民'] },
    { key: 'male', kind: 'count', label: '男', synonyms: ['男性', '男选民', '男选民数'], parents: OF_WHICH },
    { key: 'female', kind: 'count', label: '女', synonyms: ['女性', '女选民', '女选民数'], parents: OF_WHICH },
    { key: 'minority', kind: 'count', label: '少数民族', synonyms: ['少数民族选民', '少数民族选民数', '少数民族人数'], parents: OF_WHICH },
    { key: 'addedTotal', kind: 'count', label: '合计', synonyms: ['小计', '计', '总数', ...ADDED, '新增选民合计', '新增合计'], parents: ADDED, standardPath: ['新增选民', '合计'] },
    { key: 'added18', kind: 'count', label: '年满18岁', synonyms: ['年满18周岁', '满18岁', '满18周岁', '年满十八周岁', '新满18岁', '新满18周岁', '年满18岁的', '新增年满18岁'], parents: ADDED, standardPath: ['新增选民', '年满18周岁'] },
    { key: 'addedRestored', kind: 'count', label: '恢复政治权利', synonyms: ['恢复政治权利的', '恢复政治权利人员', '恢复政治权利人数'], parents: ADDED },
    { key: 'addedMovedIn', kind: 'count', label: '迁入', synonyms: ['迁入选民', '迁入人数', '迁入的', '户口迁入', '外地迁入'], parents: ADDED, parentRequired: true },
    { key: 'removedTotal', kind: 'count', label: '合计', synonyms: ['小计', '计', '总数', ...REMOVED, '减少选民合计', '减少合计'], parents: REMOVED, standardPath: ['减少选民', '合计'] },
    { key: 'removedDeceased', kind: 'count', label: '死亡', synonyms: ['死亡的', '死亡人数', '死亡选民'], parents: REMOVED },
    { key: 'removedMovedOut', kind: 'count', label: '迁出', synonyms: ['迁出选民', '迁出人数', '迁出的', '户口迁出'], parents: REMOVED, parentRequired: true },
    { key: 'removedDeprived', kind: 'count', label: '被剥夺政治权利', synonyms: ['剥夺政治权利', '被剥夺政治权利的', '被剥夺政治权利人数', '被剥夺政治权利人员'], parents: REMOVED },
    { key: 'away', kind: 'count', label: '外出选民', synonyms: ['外出选民数', '外出选民人数', '外出', '外出人数', '外出务工选民', '外出务工经商选民'] },
    { key: 'proxy', kind: 'count', label: '委托投票', synonyms: ['委托投票人数', '委托投票选民', '委托投票数', '委托', '委托人数', '书面委托投票'] },
    { key: 'notIncluded', kind: 'count', label: '未列入选民名单人数', synonyms: ['未列入选民名单', '不列入选民名单', '不列入选民名单人数', '未列入名单人数', '不列入名单人数', '未列入选民名单的'] },
  ],
};

export const ALLOCATION_TABLE: TableDefinition = {
  key: 'allocation',
  title: '选区划分和代表名额分配表',
  titleSynonyms: ['选区划分和代表名额分配表', '选区划分及代表名额分配表', '选区划分和代表名额分配情况表', '代表名额分配表', '选区划分表', '代表名额分配情况表', '选区划分和代表名额分配', '名额分配'],
  name: { zh: '选区划分和代表名额分配表', en: 'districts and seat allocation' },
  columns: [
    NUMBER_COLUMN,
    { ...NAME_COLUMN, label: '选区名称', synonyms: ['选区', ...NAME_COLUMN.synonyms.filter((s) => s !== '选区名称')] },
    { key: 'population', kind: 'count', label: '人口数', synonyms: ['人口', '总人口', '总人口数', '选区人口数', '选区人口', '人口总数', '常住人口', '户籍人口'] },
    { key: 'seats', kind: 'count', label: '应选代表名额', synonyms: ['应选代表数', '代表名额', '应选代表名额数', '应选代表', '分配名额', '分配代表名额', '名额', '代表数', '应选名额', '选举代表名额'] },
    { key: 'populationPerDeputy', kind: 'value', label: '每名代表所代表人口数', decimals: 1, synonyms: ['每名代表所代表的人口数', '每一代表所代表人口数', '每一代表所代表的人口数', '每名代表代表人口数', '每代表人口数', '每名代表所代表人口', '平均每名代表所代表人口数', '每名代表代表的人口数'] },
    { key: 'deviationPercent', kind: 'value', label: '偏差(%)', decimals: 2, synonyms: ['偏差', '偏差率', '偏离度', '偏差率(%)', '偏差百分比', '与平均数的偏差', '偏差幅度', '偏离平均数'] },
  ],
};

/** A composition category: its count column and its percentage column. */
function category(key: string, label: string, synonyms: string[], parents?: string[]): ColumnDefinition[] {
  const path = parents ? [parents[0], label] : [label];
  return [
    { key, kind: 'count', label, synonyms, parents, standardPath: [...path, '人数'] },
    { key: `${key}Percent`, kind: 'percent', label, synonyms, parents, percentOf: key, decimals: 1, standardPath: [...path, '比例(%)'] },
  ];
}

const AGE = ['年龄段', '年龄', '年龄结构', '年龄情况'];

export const COMPOSITION_TABLE: TableDefinition = {
  key: 'composition',
  title: '代表结构统计表',
  titleSynonyms: ['代表结构统计表', '代表结构情况统计表', '代表构成统计表', '代表结构情况表', '代表候选人结构统计表', '代表候选人构成情况表', '代表结构', '代表构成', '当选代表构成', '候选人结构'],
  name: { zh: '代表结构统计表', en: 'deputy composition' },
  totalKey: 'total',
  columns: [
    NUMBER_COLUMN,
    NAME_COLUMN,
    { key: 'total', kind: 'count', label: '代表总数', synonyms: ['代表数', '代表人数', '人数', '总人数', '候选人数', '代表候选人数', '当选代表数', '代表总人数', '总数'] },
    ...category('female', '女性', ['女', '妇女', '女代表', '女性代表']),
    ...category('minority', '少数民族', ['少数民族代表']),
    ...category('cpc', '中共党员', ['党员', '共产党员', '中共党员(含预备党员)', '中共'], ['政治面貌']),
    ...category('nonCpc', '非中共党员', ['非党员', '非中共', '非中共人士', '民主党派和无党派', '党外人士', '非党'], ['政治面貌']),
    ...category('workerFarmer', '工人农民', ['工人、农民', '工人和农民', '工农', '一线工人农民', '工人农民代表', '基层工人农民'], ['职业']),
    ...category('professional', '专业技术人员', ['专业技术人员代表', '专技人员', '专业技术'], ['职业']),
    ...category('official', '党政领导干部', ['党政干部', '领导干部', '党政领导干部代表'], ['职业']),
    ...category('reelected', '连任', ['连任代表', '连任的', '连选连任', '留任']),
    ...category('age35', '35岁以下', ['35岁及以下', '35岁以内', '35以下', '青年'], AGE),
    ...category('age36to55', '36-55岁', ['36至55岁', '36-55', '36岁-55岁'], AGE),
    ...category('age56', '56岁以上', ['56岁及以上', '56以上', '55岁以上'], AGE),
  ],
};

export const STANDARD_TABLES: readonly TableDefinition[] = [REGISTRATION_TABLE, ALLOCATION_TABLE, COMPOSITION_TABLE];

export function tableDefinition(key: TableKey): TableDefinition {
  const t = STANDARD_TABLES.find((d) => d.key === key);
  if (!t) throw new Error(`unknown table ${key}`);
  return t;
}

/** The header path a column has on the standard sheet, top to bottom. */
export function standardHeaderPath(column: ColumnDefinition): readonly string[] {
  if (column.standardPath) return column.standardPath;
  if (column.parents && column.parents.length > 0 && column.parents[0] !== '其中') return [column.parents[0], column.label];
  if (column.parents && column.parents[0] === '其中') return ['其中', column.label];
  return [column.label];
}
