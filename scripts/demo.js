#!/usr/bin/env node
/**
 * `npm run demo`: the main job on built-in sample data, no Excel needed.
 *  1. generates a sample voter roll with planted defects (election-clerk sample),
 *  2. checks it against the population register, the exclusion list and the district table (election-clerk check),
 *     printing the clerk's report and writing an .xlsx report,
 *  3. scores the findings against the ground truth the generator wrote: exit 0 when every planted defect was found.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureCliBuilt, ROOT } = require('./ensure-cli-built');

const OUT = path.join(ROOT, '.cache', 'demo');
const main = ensureCliBuilt();

function cli(args, { capture = false } = {}) {
  const r = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', maxBuffer: 1 << 28 });
  if (r.status === 2) {
    console.error(`demo: election-clerk ${args[0]} could not run (exit 2).`);
    process.exit(2);
  }
  return r;
}

fs.rmSync(OUT, { recursive: true, force: true });
console.log('== 1. 生成样例选民名单 / generate a sample roll ==');
cli(['sample', '--out', OUT, '--rows', '600']);
const truth = JSON.parse(fs.readFileSync(path.join(OUT, 'sample-truth.json'), 'utf8'));
const file = (name) => path.join(OUT, name);
const checkArgs = [
  'check', file('sample-roll.xlsx'),
  '--register', file('sample-register.xlsx'),
  '--exclude', file('sample-exclusions.xlsx'),
  '--districts', file('sample-districts.xlsx'),
  '--election-date', truth.electionDate,
];

console.log('\n== 2. 校验 / check ==');
cli([...checkArgs, '--report', file('report.xlsx')]);
console.log(`\n(report written to ${path.relative(process.cwd(), file('report.xlsx'))})`);

console.log('\n== 3. 与预置问题对照 / score against the planted defects ==');
const { findings } = JSON.parse(cli([...checkArgs, '--json'], { capture: true }).stdout);
const key = (x) => `${x.code}|${path.basename(x.file)}|${x.sheet}|${x.row}`;
const found = new Set(findings.map(key));
const missed = truth.defects.filter((d) => !found.has(key(d)));
const planted = new Set(truth.defects.map(key));
const errorsNotPlanted = findings.filter((f) => f.severity === 'error' && !planted.has(key(f)));
console.log(`planted ${truth.defects.length}, found ${truth.defects.length - missed.length}; findings in all ${findings.length}, ` +
  `error findings not planted ${errorsNotPlanted.length}`);
for (const d of missed) console.log(`  MISSED ${d.code} ${d.sheet}!${d.column ?? ''}${d.row}: ${d.note}`);
for (const f of errorsNotPlanted.slice(0, 20)) console.log(`  UNEXPECTED ${f.code} ${f.sheet}!${f.column ?? ''}${f.row}`);
if (missed.length === 0 && errorsNotPlanted.length === 0) {
  console.log('已找到全部预置问题，且没有误报的错误。All planted defects found, no unexpected errors.');
} else {
  process.exitCode = 1;
}
