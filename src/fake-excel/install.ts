/**
 * Installs a FakeExcel as the `Excel` and `Office` globals (for the playground and the browser tests, which inject
 * it with page.addInitScript; and for jest tests of code that calls `Excel.run`). Nothing runs on import: call
 * `installFakeExcel(window, fake)`.
 */
import { FakeExcelError } from './errors';
import { FakeExcel } from './fake-excel';

export interface InstallOptions {
  /** Office.context.displayLanguage (default zh-CN). */
  displayLanguage?: string;
  /** Host reported by Office.onReady (default Excel). */
  host?: string;
  platform?: string;
}

/** String values of the Excel enums the add-in may use (office.js exposes them as objects of strings). */
const ENUMS = {
  ErrorCodes: {
    accessDenied: 'AccessDenied', generalException: 'GeneralException', invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation', itemAlreadyExists: 'ItemAlreadyExists', itemNotFound: 'ItemNotFound',
    requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded', responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  },
  ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet', topBottom: 'TopBottom', presetCriteria: 'PresetCriteria', containsText: 'ContainsText', cellValue: 'CellValue' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  SpecialCellType: { visible: 'Visible', constants: 'Constants', formulas: 'Formulas', blanks: 'Blanks' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks' },
  ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', line: 'Line', pie: 'Pie' },
  ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
};

export interface InstalledFake {
  fake: FakeExcel;
  uninstall(): void;
}

/** Sets `Excel` and `Office` on `target` (window or globalThis) so that they drive `fake`. */
export function installFakeExcel(target: object, fake: FakeExcel = new FakeExcel(), options: InstallOptions = {}): InstalledFake {
  const g = target as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const info = { host: options.host ?? 'Excel', platform: options.platform ?? 'OfficeOnline' };

  class RequestContext {
    constructor() {
      return fake.newContext();
    }
  }

  g.Excel = {
    ...ENUMS,
    run: (a: unknown, b?: unknown) => (fake.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b),
    RequestContext,
    __fake: fake,
  };
  g.OfficeExtension = { Error: FakeExcelError, ErrorCodes: ENUMS.ErrorCodes };
  g.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady: (callback?: (i: typeof info) => void) => {
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      contentLanguage: options.displayLanguage ?? 'zh-CN',
      host: info.host,
      platform: info.platform,
      requirements: { isSetSupported: () => true },
      ui: { displayDialogAsync: () => undefined },
    },
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
  };
  return {
    fake,
    uninstall() {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    },
  };
}
