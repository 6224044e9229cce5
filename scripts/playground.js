#!/usr/bin/env node
/**
 * `npm start`: the playground. Builds the add-in if needed and serves the real task pane beside a fake workbook
 * loaded with a generated sample roll, at http://127.0.0.1:3001/playground.html. No Excel, no network needed.
 *   npm start -- --port 8080
 */
const { ensureAddinBuilt } = require('./build-addin');
const { serveDirectory } = require('./static-server');

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3001;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`playground: --port must be a number from 0 to 65535, not "${process.argv[portArg + 1]}".`);
  process.exit(2);
}

const dist = ensureAddinBuilt();
serveDirectory(dist, port).then(
  ({ url }) => {
    console.log(`选务助手 playground: open ${url}playground.html  (Ctrl+C to stop)`);
  },
  (e) => {
    console.error(`playground: cannot listen on port ${port}: ${e.message}. Try "npm start -- --port 8080".`);
    process.exitCode = 2;
  },
);
