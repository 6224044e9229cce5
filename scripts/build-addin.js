/**
 * Runs the webpack build (the add-in pages and the playground) into dist/ unless it is already newer than every
 * source it is built from. Used by `npm start` and the browser tests so a fresh clone needs no separate build.
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { isStale } = require('./freshness');

const ROOT = path.join(__dirname, '..');
const SOURCES = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json'];

function ensureAddinBuilt({ mode = 'production', force = false } = {}) {
  const marker = path.join(ROOT, 'dist', 'playground.html');
  if (!force && !isStale(ROOT, marker, SOURCES)) return path.join(ROOT, 'dist');
  process.stderr.write(`building the add-in and the playground (webpack --mode ${mode})…\n`);
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', mode], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  return path.join(ROOT, 'dist');
}

module.exports = { ensureAddinBuilt };
