/**
 * Whether a build output is older than the sources it is built from (newest modification time under each path),
 * so the scripts rebuild only when something changed.
 */
const fs = require('node:fs');
const path = require('node:path');

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** True when `output` is missing or older than any file under `sources` (paths relative to `root`). */
function isStale(root, output, sources) {
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const newest = Math.max(...sources.map((s) => path.join(root, s)).filter(fs.existsSync).map(newestMtime));
  return built < newest;
}

module.exports = { isStale };
