/**
 * The 56 ethnic groups recognised in China (GB/T 3304 order, 汉族 first), and reading a 民族 cell tolerantly:
 * "汉" is 汉族, "蒙古" is 蒙古族; spaces and full-width forms are ignored.
 */
import { toHalfWidth } from './normalise';

export const ETHNIC_GROUPS: readonly string[] = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

const BY_KEY = new Map<string, string>();
for (const g of ETHNIC_GROUPS) {
  BY_KEY.set(g, g);
  BY_KEY.set(g.slice(0, -1), g);
}
// Common variant spellings.
BY_KEY.set('维族', '维吾尔族');
BY_KEY.set('哈族', '哈萨克族');
BY_KEY.set('柯族', '柯尔克孜族');
BY_KEY.set('僳僳族', '傈僳族');

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** The official name of the ethnic group a 民族 cell means, or null when it is not one of the 56. */
export function ethnicGroup(text: string): string | null {
  if (text === '汉族') return text;
  const direct = BY_KEY.get(text);
  if (direct !== undefined) return direct;
  const key = toHalfWidth(text).replace(SPACES, '');
  return BY_KEY.get(key) ?? null;
}

/** True for a known group other than 汉族 (少数民族). */
export function isMinority(group: string | null): boolean {
  return group !== null && group !== '汉族';
}
