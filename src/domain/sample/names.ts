/**
 * Chinese personal names for the sample rolls: surnames weighted by how common they are nationally
 * (王、李、张 first), given-name characters by sex, 2- and 3-character names, and tables of homophone
 * characters (same pinyin, tones ignored) used to plant "same person, name typed differently" duplicates.
 *
 * Every character carries its toneless pinyin, so the generator can tell when two names sound the same
 * without a pinyin library (the tests check this table against pinyin-pro).
 */
import { Random, WeightedTable } from './random';

export type NameSex = 'male' | 'female';

/** Surname, weight (roughly ‰ of the population), toneless pinyin. */
export const SURNAMES: readonly (readonly [string, number, string])[] = [
  ['王', 71, 'wang'], ['李', 70, 'li'], ['张', 68, 'zhang'], ['刘', 54, 'liu'], ['陈', 46, 'chen'],
  ['杨', 31, 'yang'], ['黄', 22, 'huang'], ['赵', 20, 'zhao'], ['吴', 19, 'wu'], ['周', 18, 'zhou'],
  ['徐', 13, 'xu'], ['孙', 13, 'sun'], ['马', 12, 'ma'], ['朱', 12, 'zhu'], ['胡', 11, 'hu'],
  ['郭', 11, 'guo'], ['何', 10, 'he'], ['林', 9, 'lin'], ['高', 9, 'gao'], ['罗', 9, 'luo'],
  ['郑', 8, 'zheng'], ['梁', 7, 'liang'], ['谢', 6, 'xie'], ['宋', 6, 'song'], ['唐', 6, 'tang'],
  ['许', 5, 'xu'], ['韩', 5, 'han'], ['冯', 5, 'feng'], ['邓', 5, 'deng'], ['曹', 5, 'cao'],
  ['彭', 5, 'peng'], ['曾', 4, 'zeng'], ['肖', 4, 'xiao'], ['田', 4, 'tian'], ['董', 4, 'dong'],
  ['袁', 4, 'yuan'], ['潘', 4, 'pan'], ['于', 4, 'yu'], ['蒋', 4, 'jiang'], ['蔡', 4, 'cai'],
  ['余', 4, 'yu'], ['杜', 4, 'du'], ['叶', 3, 'ye'], ['程', 3, 'cheng'], ['苏', 3, 'su'],
  ['魏', 3, 'wei'], ['吕', 3, 'lv'], ['丁', 3, 'ding'], ['任', 3, 'ren'], ['沈', 3, 'shen'],
  ['姚', 3, 'yao'], ['卢', 3, 'lu'], ['姜', 3, 'jiang'], ['崔', 3, 'cui'], ['钟', 3, 'zhong'],
  ['谭', 3, 'tan'], ['陆', 2, 'lu'], ['汪', 2, 'wang'], ['范', 2, 'fan'], ['金', 2, 'jin'],
  ['石', 2, 'shi'], ['廖', 2, 'liao'], ['贾', 2, 'jia'], ['夏', 2, 'xia'], ['韦', 2, 'wei'],
  ['付', 2, 'fu'], ['方', 2, 'fang'], ['白', 2, 'bai'], ['邹', 2, 'zou'], ['孟', 2, 'meng'],
  ['熊', 2, 'xiong'], ['秦', 2, 'qin'], ['邱', 2, 'qiu'], ['江', 2, 'jiang'], ['尹', 2, 'yin'],
  ['薛', 2, 'xue'], ['闫', 2, 'yan'], ['段', 2, 'duan'], ['雷', 2, 'lei'], ['侯', 2, 'hou'],
  ['龙', 2, 'long'], ['史', 2, 'shi'], ['陶', 2, 'tao'], ['黎', 2, 'li'], ['贺', 2, 'he'],
  ['顾', 1, 'gu'], ['毛', 1, 'mao'], ['郝', 1, 'hao'], ['龚', 1, 'gong'], ['邵', 1, 'shao'],
  ['万', 1, 'wan'], ['钱', 1, 'qian'], ['严', 1, 'yan'], ['武', 1, 'wu'], ['戴', 1, 'dai'],
  ['莫', 1, 'mo'], ['孔', 1, 'kong'], ['向', 1, 'xiang'], ['汤', 1, 'tang'],
  // Compound surnames: always with a one-character given name, so the whole name stays 3 characters.
  ['欧阳', 0.3, 'ouyang'], ['司马', 0.05, 'sima'], ['诸葛', 0.03, 'zhuge'],
];

function parse(table: string): [string, string][] {
  return table.trim().split(/\s+/).map((entry) => {
    const [ch, py] = entry.split(':');
    return [ch, py];
  });
}

/** Given-name characters used mostly for men. Polyphonic characters are avoided. */
export const MALE_GIVEN = parse(`
  伟:wei 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 杰:jie 涛:tao 明:ming 超:chao 刚:gang 平:ping 辉:hui 鹏:peng
  华:hua 飞:fei 鑫:xin 波:bo 斌:bin 宇:yu 浩:hao 凯:kai 健:jian 俊:jun 帅:shuai 旭:xu 宁:ning 龙:long 林:lin
  志:zhi 国:guo 建:jian 文:wen 德:de 荣:rong 海:hai 峰:feng 东:dong 春:chun 松:song 成:cheng 立:li 新:xin
  庆:qing 永:yong 福:fu 生:sheng 贵:gui 祥:xiang 兵:bing 毅:yi 晨:chen 阳:yang 博:bo 睿:rui 轩:xuan 泽:ze
  宏:hong 武:wu 振:zhen 家:jia 光:guang 云:yun 坤:kun 江:jiang 山:shan 金:jin 胜:sheng 清:qing 锦:jin
  玮:wei 鸣:ming 桦:hua 君:jun 锋:feng 彬:bin 韬:tao 智:zhi 钢:gang 晖:hui 民:min 峻:jun 皓:hao 楷:kai 晓:xiao
`);

