/**
 * Builds the command line (tsc -p tsconfig.cli.json → lib/) when lib/ is missing or older than the sources it is
 * built from, so `npm run sample` and `npm run demo` work on a fresh clone without a separate build step.
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { isStale } = require('./freshness');

const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'lib', 'cli', 'main.js');
const SOURCES = ['src/cli', 'src/domain', 'src/adapters/xlsx', 'tsconfig.json', 'tsconfig.cli.json'];

function ensureCliBuilt() {
  if (!isStale(ROOT, MAIN, SOURCES)) return MAIN;
  process.stderr.write('building the command line (tsc -p tsconfig.cli.json)…\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  return MAIN;
}

module.exports = { ensureCliBuilt, ROOT };
