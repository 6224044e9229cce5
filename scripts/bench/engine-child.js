/**
 * Times checkRolls on a generated roll of N rows, in this process only (so peak memory is this size's own):
 * prints {rows, times, seconds (median), findings, maxRssBytes, heapUsedBytes} as JSON.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const lib = path.join(__dirname, '..', '..', 'lib', 'domain');
const { generateSample } = require(path.join(lib, 'sample', 'sample-roll'));
const { detectRollLayout } = require(path.join(lib, 'roll', 'detect-layout'));
const { checkRolls } = require(path.join(lib, 'check', 'check-rolls'));
const { parseIsoDate } = require(path.join(lib, 'common', 'calendar-date'));

const rows = Number(process.argv[2]);
const runs = Number(process.argv[3]);
const sample = generateSample({ rows, layout: 'single-sheet' });
const laidOut = (wb) => wb.sheets.map((s) => {
  const grid = { workbook: wb.file, sheet: s.name, startRow: 1, startColumn: 1, rows: s.rows, merges: s.merges };
  return { grid, layout: detectRollLayout(grid) };
}).filter((x) => x.layout);
const input = { rolls: laidOut(sample.roll), register: laidOut(sample.register), exclusions: [{ reason: 'deprived', sheets: laidOut(sample.exclusions) }] };
const options = { electionDate: parseIsoDate(sample.truth.electionDate) };

let heapUsedBytes = 0;
let findings = 0;
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const result = checkRolls(input, options);
  times.push((performance.now() - t0) / 1000);
  findings = result.findings.length;
  heapUsedBytes = Math.max(heapUsedBytes, process.memoryUsage().heapUsed);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({ rows, times, seconds: sorted[Math.floor(sorted.length / 2)], findings, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapUsedBytes }));
