#!/usr/bin/env node
/**
 * `npm run test:browser`: drives the built pages in Debian's Chromium with playwright-core.
 *  - the playground (real task pane + fake workbook with the sample): validate, the planted findings are listed,
 *    clicking one selects its cell, clear flags restores the workbook exactly, seat allocation writes its sheet;
 *  - the task pane page with the fake Excel injected (page.addInitScript), as inside Excel;
 *  - the task pane page in a plain browser (outside Office): it says so and offers the playground.
 * Every request that would leave 127.0.0.1 is blocked and fails the run (voter data never leaves the machine).
 * Screenshots of each step go to test-artifacts/browser/.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const { chromium } = require('playwright-core');
const { ensureAddinBuilt } = require('../../scripts/build-addin');
const { serveDirectory } = require('../../scripts/static-server');

const ROOT = path.join(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-artifacts', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let failures = 0;
let step = 0;
function check(ok, what) {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) failures += 1;
}

function buildHarness() {
  const out = path.join(ROOT, '.cache', 'browser');
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    entry: path.join(__dirname, 'harness.ts'),
    output: { path: out, filename: 'harness.js' },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json') } } }] },
  });
  return new Promise((resolve, reject) => compiler.run((err, stats) => {
    if (err || stats.hasErrors()) reject(err || new Error(stats.toString('errors-only')));
    else compiler.close(() => resolve(path.join(out, 'harness.js')));
  }));
}

async function shot(page, name) {
  step += 1;
  const file = path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Every cell's value and format in the fake workbook, for before/after comparisons. */
function snapshotScript(globalName) {
  return `(() => { const f = window.${globalName}.fake; return JSON.stringify(f.toJSON()); })()`;
}

async function testPlayground(context, base) {
  console.log('playground (zh-CN)');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}playground.html`);
  await page.getByTestId('playground-grid').waitFor();
  await page.getByTestId('validate-button').waitFor();
  check(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '选民')), 'a CJK font is available for Chinese text');
  await shot(page, 'playground');

  const before = await page.evaluate(snapshotScript('__electionClerkPlayground'));
  const truth = await page.evaluate(() => window.__electionClerkPlayground.truth);
  await page.getByTestId('validate-button').click();
  await page.getByTestId('finding-item').first().waitFor({ timeout: 60000 });
  await shot(page, 'findings');

  // The planted defects are all in the 校验结果 sheet the check wrote.
  const listed = await page.evaluate(() => Excel.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem('校验结果');
    const used = sheet.getUsedRange();
    used.load('values');
    await ctx.sync();
    return used.values;
  }));
  const header = listed[0].map(String);
  const col = (label) => header.findIndex((h) => h.includes(label));
  const [cCode, cSheet, cRow] = [col('代码'), col('工作表'), col('行')];
  const found = new Set(listed.slice(1).map((r) => `${r[cCode]}|${r[cSheet]}|${r[cRow]}`));
  const missed = truth.defects.filter((d) => !found.has(`${d.code}|${d.sheet}|${d.row}`));
  check(cCode >= 0 && cSheet >= 0 && cRow >= 0, `the 校验结果 sheet has 代码/工作表/行 columns (${header.join(', ')})`);
  check(missed.length === 0, `every planted defect is listed (${truth.defects.length} planted, ${missed.length} missed${missed.length ? `: ${missed.slice(0, 5).map((d) => `${d.code} ${d.sheet}!${d.row}`).join('; ')}` : ''})`);

  // Click a finding: its cell is selected in the workbook and shown in the grid.
  const target = page.locator('[data-testid="finding-item"][data-cell]').first();
  const sheet = await target.getAttribute('data-sheet');
  const cell = await target.getAttribute('data-cell');
  await target.click();
  await page.waitForTimeout(300);
  const selected = await page.evaluate(() => Excel.run(async (ctx) => {
    const r = ctx.workbook.getSelectedRange();
    r.load('address');
    await ctx.sync();
    return r.address;
  }));
  // A finding without a column selects its whole row.
  const expected = /^\d+$/.test(cell) ? `${sheet}!${cell}:${cell}` : `${sheet}!${cell}`;
  const actual = selected.replace(/[$']/g, '');
  check(actual === expected || actual.startsWith(`${sheet}!A${cell}:`), `clicking the finding at ${sheet}!${cell} selects it (selection ${selected})`);
  await shot(page, 'finding-selected');

  const flagged = await page.evaluate(() => window.__electionClerkPlayground.fake.toJSON().sheets
    .reduce((n, s) => n + (s.conditionalFormats ? s.conditionalFormats.length : 0), 0));
  check(flagged > 0, `the check flagged cells (${flagged} conditional-format flags)`);

  // Clear flags: the workbook exactly as before the check — values, formats, flags and the findings sheet gone.
  await page.getByTestId('clear-flags-button').click();
  await page.waitForTimeout(500);
  await shot(page, 'flags-cleared');
  const after = await page.evaluate(snapshotScript('__electionClerkPlayground'));
  const sheetsOf = (json) => Object.fromEntries(JSON.parse(json).sheets.map((s) => [s.name, JSON.stringify(s)]));
  const b = sheetsOf(before);
  const a = sheetsOf(after);
  const changed = Object.keys(b).filter((n) => b[n] !== a[n]);
  const added = Object.keys(a).filter((n) => !(n in b));
  check(changed.length === 0 && added.length === 0, `after clearing, the workbook equals its state before the check${changed.length + added.length ? ` (changed: ${[...changed, ...added].join(', ')})` : ''}`);

  // Seat allocation.
  await page.getByTestId('seats-tab').click();
  await page.getByTestId('seats-number').fill('9');
  await page.getByTestId('seats-run-button').click();
  await page.getByTestId('seats-results').waitFor({ timeout: 30000 });
  const rows = await page.getByTestId('seats-result-row').count();
  check(rows > 0, `the allocation lists ${rows} districts`);
  const hasSheet = await page.evaluate(() => Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItemOrNullObject('代表名额分配');
    await ctx.sync();
    return !s.isNullObject;
  }));
  check(hasSheet, 'the 代表名额分配 sheet was written');
  await shot(page, 'seats');

  // Summary tables: standard sheets created (the sample has no template), then undone.
  const sheetsBefore = await page.evaluate(() => window.__electionClerkPlayground.fake.sheetNames());
  await page.getByTestId('summary-tab').click();
  await page.getByTestId('summary-run-button').click();
  await page.getByTestId('summary-results').waitFor({ timeout: 30000 });
  const sheetsAfter = await page.evaluate(() => window.__electionClerkPlayground.fake.sheetNames());
  const created = sheetsAfter.filter((n) => !sheetsBefore.includes(n));
  check(created.some((n) => n.includes('选民登记')), `生成汇总 created the statistics sheets (${created.join(', ')})`);
  await shot(page, 'summary');
  await page.getByTestId('summary-undo-button').click();
  await page.waitForTimeout(500);
  const sheetsUndone = await page.evaluate(() => window.__electionClerkPlayground.fake.sheetNames());
  check(JSON.stringify(sheetsUndone) === JSON.stringify(sheetsBefore), `撤销汇总 removed them again (${sheetsUndone.length} sheets)`);
  check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  await page.close();
}

async function testPlaygroundEnglish(context, base) {
  console.log('playground (en-US)');
  const page = await context.newPage();
  await page.goto(`${base}playground.html?lang=en`);
  await page.getByTestId('validate-button').waitFor();
  const text = await page.getByTestId('validate-button').textContent();
  check(/check/i.test(text), `the validate button speaks English ("${text}")`);
  await shot(page, 'playground-en');
  await page.close();
}

async function testTaskpaneInExcel(context, base, harness) {
  console.log('task pane with the fake Excel injected');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript({ path: harness });
  // office.js would replace the injected Office global; inside Excel it is the host's, here it is the fake's.
  await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: '/* office.js stands aside for the fake */' }));
  await page.goto(`${base}taskpane.html`);
  await page.getByTestId('validate-button').waitFor({ timeout: 30000 });
  await page.getByTestId('validate-button').click();
  await page.getByTestId('finding-item').first().waitFor({ timeout: 60000 });
  const count = await page.evaluate(() => Excel.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem('校验结果').getUsedRange();
    used.load('rowCount');
    await ctx.sync();
    return used.rowCount - 1;
  }));
  const planted = await page.evaluate(() => window.__electionClerkHarness.truth.defects.length);
  check(count >= planted, `the task pane checked the injected workbook (${count} findings, ${planted} planted)`);
  await shot(page, 'taskpane-in-excel');
  check(errors.length === 0, `no page errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
  await page.close();
}

