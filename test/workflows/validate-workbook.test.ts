/**
 * The 校验 workflow on an in-memory workbook holding the generated sample: every planted defect is found and
 * flagged, the findings sheet is written, values never change, cancel leaves the workbook untouched.
 */
import { generateSample } from '../../src/domain/sample/sample-roll';
import { sampleWorkbook } from '../../src/playground/sample-workbook';
import { validateWorkbook, layoutFor } from '../../src/workflows/validate-workbook';
import { clearAll } from '../../src/workflows/clear-all';
import { proposeSheets } from '../../src/workflows/propose-sheets';
import { isCancelled, WorkflowError } from '../../src/workflows/workflow-error';
import { MemoryWorkbook } from './memory-port';

const sample = generateSample({ rows: 200, seed: 7 });
const book = () => new MemoryWorkbook(sampleWorkbook(sample).sheets, 'sample.xlsx');
const electionDate = sample.options.electionDate;
const rollSheets = sample.roll.sheets.map((s) => s.name);

function snapshot(wb: MemoryWorkbook) {
  return JSON.stringify(wb.sheets.filter((s) => s.name !== '校验结果').map((s) => [s.name, s.rows]));
}

describe('proposeSheets on the sample', () => {
  it('proposes the district sheets as rolls and recognises the other kinds', async () => {
    const proposals = await proposeSheets(book(), {});
    const kinds = Object.fromEntries(proposals.map((p) => [p.info.name, p.kind]));
    for (const s of rollSheets) expect(kinds[s]).toBe('roll');
    expect(kinds['户籍人口']).toBe('register');
    expect(kinds['选区划分']).toBe('districts');
    expect(kinds['剥夺政治权利人员名单']).toBe('exclusion');
    const first = proposals.find((p) => p.info.name === rollSheets[0])!;
    // The sample's header is on row 3 (title, blank, header); the mapping's choices are that row's texts.
    expect(first.layout?.headerRow).toBe(3);
    expect(first.headers.map((h) => h.text)).toContain('公民身份号码');
  });
});

describe('validateWorkbook', () => {
  it('needs the election day', async () => {
    await expect(validateWorkbook(book(), {})).rejects.toBeInstanceOf(WorkflowError);
    await expect(validateWorkbook(book(), { electionDate: '2026-02-30' })).rejects.toThrow(/valid date/);
  });

  it('finds every planted defect, flags it, writes the findings sheet and changes no value', async () => {
    const wb = book();
    const before = snapshot(wb);
    const phases: string[] = [];
    const result = await validateWorkbook(wb, { electionDate }, { onProgress: (p) => phases.push(p.phase) });
    expect(result.sheets.map((s) => s.sheet).sort()).toEqual([...rollSheets].sort());
    const found = new Set(result.findings.map((f) => `${f.code}@${f.sheet}!${f.row}`));
    const missing = sample.truth.defects.filter((d) => !found.has(`${d.code}@${d.sheet}!${d.row}`));
    expect(missing).toEqual([]);
    // Flags: one per flagged cell; the findings sheet has a header and a row per finding.
    for (const f of result.findings) expect(wb.flags.has(`${f.sheet}!${f.column ?? 'A'}${f.row}`)).toBe(true);
    expect(wb.sheet('校验结果').rows.length).toBe(result.findings.length + 1);
    expect(result.findingsSheet).toBe('校验结果');
    expect(snapshot(wb)).toBe(before);
    // Progress goes forward through the phases and ends done.
    expect(phases[0]).toBe('scan');
    expect(phases).toContain('read');
    expect(phases[phases.length - 1]).toBe('done');
    // Clearing removes every flag; values still unchanged.
    await clearAll(wb);
    expect(wb.flags.size).toBe(0);
    expect(snapshot(wb)).toBe(before);
  });

  it('checks only the sheets the clerk chose', async () => {
    const wb = book();
    const result = await validateWorkbook(wb, { electionDate, rollSheets: [rollSheets[0]] }, { write: false });
    expect(result.sheets.map((s) => s.sheet)).toEqual([rollSheets[0]]);
    const others = rollSheets.slice(1);
    expect(result.findings.filter((f) => others.includes(f.sheet))).toEqual([]);
    // The same sheet checked alone gives exactly its planted defects (at least).
    const found = new Set(result.findings.map((f) => `${f.code}@${f.sheet}!${f.row}`));
    const planted = sample.truth.defects.filter((d) => d.sheet === rollSheets[0] && d.code !== 'DUPLICATE_ID' && d.code !== 'POSSIBLE_DUPLICATE' && d.code !== 'INELIGIBLE_LISTED');
    for (const d of planted) expect(found.has(`${d.code}@${d.sheet}!${d.row}`)).toBe(true);
    expect(wb.calls).not.toContain('flagFindings');
  });

  it('writes nothing when cancelled', async () => {
    const wb = book();
    wb.readDelay = 5;
    const ctrl = new AbortController();
    let reads = 0;
    const p = validateWorkbook(wb, { electionDate }, {
      signal: ctrl.signal,
      onProgress: (x) => { if (x.phase === 'read' && ++reads === 1) ctrl.abort(); },
    });
    const error = await p.catch((e) => e);
    expect(isCancelled(error)).toBe(true);
    expect(wb.calls.filter((c) => c === 'flagFindings' || c === 'writeFindingsSheet' || c === 'clearFlags')).toEqual([]);
    expect(wb.sheets.some((s) => s.name === '校验结果')).toBe(false);
  });

  it('uses a layout the clerk confirmed: a column moved elsewhere is read from there', async () => {
    const wb = book();
    const sheet = rollSheets[0];
    const grid = await wb.readSheet(sheet);
    const detected = layoutFor(grid, undefined)!;
    // Pretend the clerk says 姓名 is in the 备注 column: every data row then has a blank or odd name.
    const remarks = detected.columns.remarks!;
    const saved = { ...detected, columns: { ...detected.columns, name: remarks }, confidence: 1 };
    const result = await validateWorkbook(wb, { electionDate, rollSheets: [sheet], layouts: { [sheet]: saved } }, { write: false });
    expect(result.sheets[0].layout.columns.name).toBe(remarks);
    const blankRemarks = grid.rows.slice(detected.firstDataRow - 1, detected.lastDataRow).filter((r) => r[remarks - 1] === null || r[remarks - 1] === '').length;
    const missingName = result.findings.filter((f) => f.code === 'REQUIRED_MISSING' && f.sheet === sheet).length;
    expect(missingName).toBeGreaterThanOrEqual(blankRemarks);
  });
});

describe('chooseRollSheets', () => {
  it('takes the clerk\'s choice, even none, and otherwise every detected roll', async () => {
    const { chooseRollSheets } = await import('../../src/workflows/propose-sheets');
    const proposals = await proposeSheets(book(), {});
    expect(chooseRollSheets(proposals, {}).sort()).toEqual([...rollSheets].sort());
    expect(chooseRollSheets(proposals, { rollSheets: [] })).toEqual([]);
    expect(chooseRollSheets(proposals, { rollSheets: [rollSheets[1], '已删除的表'] })).toEqual([rollSheets[1]]);
    await expect(validateWorkbook(book(), { electionDate, rollSheets: [] })).rejects.toThrow(/No voter-roll sheet/);
  });
});
