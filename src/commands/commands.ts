/**
 * The ribbon's one-click buttons (ExecuteFunction): 校验名单, 生成汇总, 清除标记. Each runs the same workflow as the
 * task pane with the settings saved in the workbook, then tells the clerk the outcome in a notification.
 */
import { runRibbonAction } from './ribbon-actions';

Office.onReady(() => {
  Office.actions.associate('validateRoll', (event: Office.AddinCommands.Event) => runRibbonAction('validate', event));
  Office.actions.associate('fillSummary', (event: Office.AddinCommands.Event) => runRibbonAction('summary', event));
  Office.actions.associate('clearFlags', (event: Office.AddinCommands.Event) => runRibbonAction('clear', event));
});
