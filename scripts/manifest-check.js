/**
 * Offline checks of an add-in manifest:
 *  1. XML Schema validation against Microsoft's published XSDs (OfficeAppManifestV1_1.xsd and the files it imports),
 *     with libxml2's xmllint when it is installed, otherwise with the WebAssembly build of the same library;
 *  2. what the schema cannot see: every resid used is defined, every icon URL names a file in assets/, the display
 *     name, description and ribbon strings have zh-CN overrides, and each ExecuteFunction names a function the
 *     ribbon commands register.
 * `office-addin-manifest validate` needs Microsoft's online service; this runs with no network.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DEFAULT_XSD_DIR = path.join(ROOT, '..', 'shared', 'office-manifest-xsd');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

function xsdDirectory() {
  const dir = process.env.OFFICE_MANIFEST_XSD || DEFAULT_XSD_DIR;
  if (!fs.existsSync(path.join(dir, MAIN_XSD))) {
    throw new Error(`the manifest schemas are not at ${dir} (${MAIN_XSD} missing). ` +
      'Put Microsoft\'s Office manifest XSDs there or set OFFICE_MANIFEST_XSD to their folder.');
  }
  return dir;
}

function hasNativeXmllint() {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function schemaErrors(manifestPath) {
  const dir = xsdDirectory();
  if (hasNativeXmllint()) {
    try {
      execFileSync('xmllint', ['--noout', '--schema', path.join(dir, MAIN_XSD), manifestPath], { stdio: 'pipe' });
      return [];
    } catch (e) {
      return String(e.stderr || e.message).split('\n').filter((l) => l.trim() && !/fails to validate$/.test(l));
    }
  }
  const { validateXML } = require('xmllint-wasm');
  const preload = fs.readdirSync(dir).filter((f) => f.endsWith('.xsd') && f !== MAIN_XSD)
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: fs.readFileSync(manifestPath, 'utf8') }],
    schema: [{ fileName: MAIN_XSD, contents: fs.readFileSync(path.join(dir, MAIN_XSD), 'utf8') }],
    preload,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage || e.message || String(e));
}

function attributeValues(xml, element, attribute) {
  const re = new RegExp(`<(?:\\w+:)?${element}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]);
}

/** Functions the ribbon registers with Office.actions.associate in src/commands. */
function registeredCommands() {
  const dir = path.join(ROOT, 'src', 'commands');
  if (!fs.existsSync(dir)) return null;
  const names = new Set();
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/associate\(\s*['"]([A-Za-z_$][\w$]*)['"]/g)) names.add(m[1]);
  }
  return names;
}

function contentErrors(manifestPath) {
  const xml = fs.readFileSync(manifestPath, 'utf8');
  const errors = [];
  const defined = new Set(attributeValues(xml, '(?:Image|Url|String)', 'id'));
  for (const resid of new Set(attributeValues(xml, '\\w+', 'resid'))) {
    if (!defined.has(resid)) errors.push(`resid "${resid}" is used but not defined under <Resources>.`);
  }
  const urls = [...xml.matchAll(/DefaultValue="(https:\/\/[^"]+\.png)"/g)].map((m) => m[1]);
  for (const url of urls) {
    const file = path.join(ROOT, 'assets', path.basename(new URL(url).pathname));
    if (!fs.existsSync(file)) errors.push(`icon ${url} has no file ${path.relative(ROOT, file)}.`);
  }
  for (const el of ['DisplayName', 'Description']) {
    const m = new RegExp(`<${el}\\b[^>]*>([\\s\\S]*?)</${el}>`).exec(xml);
    if (!m || !/Locale="zh-CN"/.test(m[1])) errors.push(`<${el}> has no zh-CN override.`);
  }
  for (const m of xml.matchAll(/<bt:String id="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/bt:String>)/g)) {
    if (!m[3] || !/Locale="zh-CN"/.test(m[3])) errors.push(`string "${m[1]}" has no zh-CN override.`);
  }
  const commands = registeredCommands();
  if (commands) {
    for (const fn of xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)) {
      if (!commands.has(fn[1])) errors.push(`ExecuteFunction "${fn[1]}" is not registered in src/commands (Office.actions.associate).`);
    }
  }
  return errors;
}

/** Validates a manifest; resolves to the list of problems (empty when it is valid). */
async function validateManifest(manifestPath) {
  if (!fs.existsSync(manifestPath)) return [`${manifestPath} does not exist.`];
  const schema = await schemaErrors(manifestPath);
  return [...schema, ...contentErrors(manifestPath)];
}

module.exports = { validateManifest };
