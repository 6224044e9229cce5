/**
 * 清除标记 (clear flags): removes every highlight Election Clerk added, restoring each cell's look exactly.
 * Cell values are never touched. The 校验结果 sheet stays (it is a record the clerk may want to keep).
 */
import { WorkbookPort } from './workbook-port';

export async function clearAll(port: WorkbookPort): Promise<void> {
  await port.clearFlags();
}