/** Given-name characters used mostly for women. */
export const FEMALE_GIVEN = parse(`
  芳:fang 敏:min 静:jing 丽:li 艳:yan 娟:juan 霞:xia 秀:xiu 英:ying 玲:ling 桂:gui 兰:lan 萍:ping 红:hong
  梅:mei 燕:yan 琳:lin 莉:li 婷:ting 雪:xue 慧:hui 倩:qian 颖:ying 琴:qin 洁:jie 晶:jing 丹:dan 蓉:rong
  佳:jia 欣:xin 悦:yue 怡:yi 婧:jing 璐:lu 瑶:yao 萱:xuan 涵:han 雨:yu 梦:meng 月:yue 凤:feng 翠:cui 珍:zhen
  美:mei 淑:shu 巧:qiao 琼:qiong 菊:ju 香:xiang 莲:lian 秋:qiu 晓:xiao 小:xiao 素:su 云:yun 华:hua 虹:hong
  亭:ting 鹃:juan 瑛:ying 莹:ying 霖:lin 惠:hui 玉:yu 菁:jing 菲:fei 玫:mei 铃:ling 方:fang
`);

/**
 * Groups of characters with the same pinyin (tones ignored) that a clerk may confuse when typing a name heard
 * aloud: 晓/小, 艳/燕, 丽/莉, 伟/玮, 静/婧, 明/鸣, 华/桦, 军/君, 红/虹, 建/健 …
 */
export const HOMOPHONE_GROUPS: readonly string[][] = [
  ['晓', '小'], ['艳', '燕'], ['丽', '莉'], ['伟', '玮'], ['静', '婧'], ['明', '鸣'], ['华', '桦'], ['军', '君'],
  ['红', '虹'], ['建', '健'], ['玲', '铃'], ['峰', '锋'], ['斌', '彬'], ['杰', '洁'], ['婷', '亭'], ['娟', '鹃'],
  ['芳', '方'], ['平', '萍'], ['英', '瑛'], ['颖', '莹'], ['林', '琳', '霖'], ['涛', '韬'], ['志', '智'],
  ['刚', '钢'], ['辉', '晖'], ['慧', '惠'], ['敏', '民'], ['宇', '雨', '玉'], ['晶', '菁'], ['洋', '阳'],
  ['飞', '菲'], ['凯', '楷'], ['俊', '峻'], ['浩', '皓'], ['梅', '玫'], ['勇', '永'], ['波', '博'],
];

const PINYIN = new Map<string, string>();
for (const [s, , py] of SURNAMES) PINYIN.set(s, py);
for (const [ch, py] of [...MALE_GIVEN, ...FEMALE_GIVEN]) PINYIN.set(ch, py);

const HOMOPHONES = new Map<string, string[]>();
for (const group of HOMOPHONE_GROUPS) for (const ch of group) HOMOPHONES.set(ch, group.filter((c) => c !== ch));

const SURNAME_TABLE = new WeightedTable(SURNAMES.map(([s, w]) => [s, w] as const));
const SURNAME_LIST = SURNAMES.map(([s]) => s);

/** Toneless pinyin of a name made of the characters above ("李晓艳" → "lixiaoyan"); unknown characters kept as they are. */
export function namePinyin(name: string): string {
  const { surname, given } = splitName(name);
  let out = PINYIN.get(surname) ?? surname;
  for (const ch of given) out += PINYIN.get(ch) ?? ch;
  return out;
}

/** Splits a generated name into surname and given name (compound surnames recognised). */
export function splitName(name: string): { surname: string; given: string } {
  const compound = SURNAME_LIST.find((s) => s.length === 2 && name.startsWith(s));
  const n = compound ? 2 : 1;
  return { surname: name.slice(0, n), given: name.slice(n) };
}

export function randomSurname(rng: Random): string {
  return SURNAME_TABLE.pick(rng);
}

/** A name of 2 or 3 characters: about 30% have a one-character given name. */
export function randomName(rng: Random, sex: NameSex, surname = randomSurname(rng)): string {
  const pool = rng.chance(0.08) ? (sex === 'male' ? FEMALE_GIVEN : MALE_GIVEN) : sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const own = sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const first = rng.pick(pool)[0];
  if (surname.length === 2 || rng.chance(0.3)) return surname + rng.pick(own)[0];
  let second = rng.pick(own)[0];
  if (second === first && rng.chance(0.7)) second = rng.pick(own)[0];
  return surname + first + second;
}

/** True when the given name has a character with a homophone in the tables. */
export function hasHomophone(name: string): boolean {
  const { given } = splitName(name);
  for (const ch of given) if (HOMOPHONES.has(ch)) return true;
  return false;
}

/** The name with one given-name character replaced by a homophone (李晓艳 → 李小艳), or null when none applies. */
export function homophoneVariant(name: string, rng: Random): string | null {
  const { surname, given } = splitName(name);
  const chars = [...given];
  const positions = chars.map((ch, i) => (HOMOPHONES.has(ch) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return null;
  const at = rng.pick(positions);
  chars[at] = rng.pick(HOMOPHONES.get(chars[at])!);
  return surname + chars.join('');
}
