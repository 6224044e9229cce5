/**
 * The proxy machinery of the fake Excel, as office.js has it: a RequestContext with a queue of commands, proxy
 * objects whose properties are only readable after `load()` + `context.sync()` (PropertyNotLoaded otherwise),
 * writes queued and applied in order at sync, `*OrNullObject` proxies with `isNullObject`, collections with
 * `items`, and ClientResult values.
 */
import { FakeExcelError, propertyNotLoaded } from './errors';
import { WorkbookModel } from './model';
import { jsonBytes } from './payload';

/** One queued command: applied at sync, in order. */
export interface QueuedOp {
  run: () => void;
  /** Estimated bytes this command adds to the request. */
  bytes: number;
}

/** What a context needs from the fake Excel that owns it. */
export interface SyncHost {
  readonly model: WorkbookModel;
  readonly limits: { payloadBytes: number; cellsPerRead: number };
  _sync(context: FakeRequestContextBase): Promise<void>;
}

/** The part of the request context the proxies use; fake-excel.ts adds `workbook`. */
export class FakeRequestContextBase {
  _queue: QueuedOp[] = [];
  _touched = new Set<{ _commit(): void; _discard(): void }>();
  /** Bytes of the response being built by the current sync. */
  _responseBytes = 0;
  /** office.js's tracked objects: nothing to do in the fake, proxies stay valid across syncs. */
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(readonly _host: SyncHost) {}

  get _model(): WorkbookModel {
    return this._host.model;
  }

  /** Sends the queued commands and fills in what was loaded. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await this._host._sync(this);
    return passThroughValue as T;
  }

  /** `context.load(object, properties)`, like office.js. */
  load<O extends { load(spec?: unknown): unknown }>(object: O, spec?: unknown): O {
    object.load(spec);
    return object;
  }
}

/** A value a method returns, readable after sync (e.g. `getCount()`). */
export class FakeClientResult<V> {
  private _value: { v: V } | undefined;
  private _pending: { v: V } | undefined;

  constructor(context: FakeRequestContextBase, compute: () => V) {
    context._queue.push({
      bytes: 30,
      run: () => {
        const v = compute();
        this._pending = { v };
        context._touched.add(this);
        context._responseBytes += jsonBytes(v) + 10;
      },
    });
  }

  get value(): V {
    if (!this._value) throw propertyNotLoaded('value');
    return this._value.v;
  }

  _commit(): void {
    if (this._pending) this._value = this._pending;
    this._pending = undefined;
  }

  _discard(): void {
    this._pending = undefined;
  }
}

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined | null;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined || spec === null) return [];
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
  if (typeof spec === 'string' || Array.isArray(spec)) return list(spec);
  return [...list(spec.select), ...list(spec.expand)];
}

/** A proxy for an object in the document. T is the model object it stands for. */
export abstract class FakeClientObject<T = unknown> {
  readonly context: FakeRequestContextBase;
  private _loaded = new Map<string, unknown>();
  private _pendingLoads: Map<string, unknown> | null = null;
  private _isNull: boolean | undefined;
  private _pendingNull: boolean | undefined;
  private _binding: { t: T | null } | undefined;
  private readonly _resolver: () => T | null;
  private readonly _nullable: boolean;

  constructor(context: FakeRequestContextBase, resolver: () => T | null, nullable = false) {
    this.context = context;
    this._resolver = resolver;
    this._nullable = nullable;
    if (nullable) {
      // Like office.js, an *OrNullObject call is a command of its own: isNullObject is known after sync.
      context._queue.push({ bytes: 40, run: () => this._stageNull(this._target() === null) });
    }
  }

  /** True when the object does not exist; readable after sync for *OrNullObject proxies. */
  get isNullObject(): boolean {
    if (this._isNull !== undefined) return this._isNull;
    if (this._nullable) throw propertyNotLoaded('isNullObject');
    return false;
  }

  /** The model object; only call inside a queued command. Null for a null object. */
  _target(): T | null {
    if (!this._binding) this._binding = { t: this._resolver() };
    const t = this._binding.t;
    if (t !== null) this._checkAlive(t);
    return t;
  }

  /** Throws ItemNotFound when the model object was deleted since the proxy was bound. */
  protected _checkAlive(_t: T): void {}

  /** Scalar properties that `load` can fetch, with how to read each from the model. */
  protected _scalars(): Record<string, (t: T) => unknown> {
    return {};
  }

