/**
 * `election-clerk sample`: writes a deterministic sample roll (with register, district table and exclusion list)
 * and the ground truth of the defects planted in it, for trying the checks and scoring them.
 */
import { isAbsolute, resolve } from 'node:path';
import { writeSample } from '../../adapters/xlsx/write-sample';
import { MAX_ROWS, MIN_ROWS, SampleOptionError, SampleOptions, resolveSampleOptions } from '../../domain/sample/sample-roll';
import { CannotRun, Command, EXIT_OK, parseCommandArgs, parseOptionalWholeNumber } from '../cli-kit';

const HELP = `Usage: election-clerk sample [--out DIR] [--rows N] [--seed N] [--districts N]
                             [--layout per-district|single-sheet] [--clean] [--election-date YYYY-MM-DD]

Writes a made-up but realistic voter roll of a town in 湖南省常德市桃源县 (生成示例数据), the same every time
for the same options, with the ground truth of the defects planted in it:

  sample-roll.xlsx        the roll: one sheet per district (第一选区 …) with a title row, a blank row, the
                          headers 序号 姓名 性别 民族 出生日期 公民身份号码 家庭住址 选民小组 备注 and a 合计 row;
                          or, with --layout single-sheet, one sheet 选民名单 with a 选区 column
  sample-register.xlsx    户籍人口: the population register (children and people missing from the roll included)
  sample-districts.xlsx   选区划分: 选区, 人口数
  sample-exclusions.xlsx  剥夺政治权利人员名单: 姓名, 身份证号, 原因
  sample-truth.json       every planted defect: engine code, file, sheet, Excel row, column, related rows, note;
                          and the edge cases that are NOT defects (turning 18 on election day, born 29 February)

Planted (about 5 of each per 1,000 rows, at least 1): DUPLICATE_ID (within and across districts),
POSSIBLE_DUPLICATE (homophone or identical name, one ID digit mistyped, which is also an ID_CHECKSUM),
ID_CHECKSUM, ID_PRECISION_LOST, UNDERAGE, NOT_REGISTERED, REQUIRED_MISSING, ID_LOWERCASE_X, ID_FULLWIDTH,
SEX_MISMATCH, INELIGIBLE_LISTED.

Options:
  --out DIR                 directory to write into (default ./sample; created if missing; files are replaced)
  --rows N                  roll rows in all, ${MIN_ROWS} to ${MAX_ROWS.toLocaleString('en-US')} (default 500);
                            above 50,000 the roll is streamed to disk
  --seed N                  random seed, 0 to 4294967295 (default 20261215)
  --districts N             number of districts (default rows/400, at least 3, at most 40)
  --layout L                per-district (default) or single-sheet
  --clean                   plant no defects (a roll the checks should find nothing wrong with)
  --election-date DATE      election day, YYYY-MM-DD (default 2026-12-15); ages are counted on this day
  -h, --help                show this help

Exit status: 0 written, 2 could not run (bad option, directory not writable).
`;

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'write a sample roll with planted defects and their ground truth (生成示例数据)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('sample', args, {
      out: { type: 'string' },
      rows: { type: 'string' },
      seed: { type: 'string' },
      districts: { type: 'string' },
      layout: { type: 'string' },
      clean: { type: 'boolean' },
      'election-date': { type: 'string' },
    });
    if (positionals.length > 0) throw new CannotRun(`unexpected argument "${positionals[0]}"; use --out DIR for the output directory`);
    const requested: SampleOptions = {
      rows: parseOptionalWholeNumber('--rows', values.rows),
      seed: parseOptionalWholeNumber('--seed', values.seed),
      districts: parseOptionalWholeNumber('--districts', values.districts),
      layout: values.layout as SampleOptions['layout'],
      electionDate: values['election-date'],
      defects: !values.clean,
    };
    let options;
    try {
      options = resolveSampleOptions(requested);
    } catch (e) {
      if (e instanceof SampleOptionError) throw new CannotRun(`${e.text.zh} ${e.text.en}`);
      throw e;
    }
    const outText = values.out ?? 'sample';
    const dir = isAbsolute(outText) ? outText : resolve(io.cwd, outText);
    let written;
    try {
      written = await writeSample(dir, options);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EROFS' || code === 'EPERM') {
        throw new CannotRun(`cannot write into ${dir} (${code}); choose another directory with --out`);
      }
      throw e;
    }
    const { files, truth } = written;
    io.out(`示例数据已写入 ${dir}（种子 ${options.seed}，${options.rows} 行，${written.rollSheets.length} 个工作表，选举日 ${options.electionDate}）\n`);
    io.out(`Sample written to ${dir} (seed ${options.seed}, ${options.rows} rows, layout ${options.layout}${written.streamed ? ', streamed' : ''})\n`);
    for (const f of [files.roll, files.register, files.districts, files.exclusions, files.truth]) io.out(`  ${f}\n`);
    io.out(`Roll sheets: ${written.rollSheets.map((s) => `${s.name} ${s.dataRows}`).join(', ')}\n`);
    if (truth.defects.length === 0) {
      io.out('Clean sample: no defects planted.\n');
    } else {
      io.out(`Planted defects (${truth.defects.length}):\n`);
      const codes = Object.keys(truth.counts).sort();
      const width = Math.max(...codes.map((c) => c.length));
      for (const code of codes) io.out(`  ${code.padEnd(width)}  ${truth.counts[code]}\n`);
    }
    io.out(`Edge cases that are not defects: ${truth.edgeCases.length}\n`);
    return EXIT_OK;
  },
};