async function testTaskpaneOutsideOffice(context, base) {
  console.log('task pane in a plain browser');
  const page = await context.newPage();
  await page.route(OFFICE_JS_CDN, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${base}taskpane.html`);
  await page.getByTestId('outside-office').waitFor({ timeout: 20000 });
  const link = await page.locator('a[href*="playground.html"]').count();
  check(link > 0, 'outside Office the page says so and links to the playground');
  await shot(page, 'taskpane-outside-office');
  await page.close();
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`test:browser: no Chromium at ${CHROMIUM}. Install Debian's: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
    process.exit(2);
  }
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const dist = ensureAddinBuilt();
  const harness = await buildHarness();
  const { server, url } = await serveDirectory(dist);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'election-clerk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const outside = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(url) || u.startsWith('data:') || u === OFFICE_JS_CDN) return route.fallback();
    outside.push(u);
    return route.abort();
  });
  try {
    await testPlayground(context, url);
    await testPlaygroundEnglish(context, url);
    await testTaskpaneInExcel(context, url, harness);
    await testTaskpaneOutsideOffice(context, url);
    check(outside.length === 0, `no request left the machine${outside.length ? ` (blocked: ${[...new Set(outside)].slice(0, 5).join(', ')})` : ''}`);
  } catch (e) {
    failures += 1;
    console.error(e);
    for (const p of context.pages()) await p.screenshot({ path: path.join(SHOTS, `failure-${Date.now()}.png`) }).catch(() => {});
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`\nscreenshots in ${path.relative(process.cwd(), SHOTS)}/`);
  if (failures > 0) {
    console.error(`${failures} browser check(s) failed.`);
    process.exitCode = 1;
  } else {
    console.log('all browser checks passed.');
  }
}

main();
