#!/usr/bin/env node
/**
 * `npm run bench`: measures, on this machine,
 *   1. the engine (checkRolls with every rule, fuzzy matching included) on 100,000- and 1,000,000-row rolls held in
 *      memory — median of several runs, rows/s, peak memory (each size in its own process);
 *   2. the command line end to end (`election-clerk check`) on a 100,000-row .xlsx;
 *   3. a peer on the same file where one is installed: pandas + openpyxl (Debian's python3-pandas, python3-openpyxl)
 *      doing exact duplicate IDs and the check-digit test only.
 * Writes bench/results.md. Benchmarks, not tests: nothing here fails on a slow machine.
 *   npm run bench -- --quick     (smaller sizes, for trying the script itself)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');
const { ensureCliBuilt, ROOT } = require('./ensure-cli-built');

const quick = process.argv.includes('--quick');
const DATA = path.join(ROOT, 'bench', 'data');
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const ENGINE_SIZES = quick ? [[10000, 3], [50000, 3]] : [[100000, 5], [1000000, 3]];
const CLI_ROWS = quick ? 10000 : 100000;
const CLI_RUNS = 3;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;
const fmt = (n) => Math.round(n).toLocaleString('en-US');

function runNode(args, { stdio = 'pipe' } = {}) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', ...args], { encoding: 'utf8', stdio, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return r;
}

function benchEngine(rows, runs) {
  process.stderr.write(`engine: ${fmt(rows)} rows × ${runs} runs…\n`);
  const r = runNode([path.join(__dirname, 'bench', 'engine-child.js'), String(rows), String(runs)]);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function benchCli(main) {
  fs.mkdirSync(DATA, { recursive: true });
  const dir = path.join(DATA, `cli-${CLI_ROWS}`);
  if (!fs.existsSync(path.join(dir, 'sample-roll.xlsx'))) {
    process.stderr.write(`writing a ${fmt(CLI_ROWS)}-row sample to ${path.relative(ROOT, dir)}…\n`);
    runNode([main, 'sample', '--out', dir, '--rows', String(CLI_ROWS), '--layout', 'single-sheet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'sample-truth.json'), 'utf8'));
  const file = path.join(dir, 'sample-roll.xlsx');
  const times = [];
  let maxRss = 0;
  for (let i = 0; i < CLI_RUNS; i++) {
    process.stderr.write(`cli: check ${path.basename(file)} run ${i + 1}/${CLI_RUNS}…\n`);
    const r = runNode([path.join(__dirname, 'bench', 'cli-child.js'), main, 'check', file, '--election-date', truth.electionDate, '--json']);
    const m = JSON.parse(r.stderr.trim().split('\n').pop());
    times.push(m.seconds);
    maxRss = Math.max(maxRss, m.maxRssBytes);
  }
  return { rows: CLI_ROWS, file, fileBytes: fs.statSync(file).size, seconds: median(times), times, maxRss };
}

function benchPandas(file) {
  const python = ['/usr/bin/python3', 'python3'].find((p) => {
    try { execFileSync(p, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' }); return true; } catch { return false; }
  });
  if (!python) return { skipped: 'pandas/openpyxl not installed (apt-get install python3-pandas python3-openpyxl)' };
  const times = [];
  let out;
  for (let i = 0; i < CLI_RUNS; i++) {
    process.stderr.write(`pandas: run ${i + 1}/${CLI_RUNS}…\n`);
    out = JSON.parse(execFileSync(python, [path.join(__dirname, 'bench', 'pandas_peer.py'), file], { encoding: 'utf8' }));
    times.push(out.seconds);
  }
  return { seconds: median(times), times, duplicates: out.duplicate_rows, badChecksums: out.bad_checksums, python };
}

function main() {
  const main = ensureCliBuilt();
  const engine = ENGINE_SIZES.map(([rows, runs]) => benchEngine(rows, runs));
  const cli = benchCli(main);
  const peer = benchPandas(cli.file);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${mib(os.totalmem())} RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${when} UTC by \`npm run bench\`${quick ? ' --quick' : ''} on ${machine}.`,
    '',
    '## Engine (checkRolls: every rule, fuzzy duplicate matching included; rolls in memory)',
    '',
    '| rows | runs (s) | median | rows/s | findings | peak RSS | peak heap used |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...engine.map((e) => `| ${fmt(e.rows)} | ${e.times.map((t) => t.toFixed(2)).join(', ')} | ${e.seconds.toFixed(2)} s | ${fmt(e.rows / e.seconds)} | ${fmt(e.findings)} | ${mib(e.maxRssBytes)} | ${mib(e.heapUsedBytes)} |`),
    '',
    `Target: 1,000,000 rows in at most 3 s on a 2-core machine. Each size runs in its own process; the roll is generated first and is not timed. Memory: ${engine.length > 1 ? `${(engine[1].maxRssBytes / engine[0].maxRssBytes).toFixed(1)}× the peak RSS for ${(engine[1].rows / engine[0].rows).toFixed(0)}× the rows (generated roll included)` : 'one size only'}.`,
    '',
    '## Command line end to end',
    '',
    `\`election-clerk check\` on a ${fmt(cli.rows)}-row single-sheet .xlsx (${mib(cli.fileBytes)}), reading, every rule, JSON output: median ${cli.seconds.toFixed(2)} s of ${cli.times.length} runs (${cli.times.map((t) => t.toFixed(2)).join(', ')} s), ${fmt(cli.rows / cli.seconds)} rows/s, peak RSS ${mib(cli.maxRss)}.`,
    '',
    '## Peer: pandas + openpyxl on the same file',
    '',
    peer.skipped
      ? `Skipped: ${peer.skipped}.`
      : `\`read_excel\` (openpyxl) + exact duplicate IDs + check digits only: median ${peer.seconds.toFixed(2)} s of ${peer.times.length} runs (${peer.duplicates} rows with a duplicated ID, ${peer.badChecksums} bad check digits). Ratio Election Clerk ÷ peer: ${(cli.seconds / peer.seconds).toFixed(2)} (below 1 means Election Clerk is faster), with Election Clerk running every rule and the peer only these two.`,
    '',
  ];
  fs.writeFileSync(RESULTS, lines.join('\n'));
  console.log(lines.join('\n'));
}

main();