  /** Navigation properties (child proxies) by name, for load paths like "format/fill/color". */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  protected _nav(_name: string): FakeClientObject<any> | undefined {
    return undefined;
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name) as V;
  }

  /** Records a loaded value; made visible when the sync succeeds. */
  _stage(name: string, value: unknown, bytes = jsonBytes(value) + name.length + 4): void {
    if (!this._pendingLoads) this._pendingLoads = new Map();
    this._pendingLoads.set(name, value);
    this.context._touched.add(this);
    this.context._responseBytes += bytes;
  }

  _stageNull(isNull: boolean): void {
    this._pendingNull = isNull;
    this.context._touched.add(this);
    this.context._responseBytes += 20;
  }

  _commit(): void {
    if (this._pendingLoads) for (const [k, v] of this._pendingLoads) this._loaded.set(k, v);
    if (this._pendingNull !== undefined) this._isNull = this._pendingNull;
    this._pendingLoads = null;
    this._pendingNull = undefined;
  }

  _discard(): void {
    this._pendingLoads = null;
    this._pendingNull = undefined;
  }

  protected _do(run: () => void, now: boolean, bytes = 40): void {
    if (now) run();
    else this.context._queue.push({ run, bytes });
  }

  /** Counts the bytes of a method's arguments (an address, a key) in the request, as office.js sends them. */
  protected _sendArgs(...args: unknown[]): void {
    this.context._queue.push({ bytes: jsonBytes(args) + 20, run: () => undefined });
  }

  /** Queues a command on the model object (ignored for a null object, like office.js). */
  protected _queue(bytes: number, apply: (t: T) => void): void {
    this.context._queue.push({
      bytes: bytes + 40,
      run: () => {
        const t = this._target();
        if (t !== null) apply(t);
      },
    });
  }

  /** Queues loading properties: "a,b", ["a", "b/c"], {select: ...}; nothing means every scalar property. */
  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    if (!paths.length) this._loadPath([], false);
    for (const p of paths) this._loadPath(p.split('/').map((s) => s.trim()).filter(Boolean), false);
    return this;
  }

  _loadPath(segments: string[], now: boolean): void {
    if (segments.length === 0) {
      const scalars = this._scalars();
      this._do(() => {
        const t = this._target();
        if (t === null) return this._stageNull(true);
        for (const [name, get] of Object.entries(scalars)) this._stage(name, get(t));
      }, now);
      return;
    }
    const [head, ...rest] = segments;
    const nav = this._nav(head);
    if (nav) {
      nav._loadPath(rest, now);
      return;
    }
    const get = this._scalars()[head];
    this._do(() => {
      if (!get) {
        throw new FakeExcelError('InvalidArgument', `The property '${head}' does not exist on ${this.constructor.name}.`);
      }
      const t = this._target();
      if (t === null) return this._stageNull(true);
      this._stage(head, get(t));
    }, now);
  }

  /** office.js's `set({...})`: sets several properties (and nested ones) at once. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const nav = this._nav(k);
      if (nav && v && typeof v === 'object' && !Array.isArray(v)) nav.set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  /** Loaded properties as plain data, like office.js's toJSON. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A collection proxy: `items` after load; loading "name" or "items/name" loads that property of every item. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export abstract class FakeCollection<Item extends FakeClientObject<any>, M, T = unknown> extends FakeClientObject<T> {
  private _itemCache = new Map<M, Item>();

  /** The model items, in order; only call inside a command. */
  protected abstract _models(t: T): M[];
  protected abstract _makeItem(model: M): Item;

  get items(): Item[] {
    return this._get<Item[]>('items');
  }

  protected _itemFor(model: M): Item {
    let item = this._itemCache.get(model);
    if (!item) {
      item = this._makeItem(model);
      this._itemCache.set(model, item);
    }
    return item;
  }

  override _loadPath(segments: string[], now: boolean): void {
    const rest = segments[0] === 'items' ? segments.slice(1) : segments;
    this._do(() => {
      const t = this._target();
      if (t === null) return this._stageNull(true);
      const items = this._models(t).map((m) => this._itemFor(m));
      this._stage('items', items, 2 + items.length * 3);
      for (const item of items) item._loadPath(rest, true);
    }, now);
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => {
      const t = this._target();
      return t === null ? 0 : this._models(t).length;
    });
  }
}
