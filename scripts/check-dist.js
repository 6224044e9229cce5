#!/usr/bin/env node
/**
 * Checks what `npm run build` produced: the pages, icons and manifest are in dist/, the manifest carries the
 * production URL (no localhost left) and still validates, and the pages load office.js from where the build
 * said (the CDN, or dist/office-js/ with the support files office.js needs beside it).
 */
const fs = require('node:fs');
const path = require('node:path');
const pkg = require('../package.json');
const { validateManifest } = require('./manifest-check');

const DIST = path.join(__dirname, '..', 'dist');
const problems = [];
const need = (rel) => {
  if (!fs.existsSync(path.join(DIST, rel))) problems.push(`dist/${rel} is missing`);
  return fs.existsSync(path.join(DIST, rel)) ? fs.readFileSync(path.join(DIST, rel), 'utf8') : '';
};

async function main() {
  for (const page of ['taskpane.html', 'commands.html', 'playground.html', 'help.html']) need(page);
  for (const size of [16, 32, 64, 80]) need(`assets/icon-${size}.png`);
  const manifest = need('manifest.xml');
  const url = process.env.ELECTION_CLERK_URL || pkg.config.productionUrl;
  if (manifest.includes('localhost')) problems.push('dist/manifest.xml still points at localhost');
  if (manifest && !manifest.includes(`${url}taskpane.html`)) problems.push(`dist/manifest.xml does not use ${url}`);
  if (manifest) problems.push(...(await validateManifest(path.join(DIST, 'manifest.xml'))).map((e) => `dist/manifest.xml: ${e}`));

  for (const page of ['taskpane.html', 'commands.html']) {
    const html = need(page);
    const src = /<script[^>]+src=["']?([^"'\s>]*office\.js)/.exec(html);
    if (!src) { problems.push(`dist/${page} does not load office.js`); continue; }
    if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(src[1])) continue;
    for (const f of ['office-js/office.js', 'office-js/o15apptofilemappingtable.js', 'office-js/en-us/office_strings.js', 'office-js/zh-cn/office_strings.js']) need(f);
  }

  if (problems.length) {
    console.error(`dist/ check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ is complete: pages, icons, manifest for ${url}.`);
  }
}

main().catch((e) => { console.error(e); process.exitCode = 2; });
