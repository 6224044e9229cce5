/**
 * What a 备注 (remarks) cell says about a registration: why someone was added (新增: 年满18周岁, 恢复政治权利,
 * 迁入) or removed (死亡, 迁出, 被剥夺政治权利), and whether the voter is away (外出) or votes by proxy (委托).
 * The reason names are the keys of the statistics tables (ChangeCounts.byReason).
 */
export type AddReason = '年满18周岁' | '恢复政治权利' | '迁入' | '其他';
export type RemoveReason = '死亡' | '迁出' | '被剥夺政治权利' | '其他';

export interface RemarkInfo {
  added: AddReason | null;
  removed: RemoveReason | null;
  away: boolean;
  proxy: boolean;
}

export const NO_REMARKS: RemarkInfo = Object.freeze({ added: null, removed: null, away: false, proxy: false }) as RemarkInfo;

const cache = new Map<string, RemarkInfo>();

function parse(t: string): RemarkInfo {
  let added: AddReason | null = null;
  let removed: RemoveReason | null = null;
  if (/恢复政治权利|恢复选举权/.test(t)) added = '恢复政治权利';
  else if (/剥夺政治权利/.test(t)) removed = '被剥夺政治权利';
  if (/死亡|去世|病故|亡故|已故|身故/.test(t)) removed = '死亡';
  else if (/迁出|户口迁走|转出/.test(t)) removed = '迁出';
  else if (/删除|除名|注销|减少/.test(t) && removed === null) removed = '其他';
  if (removed === null && added === null) {
    if (/年满\s*(18|十八)|满\s*(18|十八)\s*周?岁|新满18/.test(t)) added = '年满18周岁';
    else if (/迁入|转入|户口迁来/.test(t)) added = '迁入';
    else if (/新增|新登记|增加/.test(t)) added = '其他';
  }
  const away = /外出|在外|务工/.test(t);
  const proxy = /委托/.test(t);
  return { added, removed, away, proxy };
}

/** Reads a 备注 text (already trimmed); results are cached per distinct text. */
export function readRemarks(text: string): RemarkInfo {
  if (text === '') return NO_REMARKS;
  let info = cache.get(text);
  if (!info) {
    info = parse(text);
    if (cache.size < 100000) cache.set(text, info);
  }
  return info;
}
