/**
 * LibreOffice round trip for the summary tests: converts an .xlsx to one CSV per sheet with a headless soffice
 * and a fresh user profile. When soffice is not on PATH the caller skips (printing why), except on CI where a
 * missing LibreOffice is a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function sofficePath(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : null;
}

/** Parses the CSV LibreOffice writes (comma, double quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/**
 * Converts `xlsx` to CSV, every sheet (UTF-8, formulas as their computed values), and returns the rows by sheet
 * name. LibreOffice names the files BASE-SHEET.csv.
 */
export function xlsxToCsvSheets(soffice: string, xlsx: string, sheetNames: string[]): Record<string, string[][]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-soffice-out-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-soffice-profile-'));
  try {
    // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start row, 9th token true = values as shown (number
    // formats applied), 12th token -1 = every sheet to its own file.
    execFileSync(soffice, [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir', outDir, xlsx,
    ], { stdio: 'pipe', timeout: 120000 });
    const base = path.basename(xlsx, path.extname(xlsx));
    const out: Record<string, string[][]> = {};
    for (const name of sheetNames) {
      const file = path.join(outDir, `${base}-${name}.csv`);
      if (fs.existsSync(file)) out[name] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    }
    if (Object.keys(out).length === 0) {
      throw new Error(`LibreOffice wrote no CSV for ${sheetNames.join(', ')}; files: ${fs.readdirSync(outDir).join(', ')}`);
    }
    return out;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs `fn` when LibreOffice is installed; otherwise skips with a printed reason, or fails when CI=true. */
export function withSoffice(fn: (soffice: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const soffice = sofficePath();
    if (!soffice) {
      if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is not on PATH: the round-trip test needs it on CI');
      // eslint-disable-next-line no-console
      console.log('skipped: LibreOffice (soffice) is not on PATH, so the written .xlsx was not read back in LibreOffice');
      return;
    }
    await fn(soffice);
  };
}
