import { analyzeId } from '../../domain/id/resident-id';
import { Command, CannotRun, EXIT_FINDINGS, EXIT_OK, parseCommandArgs, parseLang } from '../cli-kit';

const HELP = `Usage: election-clerk id [--json] [--lang zh|en] ID...

Checks resident ID numbers (GB 11643-1999): format, birth date, check character, region code.
Legacy 15-digit numbers are converted, lower-case x and full-width digits are normalised (each a warning).

Options:
  --json        print a JSON array, one object per ID: input, valid, id18, birthDate, sex, regionCode,
                regionName, problems [{code, severity, message: {zh, en}}]
  --lang zh|en  language of the readable output (default zh)
  -h, --help    show this help

Exit status: 0 all valid, 1 at least one invalid, 2 could not run (no ID given).
`;

export const idCommand: Command = {
  name: 'id',
  summary: 'check resident ID numbers (身份证号校验)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('id', args, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    if (positionals.length === 0) throw new CannotRun('give at least one ID number, e.g. election-clerk id 11010519491231002X');
    const lang = parseLang(values.lang);
    const results = positionals.map((p) => analyzeId(p));
    if (values.json) {
      const json = results.map(({ birth: _birth, ...rest }) => rest);
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const r of results) {
        const verdict = r.valid ? (lang === 'zh' ? '有效' : 'valid') : lang === 'zh' ? '无效' : 'INVALID';
        const details = r.valid
          ? [r.id18 !== r.input ? r.id18 : '', r.birthDate, r.sex === 'male' ? (lang === 'zh' ? '男' : 'male') : lang === 'zh' ? '女' : 'female', r.regionName ?? r.regionCode]
              .filter(Boolean).join('  ')
          : '';
        io.out(`${r.input}  ${verdict}${details ? `  ${details}` : ''}\n`);
        for (const p of r.problems) io.out(`  [${p.severity}] ${p.code}: ${p.message[lang]}\n`);
      }
    }
    return results.every((r) => r.valid) ? EXIT_OK : EXIT_FINDINGS;
  },
};
