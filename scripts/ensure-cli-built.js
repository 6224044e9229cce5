/**
 * Builds the command line (tsc -p tsconfig.cli.json → lib/) when lib/ is missing or older than the sources it is
 * built from, so `npm run sample` and `npm run demo` work on a fresh clone without a separate build step.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const SOURCES = ['src/cli', 'src/domain', 'src/adapters/xlsx', 'tsconfig.json', 'tsconfig.cli.json'];

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function ensureCliBuilt() {
  const built = fs.existsSync(MAIN) ? fs.statSync(MAIN).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => path.join(ROOT, s)).filter(fs.existsSync).map(newestMtime));
  if (built >= newest) return MAIN;
  process.stderr.write('building the command line (tsc -p tsconfig.cli.json)…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  return MAIN;
}

module.exports = { ensureCliBuilt, ROOT };
