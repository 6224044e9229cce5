/**
 * 统计汇总 (statistics tables): 生成汇总 fills the clerk's own statistics tables by their labels or creates standard
 * sheets, and shows what was filled, what was created, the labels that could not be matched (named exactly, with
 * their cells) and the typed numbers that differ from the rolls; 撤销汇总 puts everything back. The work itself is
 * the fillSummary / undoSummary workflows, the same as the ribbon's one-click button.
 */
import { useEffect, useState } from 'react';
import {
  Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { fillSummary, SummaryProgress, SummaryResult, undoSummary } from '../../workflows/fill-summary';
import { loadSettings } from '../../workflows/settings';
import { ClerkSettings, SummarySettings, WorkbookPort } from '../../workflows/workbook-port';
import { messageOf } from '../../workflows/workflow-error';
import { useLanguage, useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  cell: { fontFamily: tokens.fontFamilyMonospace },
});

export interface SummaryPanelProps {
  port: WorkbookPort;
  settings: ClerkSettings;
  updateSettings: (changes: Partial<ClerkSettings>) => Promise<void>;
}

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** The options as saved: only what differs from the defaults. */
function summaryOptions(unit: string, keepHandEntered: boolean): SummarySettings {
  const options: SummarySettings = {};
  if (unit.trim()) options.unit = unit.trim();
  if (keepHandEntered) options.keepHandEntered = true;
  return options;
}

export function SummaryPanel({ port, settings, updateSettings }: SummaryPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [unit, setUnit] = useState(settings.summary?.unit ?? '');
  const [keepHandEntered, setKeepHandEntered] = useState(settings.summary?.keepHandEntered === true);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SummaryProgress | null>(null);
  const [result, setResult] = useState<SummaryResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [canUndo, setCanUndo] = useState(!!settings.lastSummary);

  // The record of an earlier summary lives in the workbook: ask it, not the pane's copy of the settings.
  useEffect(() => {
    let live = true;
    loadSettings(port).then((s) => { if (live) setCanUndo(!!s.lastSummary); }).catch(() => undefined);
    return () => { live = false; };
  }, [port]);

  /** Saves the options in the workbook when they differ from what is saved. */
  const saveOptions = async (summary: SummarySettings) => {
    const saved = summaryOptions(settings.summary?.unit ?? '', settings.summary?.keepHandEntered === true);
    if (JSON.stringify(saved) !== JSON.stringify(summary)) await updateSettings({ summary });
  };
  const saveQuietly = (summary: SummarySettings) => {
    saveOptions(summary).catch((e) => setNotice({ intent: 'error', text: messageOf(e)[language] }));
  };

  const run = async () => {
    setRunning(true);
    setNotice(null);
    setResult(null);
    setProgress({ phase: 'check', fraction: 0 });
    try {
      const summary = summaryOptions(unit, keepHandEntered);
      await saveOptions(summary);
      const saved = await loadSettings(port);
      const r = await fillSummary(port, { ...settings, ...saved, summary }, { language, onProgress: setProgress });
      setResult(r);
      setCanUndo(true);
      const attention = r.unmatched.length > 0 || r.warnings.length > 0;
      setNotice({ intent: attention ? 'warning' : 'success', text: strings.summaryDone(r.rows) });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e)[language] });
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const undo = async () => {
    setRunning(true);
    setNotice(null);
    try {
      const r = await undoSummary(port);
      setResult(null);
      setCanUndo(false);
      const kept = r.keptEdited.length > 0 ? ` ${strings.summaryKeptEdited(r.keptEdited.length)}` : '';
      setNotice({ intent: 'success', text: `${strings.summaryUndone(r.restored, r.deletedSheets.length)}${kept}` });
    } catch (e) {
      setNotice({ intent: 'error', text: messageOf(e)[language] });
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className={styles.root}>
      <Text weight="semibold">{strings.summaryTitle}</Text>
      <Caption1>{strings.summaryHint}</Caption1>
      <Field label={strings.summaryUnit}>
        <Input data-testid="summary-unit" value={unit} disabled={running} onChange={(_, d) => setUnit(d.value)} onBlur={() => saveQuietly(summaryOptions(unit, keepHandEntered))} />
      </Field>
      <Checkbox
        data-testid="summary-keep"
        label={strings.summaryKeepHandEntered}
        checked={keepHandEntered}
        disabled={running}
        onChange={(_, d) => {
          setKeepHandEntered(d.checked === true);
          saveQuietly(summaryOptions(unit, d.checked === true));
        }}
      />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableAdd20Regular />} data-testid="summary-run-button" disabled={running} onClick={() => void run()}>
          {strings.summaryRun}
        </Button>
        <Button icon={<ArrowUndo20Regular />} data-testid="summary-undo-button" disabled={running || !canUndo} title={strings.summaryUndoHint} onClick={() => void undo()}>
          {strings.summaryUndo}
        </Button>
      </div>
      {running && progress && (
        <div data-testid="summary-progress">
          <ProgressBar value={progress.fraction} max={1} />
          <Caption1>{strings.summaryPhase[progress.phase]}</Caption1>
        </div>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="summary-notice">
          <MessageBarBody>{notice.intent === 'error' && <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>}{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && <SummaryResults result={result} />}
    </div>
  );
}

function SummaryResults({ result }: { result: SummaryResult }) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const nothing = result.filled.length === 0 && result.created.length === 0;
  return (
    <div className={styles.results} data-testid="summary-results">
      {nothing && <Caption1>{strings.summaryNothing}</Caption1>}
      {result.filled.length > 0 && (
        <section data-testid="summary-filled">
          <Text weight="semibold" size={200}>{strings.summaryFilled}</Text>
          <ul className={styles.list}>
            {result.filled.map((f) => <li key={`${f.table}:${f.sheet}`}>{strings.summaryFilledItem(f.title, f.sheet, f.cells, f.keptFormulas)}</li>)}
          </ul>
        </section>
      )}
      {result.created.length > 0 && (
        <section data-testid="summary-created">
          <Text weight="semibold" size={200}>{strings.summaryCreated}</Text>
          <ul className={styles.list}>
            {result.created.map((c) => <li key={c.sheet}>{strings.summaryCreatedItem(c.title, c.sheet)}</li>)}
          </ul>
        </section>
      )}
      {result.unmatched.length > 0 && (
        <MessageBar intent="warning" data-testid="summary-unmatched">
          <MessageBarBody>
            <MessageBarTitle>{strings.summaryUnmatched}</MessageBarTitle>
            <ul className={styles.list}>
              {result.unmatched.map((u, i) => (
                <li key={i}>
                  <span className={styles.cell}>{u.address ? `${u.sheet}!${u.address}` : u.sheet}</span> {language === 'zh' ? `“${u.text}”：` : `"${u.text}": `}{u.message[language]}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="summary-warnings">
          <MessageBarBody>
            <MessageBarTitle>{strings.summaryWarnings}</MessageBarTitle>
            <ul className={styles.list}>
              {result.warnings.map((w, i) => <li key={i}>{w.message[language]}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result.notes.length > 0 && (
        <section data-testid="summary-notes">
          <Text weight="semibold" size={200}>{strings.summaryNotes}</Text>
          <ul className={styles.list}>
            {result.notes.map((n, i) => <li key={i}>{n[language]}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
