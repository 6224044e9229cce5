/// <reference types="office-js" />
/**
 * FakeExcel: an in-memory Excel workbook reachable through (a faithful subset of) the Excel JavaScript API, for
 * jest tests and the playground. `fake.run(async (context) => { ... })` works like `Excel.run`; each
 * `context.sync()` is one round trip, counted in `roundTrips` with the bytes sent and received, and refused when a
 * request or response exceeds Excel on the web's 5 MB limit. Tests can make a chosen sync fail.
 */
import { formatRect, Rect } from './address';
import { evaluateFormula } from './cell-input';
import { FakeRequestContextBase, SyncHost } from './client-object';
import { FakeExcelError } from './errors';
import { CellView, FakeWorkbookJSON, modelFromJSON, modelToJSON, WorkbookModel } from './model';
import { FakeRequestContext } from './worksheet';

export interface FakeExcelLimits {
  /** Bytes allowed in one request and in one response (Excel on the web: 5 MB). */
  payloadBytes: number;
  /** Cells one read of values/formulas/formats may cover. */
  cellsPerRead: number;
}

export const EXCEL_ON_THE_WEB_LIMITS: FakeExcelLimits = { payloadBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 };

export interface SyncRecord {
  /** Request bytes (the queued commands and the values they send). */
  sent: number;
  /** Response bytes (what was loaded). */
  received: number;
  commands: number;
  failed?: string;
}

export interface InjectedFailure {
  /** Which coming sync fails: 1 = the next one. */
  atSync: number;
  code?: string;
  message?: string;
  /** Apply this many of the sync's commands before failing (default 0: nothing applied). */
  afterCommands?: number;
}

export type FakeExcelListener = () => void;

export class FakeExcel implements SyncHost {
  model: WorkbookModel;
  limits: FakeExcelLimits;
  /** Syncs (round trips) since creation or the last resetCounters(). */
  roundTrips = 0;
  payloadBytes = { sent: 0, received: 0 };
  /** One record per sync, in order. */
  syncLog: SyncRecord[] = [];
  private failures: { remaining: number; failure: InjectedFailure }[] = [];
  private listeners = new Set<FakeExcelListener>();

  constructor(json: FakeWorkbookJSON = { sheets: [{ name: 'Sheet1' }] }, limits: Partial<FakeExcelLimits> = {}) {
    this.model = modelFromJSON(json);
    this.limits = { ...EXCEL_ON_THE_WEB_LIMITS, ...limits };
  }

  static fromJSON(json: FakeWorkbookJSON, limits: Partial<FakeExcelLimits> = {}): FakeExcel {
    return new FakeExcel(json, limits);
  }

  /** A plain-data snapshot of the whole workbook (values, formulas, formats, settings, ...). */
  toJSON(): FakeWorkbookJSON {
    return modelToJSON(this.model);
  }

  /** Replaces the workbook with a snapshot ("reopen"), keeping the counters. */
  load(json: FakeWorkbookJSON): void {
    this.model = modelFromJSON(json);
    this.notify();
  }

  /** Like Excel.run: a new context for the batch. Also accepts Excel.run's (object, batch) form. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(_object: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: Excel.RequestContext) => Promise<T>;
    const context = this.newContext();
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run syncs whatever is still queued when the batch returns.
    if (context._queue.length) await context.sync();
    return result;
  }

  /** A context to use directly (typed as the real one). */
  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  resetCounters(): void {
    this.roundTrips = 0;
    this.payloadBytes = { sent: 0, received: 0 };
    this.syncLog = [];
  }

  /** Makes a coming sync fail with an error like Excel's (default code GeneralException). */
  injectFailure(failure: InjectedFailure): void {
    this.failures.push({ remaining: failure.atSync, failure });
  }

