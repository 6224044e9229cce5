/**
 * The task pane: Fluent UI (Office's look) in the clerk's language, with four tabs — 名单校验 (check rolls),
 * 名额分配 (seats), 统计汇总 (statistics tables) and 帮助 (help). It loads the workbook's saved settings and the proposed sheets once, and saves
 * every change the clerk makes back into the workbook.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Subtitle1, Tab, TabList, makeStyles, tokens, webLightTheme,
} from '@fluentui/react-components';
import { proposeSheets, SheetProposal } from '../workflows/propose-sheets';
import { loadSettings, saveSettings } from '../workflows/settings';
import { ClerkSettings, Language, WorkbookPort } from '../workflows/workbook-port';
import { messageOf } from '../workflows/workflow-error';
import { I18nProvider, useLanguage, useStrings } from './i18n';
import { HelpPanel } from './components/HelpPanel';
import { SeatsPanel } from './components/SeatsPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { ValidatePanel } from './components/ValidatePanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  header: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`, display: 'flex', flexDirection: 'column' },
  body: { padding: tokens.spacingHorizontalL },
});

export interface AppProps {
  port: WorkbookPort;
  language: Language;
}

type TabName = 'validate' | 'seats' | 'summary' | 'help';

export function App({ port, language }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={language === 'zh' ? 'zh-CN' : 'en'} style={{ height: '100%' }}>
      <I18nProvider language={language}>
        <Pane port={port} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Pane({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [tab, setTab] = useState<TabName>('validate');
  const [settings, setSettings] = useState<ClerkSettings | null>(null);
  const [proposals, setProposals] = useState<SheetProposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const scan = useCallback(async (s: ClerkSettings) => {
    setProposals(null);
    try {
      setProposals(await proposeSheets(port, s));
    } catch (e) {
      setProposals([]);
      setError(messageOf(e)[language]);
    }
  }, [port, language]);

  useEffect(() => {
    let live = true;
    loadSettings(port)
      .then((s) => {
        if (!live) return;
        setSettings(s);
        void scan(s);
      })
      .catch((e) => {
        if (!live) return;
        setSettings({});
        setError(messageOf(e)[language]);
      });
    return () => { live = false; };
  }, [port, scan, language]);

  const updateSettings = useCallback(async (changes: Partial<ClerkSettings>) => {
    setSettings((prev) => ({ ...(prev ?? {}), ...changes }));
    await saveSettings(port, changes);
  }, [port]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Subtitle1>{strings.appTitle}</Subtitle1>
        <Caption1>{strings.appSubtitle}</Caption1>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small">
          <Tab value="validate" data-testid="validate-tab">{strings.tabValidate}</Tab>
          <Tab value="seats" data-testid="seats-tab">{strings.tabSeats}</Tab>
          <Tab value="summary" data-testid="summary-tab">{strings.tabSummary}</Tab>
          <Tab value="help" data-testid="help-tab">{strings.tabHelp}</Tab>
        </TabList>
      </header>
      <main className={styles.body}>
        {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
        {settings === null ? <Spinner label={strings.loading} /> : (
          <>
            <div hidden={tab !== 'validate'}>
              <ValidatePanel port={port} settings={settings} proposals={proposals} updateSettings={updateSettings} rescan={() => void scan(settings)} />
            </div>
            <div hidden={tab !== 'seats'}>
              {proposals !== null && <SeatsPanel port={port} settings={settings} proposals={proposals} updateSettings={updateSettings} />}
            </div>
            <div hidden={tab !== 'summary'}>
              <SummaryPanel port={port} settings={settings} updateSettings={updateSettings} />
            </div>
            {tab === 'help' && <HelpPanel />}
          </>
        )}
      </main>
    </div>
  );
}
