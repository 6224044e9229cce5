/**
 * `election-clerk seats`: the statutory number of deputies of a county- or township-level congress from its
 * population (选举法 base + step, cap, small-population rule, optional extra percentage).
 */
import { CongressLevel, ElectionLawVersion, statutoryTotal } from '../../domain/seats/statutory-total';
import { CannotRun, Command, EXIT_OK, parseCommandArgs, parseLang, parseWholeNumber } from '../cli-kit';

const HELP = `Usage: election-clerk seats --level county|township --population N [--law 2020|2010]
                           [--extra-percent P] [--json] [--lang zh|en]

Statutory total of deputies (代表名额总数) by the Election Law (选举法):
  county   (不设区的市、市辖区、县、自治县): base 140 (2010 law: 120), +1 per 5,000 people,
           at most 450 when the population is above 1,550,000; may be fewer than the base below 50,000.
  township (乡、民族乡、镇): base 45 (2010 law: 40), +1 per 1,500 people, at most 160;
           may be fewer than the base below 2,000.
The small-population rule is reported as "may be fewer"; the statutory figure is still given.

Options:
  --level county|township   level of the congress (required)
  --population N            population of the area, a whole number (required; 1,550,000 is accepted)
  --law 2020|2010           which text of the Election Law (default 2020)
  --extra-percent P         extra deputies decided by the provincial standing committee for areas with many
                            minority residents or scattered population, 0–5; adds floor(total × P / 100).
                            Never assumed: default 0.
  --json                    print {"level","law","population","base","step","cap","total","rule",
                            "statutoryTotal","extraPercent","extra","mayBeFewer","message"}; total includes extra
  --lang zh|en              language of the readable output (default zh)
  -h, --help                show this help

Exit status: 0 computed, 2 could not run (missing or invalid option).
`;

export function parseLevel(text: string | undefined): CongressLevel {
  if (text === undefined) throw new CannotRun('--level is required: county (县级) or township (乡级)');
  if (text !== 'county' && text !== 'township') throw new CannotRun(`--level must be county or township, not "${text}"`);
  return text;
}

export function parseLaw(text: string | undefined): ElectionLawVersion {
  if (text === undefined || text === '2020') return 2020;
  if (text === '2010') return 2010;
  throw new CannotRun(`--law must be 2020 or 2010, not "${text}"`);
}

export function parseExtraPercent(text: string | undefined): number {
  if (text === undefined) return 0;
  const t = text.replace(/%$/, '');
  const p = Number(t);
  if (t.trim() === '' || !Number.isFinite(p) || p < 0 || p > 5) {
    throw new CannotRun(`--extra-percent must be a number from 0 to 5 (the law allows up to 5%), not "${text}"`);
  }
  return p;
}

export const seatsCommand: Command = {
  name: 'seats',
  summary: 'statutory total of deputies (法定代表名额)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('seats', args, {
      level: { type: 'string' },
      population: { type: 'string' },
      law: { type: 'string' },
      'extra-percent': { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    if (positionals.length > 0) throw new CannotRun(`unexpected argument "${positionals[0]}"; give the population as --population N`);
    const lang = parseLang(values.lang);
    const result = statutoryTotal({
      level: parseLevel(values.level),
      population: parseWholeNumber('--population', values.population),
      law: parseLaw(values.law),
      extraPercent: parseExtraPercent(values['extra-percent']),
    });
    if (values.json) {
      const { level, law, population, base, step, cap, total, rule, statutoryTotal: statutory, extraPercent, extra, mayBeFewer, capAbovePopulation, smallPopulationBelow, message } = result;
      io.out(`${JSON.stringify({ level, law, population, base, step, cap, total, rule, statutoryTotal: statutory, extraPercent, extra, mayBeFewer, capAbovePopulation, smallPopulationBelow, message }, null, 2)}\n`);
      return EXIT_OK;
    }
    const zh = lang === 'zh';
    const ruleText = {
      'base-plus-step': zh ? '基数加人口增量' : 'base plus one per step',
      cap: zh ? '受上限约束' : 'capped',
      'small-population: may be fewer': zh ? '人口较少：可以少于基数' : 'small population: may be fewer',
    }[result.rule];
    const lines: [string, string][] = zh
      ? [
        ['级别', result.level === 'county' ? '县级（不设区的市、市辖区、县、自治县）' : '乡级（乡、民族乡、镇）'],
        ['法律文本', `选举法（${result.law}年文本）`],
        ['人口数', String(result.population)],
        ['基数', `${result.base}名`],
        ['增加', `每${result.step}人增加一名`],
        ['上限', result.capAbovePopulation === null ? `${result.cap}名` : `人口超过${result.capAbovePopulation}的，不超过${result.cap}名`],
        ['法定名额', `${result.statutoryTotal}名`],
        ...(result.extraPercent > 0 ? ([['另加', `${result.extraPercent}%，${result.extra}名`]] as [string, string][]) : []),
        ['代表总名额', `${result.total}名`],
        ['适用规则', `${ruleText}（${result.rule}）`],
      ]
      : [
        ['level', result.level],
        ['law', `Election Law, ${result.law} text`],
        ['population', String(result.population)],
        ['base', String(result.base)],
        ['step', `one more per ${result.step} people`],
        ['cap', result.capAbovePopulation === null ? String(result.cap) : `${result.cap} when the population is above ${result.capAbovePopulation}`],
        ['statutory', String(result.statutoryTotal)],
        ...(result.extraPercent > 0 ? ([['extra', `${result.extraPercent}%: ${result.extra}`]] as [string, string][]) : []),
        ['total', String(result.total)],
        ['rule', `${ruleText} (${result.rule})`],
      ];
    const width = Math.max(...lines.map(([k]) => textWidth(k)));
    for (const [k, v] of lines) io.out(`${k}${' '.repeat(width - textWidth(k))}  ${v}\n`);
    io.out(`\n${result.message[lang]}\n`);
    return EXIT_OK;
  },
};

/** Columns a string takes in a terminal: CJK and full-width characters count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
