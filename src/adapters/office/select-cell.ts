/**
 * Taking the clerk to a finding: activate its sheet and select its cell (or its whole row when the finding is
 * about a row), in one round trip.
 */
import { CellRef } from '../../domain/common/finding';
import { AdapterError, describeError, excelCode } from './adapter-error';

export async function selectCell(context: Excel.RequestContext, ref: Pick<CellRef, 'sheet' | 'row' | 'column'>): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(ref.sheet);
  sheet.activate();
  const address = ref.column ? `${ref.column}${ref.row}` : `${ref.row}:${ref.row}`;
  sheet.getRange(address).select();
  try {
    await context.sync();
  } catch (error) {
    const code = excelCode(error);
    if (code === 'ItemNotFound') {
      throw new AdapterError({
        zh: `找不到工作表“${ref.sheet}”：它可能已被改名或删除。请重新校验。`,
        en: `The sheet "${ref.sheet}" was not found: it may have been renamed or deleted. Validate again.`,
      }, code, error);
    }
    if (code === 'InvalidOperation') {
      throw new AdapterError({
        zh: `工作表“${ref.sheet}”已隐藏，无法选中其单元格。请先取消隐藏该工作表（右键工作表标签 → 取消隐藏）。`,
        en: `The sheet "${ref.sheet}" is hidden, so its cells cannot be selected. Unhide it first (right-click a sheet tab → Unhide).`,
      }, code, error);
    }
    throw new AdapterError({
      zh: `无法选中 ${ref.sheet}!${address}：${describeError(error)}。`,
      en: `Could not select ${ref.sheet}!${address}: ${describeError(error)}.`,
    }, code ?? 'SelectFailed', error);
  }
}
