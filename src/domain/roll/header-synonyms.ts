/**
 * Header texts of roll columns and their common synonyms (身份证号 / 公民身份号码 / 身份证号码, 出生日期 / 出生年月,
 * 住址 / 家庭住址, 选区 / 选区名称, 选民小组 / 小组, …). A header is normalised before lookup: spaces and line
 * breaks removed, full-width forms made half-width, bracketed notes like "（必填）" or "(18位)" and a leading "*"
 * dropped.
 */
import { ColumnRole } from './roll-layout';
import { toHalfWidth } from './normalise';

export const HEADER_SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  seq: ['序号', '编号', '顺序号', '序', 'no', 'no.', '序列号'],
  name: ['姓名', '选民姓名', '名字', '姓 名', '户主姓名及成员姓名', '人员姓名', 'name'],
  sex: ['性别', 'sex', 'gender'],
  ethnicity: ['民族', '族别', 'ethnicity'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', '出生时间', '出生', 'birthdate', 'dateofbirth'],
  id: ['身份证号', '公民身份号码', '身份证号码', '身份证', '证件号码', '居民身份证号码', '身份证件号码', '公民身份证号码', '身份号码', 'id', 'idnumber'],
  address: ['住址', '家庭住址', '现住址', '居住地址', '地址', '户籍地址', '户籍所在地', '家庭地址', '现居住地', '住所', 'address'],
  district: ['选区', '选区名称', '所属选区', '选区名', '选区编号', 'district'],
  group: ['选民小组', '小组', '组别', '所在小组', '选民小组名称', 'group'],
  remarks: ['备注', '说明', '变动情况', '变动原因', '原因', '情况说明', 'remarks', 'note', 'notes'],
  phone: ['联系电话', '电话', '手机', '手机号码', '联系方式', '电话号码', '手机号', 'phone'],
};

const LOOKUP = new Map<string, ColumnRole>();
for (const role of Object.keys(HEADER_SYNONYMS) as ColumnRole[]) {
  for (const s of HEADER_SYNONYMS[role]) LOOKUP.set(s.replace(/\s+/g, '').toLowerCase(), role);
}

/** A header text in comparable form: no spaces or line breaks, half-width, no bracketed notes or asterisks. */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/^[*※#]+|[*※:：]+$/g, '')
    .toLowerCase();
}

/** The column role a header text names, or null. */
export function headerRole(text: string): ColumnRole | null {
  if (text === '') return null;
  const key = normaliseHeader(text);
  return LOOKUP.get(key) ?? null;
}