  /** Called after every sync that changed something (for the playground's grid view). */
  subscribe(listener: FakeExcelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  async _sync(context: FakeRequestContextBase): Promise<void> {
    // A round trip is asynchronous, as in Excel.
    await Promise.resolve();
    const ops = context._queue;
    context._queue = [];
    context._responseBytes = 0;
    this.roundTrips += 1;
    const sent = ops.reduce((n, op) => n + op.bytes, 100);
    const record: SyncRecord = { sent, received: 0, commands: ops.length };
    this.syncLog.push(record);
    this.payloadBytes.sent += sent;

    const discard = () => {
      for (const t of context._touched) t._discard();
      context._touched.clear();
    };
    const fail = (error: FakeExcelError): never => {
      record.failed = error.code;
      discard();
      throw error;
    };

    let injected: InjectedFailure | undefined;
    for (const f of this.failures) {
      f.remaining -= 1;
      if (f.remaining === 0) injected = f.failure;
    }
    this.failures = this.failures.filter((f) => f.remaining > 0);

    if (sent > this.limits.payloadBytes) {
      fail(new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size (${sent} bytes) has exceeded the limit (${this.limits.payloadBytes} bytes).`));
    }
    let applied = 0;
    try {
      for (const op of ops) {
        if (injected && applied >= (injected.afterCommands ?? 0)) {
          throw new FakeExcelError(injected.code ?? 'GeneralException', injected.message ?? 'An internal error has occurred (injected by the test).');
        }
        op.run();
        applied += 1;
      }
    } catch (error) {
      if (applied > 0) this.notify();
      if (error instanceof FakeExcelError) fail(error);
      record.failed = 'GeneralException';
      discard();
      throw error;
    }
    const received = context._responseBytes + 100;
    record.received = received;
    if (received > this.limits.payloadBytes) {
      if (applied > 0) this.notify();
      fail(new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size (${received} bytes) has exceeded the limit (${this.limits.payloadBytes} bytes).`));
    }
    this.payloadBytes.received += received;
    for (const t of context._touched) t._commit();
    context._touched.clear();
    if (ops.length) this.notify();
  }

  // ---------- direct views for tests and the playground (not part of the Excel API) ----------

  sheetNames(): string[] {
    return this.model.liveSheets().map((s) => s.name);
  }

  /** What one cell holds and shows (1-based row and column); conditional formats whose rule is true applied. */
  cellView(sheetName: string, row: number, column: number): CellView {
    const sheet = this.model.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named '${sheetName}'.`);
    const r = row - 1;
    const c = column - 1;
    const cell = sheet.cell(r, c);
    const view: CellView = { value: cell ? cell.v : '' };
    if (cell?.f) view.formula = cell.f;
    if (cell?.nf) view.numberFormat = cell.nf;
    if (cell?.fill) view.fill = cell.fill;
    if (cell?.fontColor) view.fontColor = cell.fontColor;
    if (cell?.bold !== undefined) view.bold = cell.bold;
    for (const cf of sheet.conditionalFormats) {
      if (!cf.areas.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1)) continue;
      if (cf.type !== 'Custom' || !cf.formula) continue;
      const result = evaluateFormula(cf.formula, (rr, cc) => sheet.valueAt(rr, cc));
      if (result !== true) continue;
      if (cf.fill && view.conditionalFill === undefined) view.conditionalFill = cf.fill;
      if (cf.fontColor && view.conditionalFontColor === undefined) view.conditionalFontColor = cf.fontColor;
      if (cf.stopIfTrue) break;
    }
    return view;
  }

  /** The used range of a sheet as "A1:J100" (null when blank). */
  usedAddress(sheetName: string): string | null {
    const sheet = this.model.sheetByName(sheetName);
    const rect: Rect | null | undefined = sheet?.usedRect(false);
    return rect ? formatRect(rect) : null;
  }

  /** The active sheet and selected range, e.g. {sheet: '第一选区', address: 'F5'}. */
  selection(): { sheet: string; address: string } | null {
    const sel = this.model.selection;
    if (sel && !sel.sheet.deleted) return { sheet: sel.sheet.name, address: formatRect(sel.rect) };
    const active = this.model.activeSheet;
    return active ? { sheet: active.name, address: formatRect(active.lastSelection) } : null;
  }
}
