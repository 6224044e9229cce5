/**
 * What the ribbon's one-click buttons do: the task pane's workflows with the settings saved in the workbook, and a
 * short dialog telling the clerk the outcome (the ribbon has no pane of its own to show it in). Errors are shown the
 * same way, with what to do; `event.completed()` is always called so Excel does not wait on the button.
 */
import { Message } from '../domain/common/problem';
import { clearAll } from '../workflows/clear-all';
import { officeWorkbook } from '../workflows/office-workbook';
import { loadSettings } from '../workflows/settings';
import { NOT_FLAGGED, validateWorkbook } from '../workflows/validate-workbook';
import { messageOf } from '../workflows/workflow-error';
import { WorkbookPort } from '../workflows/workbook-port';
import { fillSummaryFromSettings } from '../workflows/fill-summary';

export type RibbonAction = 'validate' | 'summary' | 'clear';

function language(): 'zh' | 'en' {
  const display = (typeof Office !== 'undefined' && Office.context && Office.context.displayLanguage) || 'zh-CN';
  return display.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Joins messages after an outcome: each is a sentence of its own. */
function withReasons(outcome: Message, reasons: Message[]): Message {
  if (!reasons.length) return outcome;
  return { zh: [outcome.zh, ...reasons.map((r) => r.zh)].join(''), en: [outcome.en, ...reasons.map((r) => r.en)].join(' ') };
}

/** Runs one button's workflow and returns the outcome for the clerk. */
export async function ribbonOutcome(action: RibbonAction, port: WorkbookPort, lang: 'zh' | 'en'): Promise<Message> {
  const settings = await loadSettings(port);
  if (action === 'validate') {
    const { summary, findingsSheet, skipped, notices } = await validateWorkbook(port, settings, { language: lang });
    const sheet = findingsSheet ?? '校验结果';
    const notFlagged = notices.filter((n) => n.code === NOT_FLAGGED);
    const outcome: Message = summary.errors + summary.warnings + summary.infos === 0
      ? { zh: `校验完成：${summary.rows} 行，未发现问题。`, en: `Check complete: ${summary.rows} rows, nothing found.` }
      : {
        zh: `校验完成：${summary.rows} 行，错误 ${summary.errors} 个，警告 ${summary.warnings} 个，提示 ${summary.infos} 个。详见“${sheet}”工作表，相关单元格已标记${notFlagged.length ? '（以下所说的工作表除外）' : ''}。`,
        en: `Check complete: ${summary.rows} rows, ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} notes. See the "${sheet}" sheet; the cells are flagged${notFlagged.length ? ' (except on the sheets named below)' : ''}.`,
      };
    // Sheets not checked, and sheets whose cells could not be flagged (protected), each with what to do.
    return withReasons(outcome, [...skipped.map((s) => s.reason), ...notFlagged.map((n) => n.message)]);
  }
  if (action === 'clear') {
    const { skipped } = await clearAll(port);
    return skipped.length
      ? withReasons({ zh: '已清除选务助手添加的标记，单元格内容和格式保持原样，但：', en: 'The flags Election Clerk added were removed, cell values and formats as they were, except:' }, skipped.map((s) => s.reason))
      : { zh: '已清除选务助手添加的全部标记，单元格内容和格式保持原样。', en: 'Every flag Election Clerk added was removed; cell values and formats are as they were.' };
  }
  return fillSummaryFromSettings(port, settings);
}

function showDialog(message: Message, lang: 'zh' | 'en'): void {
  const page = new URL('notice.html', window.location.href);
  page.searchParams.set('zh', message.zh);
  page.searchParams.set('en', message.en);
  page.searchParams.set('lang', lang);
  Office.context.ui.displayDialogAsync(page.toString(), { height: 30, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) return;
    const dialog = result.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
  });
}

export async function runRibbonAction(action: RibbonAction, event: Office.AddinCommands.Event): Promise<void> {
  const lang = language();
  try {
    const outcome = await ribbonOutcome(action, officeWorkbook((batch) => Excel.run(batch)), lang);
    showDialog(outcome, lang);
  } catch (e) {
    showDialog(messageOf(e), lang);
  } finally {
    event.completed();
  }
}
