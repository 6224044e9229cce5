/** The workflows the task pane and the ribbon buttons share (office-agnostic: they take a WorkbookPort). */
export * from './workbook-port';
export * from './workflow-error';
export * from './settings';
export * from './propose-sheets';
export * from './validate-workbook';
export * from './clear-all';
export * from './allocation-sheet';
export * from './allocate-seats';
export * from './fill-summary';
