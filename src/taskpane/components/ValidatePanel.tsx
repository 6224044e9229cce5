/**
 * The 校验 (check) flow: pick the roll sheets → set the election day → 校验 with progress and cancel → the
 * findings, click-to-cell → 清除标记. The work itself is the validateWorkbook / clearAll workflows. Under the
 * outcome, what the clerk should know about awkward sheets (protected and so not flagged, filtered, hidden rows,
 * merged cells, tables) is listed, one message each.
 */
import { useRef, useState } from 'react';
import {
  Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular, Eraser20Regular, ShieldTask20Regular } from '@fluentui/react-icons';
import { CellRef } from '../../domain/common/finding';
import { Message } from '../../domain/common/problem';
import { RollLayout } from '../../domain/roll/roll-layout';
import { clearAll } from '../../workflows/clear-all';
import { chooseRollSheets, SheetProposal } from '../../workflows/propose-sheets';
import { validateWorkbook, ValidateProgress, ValidateResult } from '../../workflows/validate-workbook';
import { ClerkSettings, SheetNotice, WorkbookPort } from '../../workflows/workbook-port';
import { isCancelled, messageOf } from '../../workflows/workflow-error';
import { useLanguage, useStrings } from '../i18n';
import { ElectionDateField } from './ElectionDateField';
import { FindingsList } from './FindingsList';
import { SheetPicker } from './SheetPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface ValidatePanelProps {
  port: WorkbookPort;
  settings: ClerkSettings;
  proposals: SheetProposal[] | null;
  updateSettings: (changes: Partial<ClerkSettings>) => Promise<void>;
  rescan: () => void;
}

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; title?: string; text: string };

const INTENT: Record<SheetNotice['severity'], 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info' };

/** The notices about the sheets read, one MessageBar each, in the pane's language. */
export function SheetNotices({ notices }: { notices: SheetNotice[] }) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  if (!notices.length) return null;
  return (
    <section className={styles.notices} data-testid="validate-notices" aria-label={strings.noticesTitle}>
      <Text weight="semibold" block>{strings.noticesTitle}</Text>
      {notices.map((n, i) => (
        <MessageBar key={`${n.sheet ?? ''}:${n.code}:${i}`} intent={INTENT[n.severity] ?? 'info'} data-testid="validate-notice-item" data-sheet={n.sheet ?? ''} data-code={n.code}>
          <MessageBarBody>{n.message[language]}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}

export function ValidatePanel({ port, settings, proposals, updateSettings, rescan }: ValidatePanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ValidateProgress | null>(null);
  const [result, setResult] = useState<ValidateResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const controller = useRef<AbortController | null>(null);

  const selected = proposals ? chooseRollSheets(proposals, settings) : settings.rollSheets ?? [];
  const fail = (error: unknown) => {
    const m: Message = messageOf(error);
    setNotice({ intent: 'error', title: strings.errorTitle, text: m[language] });
  };

  const toggleSheet = (sheet: string, checked: boolean) => {
    const next = checked ? [...selected.filter((s) => s !== sheet), sheet] : selected.filter((s) => s !== sheet);
    void updateSettings({ rollSheets: next }).catch(fail);
  };
  const changeLayout = (sheet: string, layout: RollLayout) => {
    void updateSettings({ layouts: { ...(settings.layouts ?? {}), [sheet]: layout } }).catch(fail);
  };

  const run = async () => {
    const ctrl = new AbortController();
    controller.current = ctrl;
    setRunning(true);
    setNotice(null);
    setResult(null);
    setProgress({ phase: 'scan', fraction: 0 });
    try {
      const r = await validateWorkbook(port, { ...settings, rollSheets: selected }, {
        signal: ctrl.signal,
        language,
        onProgress: (p) => setProgress(p),
      });
      setResult(r);
      const s = r.summary;
      const text = `${strings.summary(s.rows, s.errors, s.warnings, s.infos)}${r.findings.length === 0 ? ` ${strings.allClear}` : ''}${r.findingsSheet && r.findings.length > 0 ? ` ${strings.findingsSheetWritten(r.findingsSheet)}` : ''}`;
      setNotice({ intent: s.errors > 0 ? 'warning' : 'success', text });
    } catch (error) {
      if (isCancelled(error)) setNotice({ intent: 'info', text: strings.cancelled });
      else fail(error);
    } finally {
      setRunning(false);
      setProgress(null);
      controller.current = null;
    }
  };

  const clear = async () => {
    setNotice(null);
    try {
      const { skipped } = await clearAll(port);
      setNotice(skipped.length
        ? { intent: 'warning', text: `${skipped.map((s) => s.reason[language]).join(language === 'zh' ? '' : ' ')} ${strings.otherFlagsCleared}` }
        : { intent: 'success', text: strings.flagsCleared });
    } catch (error) {
      fail(error);
    }
  };

  const select = (ref: CellRef) => {
    port.selectCell(ref).catch(fail);
  };

  return (
    <div className={styles.root}>
      <SheetPicker
        proposals={proposals}
        selected={selected}
        onToggle={toggleSheet}
        onLayoutChange={changeLayout}
        onRescan={rescan}
        busy={running}
      />
      <ElectionDateField value={settings.electionDate} disabled={running} onChange={(d) => void updateSettings({ electionDate: d }).catch(fail)} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ShieldTask20Regular />}
          data-testid="validate-button"
          disabled={running || selected.length === 0}
          onClick={() => void run()}
        >
          {strings.validate}
        </Button>
        {running && (
          <Button icon={<Dismiss20Regular />} data-testid="cancel-button" onClick={() => controller.current?.abort()}>{strings.cancel}</Button>
        )}
        <Button icon={<Eraser20Regular />} data-testid="clear-flags-button" disabled={running} onClick={() => void clear()}>
          {strings.clearFlags}
        </Button>
      </div>
      {running && progress && (
        <div data-testid="validate-progress">
          <ProgressBar value={progress.fraction} max={1} />
          <Caption1>{strings.phase[progress.phase]}{progress.phase === 'read' && progress.sheet ? ` “${progress.sheet}”…` : ''}</Caption1>
        </div>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="validate-notice">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && result.skipped.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{strings.skippedSheet}</MessageBarTitle>
            {result.skipped.map((s) => s.reason[language]).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && <SheetNotices notices={result.notices} />}
      {result && result.findings.length > 0 && (
        <section>
          <Text weight="semibold" block>{strings.findingsTitle}</Text>
          <FindingsList findings={result.findings} onSelect={select} />
        </section>
      )}
    </div>
  );
}
