/** Runs one `election-clerk` command in this process and prints its wall time and peak RSS as JSON on stderr. */
const { performance } = require('node:perf_hooks');

const [main, ...args] = process.argv.slice(2);
const { runCli } = require(main);
const t0 = performance.now();
runCli(args, { out: () => {}, err: () => {}, cwd: process.cwd() }).then((code) => {
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`${JSON.stringify({ code, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exitCode = code;
});
