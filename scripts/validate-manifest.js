#!/usr/bin/env node
/** `npm run validate [manifest.xml]`: offline manifest validation (see manifest-check.js). Exit 0 valid, 1 invalid, 2 could not run. */
const path = require('node:path');
const { validateManifest } = require('./manifest-check');

const file = path.resolve(process.argv[2] || 'manifest.xml');
validateManifest(file).then(
  (errors) => {
    if (errors.length === 0) {
      console.log(`${path.relative(process.cwd(), file)}: valid (schema OfficeAppManifestV1_1.xsd and content checks).`);
      return;
    }
    console.error(`${path.relative(process.cwd(), file)}: ${errors.length} problem(s):`);
    for (const e of errors) console.error(`  - ${e}`);
    process.exitCode = 1;
  },
  (e) => {
    console.error(`validate-manifest: ${e.message}`);
    process.exitCode = 2;
  },
);
