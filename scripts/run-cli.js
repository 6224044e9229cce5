#!/usr/bin/env node
/** `npm run sample -- [options]`: runs an election-clerk command, building the CLI first when needed. */
const { spawnSync } = require('node:child_process');
const { ensureCliBuilt } = require('./ensure-cli-built');

const main = ensureCliBuilt();
const result = spawnSync(process.execPath, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 2;
