/**
 * 清除标记 (clear flags): removes every highlight Election Clerk added, restoring each cell's look exactly, and the
 * 校验结果 sheet it wrote (only that one, recognised by the id it recorded; never a clerk's sheet of that name), so
 * the workbook is as it was before the check. Cell values are never touched.
 */
import { SkippedSheet, WorkbookPort } from './workbook-port';

export interface ClearResult {
  /** The findings sheet deleted, or null when there was none. */
  removedSheet: string | null;
  /** Sheets whose flags could not be removed (protected), and what to do. */
  skipped: SkippedSheet[];
}

export async function clearAll(port: WorkbookPort): Promise<ClearResult> {
  const { skipped } = await port.clearFlags();
  const removedSheet = await port.removeFindingsSheet();
  return { removedSheet, skipped };
}
