/**
 * The playground page: a simulated Excel workbook (left) beside the real task pane (right), so every feature
 * can be tried without Excel. Nothing here reaches the network.
 */
import { Body1, Caption1, FluentProvider, Link, Subtitle2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { STRINGS } from '../taskpane/i18n/strings';
import { Language, WorkbookPort } from '../workflows/workbook-port';
import { GridView } from './GridView';
import { GridSource } from './grid-source';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: '#217346', color: '#fff',
  },
  barText: { color: '#fff' },
  barLink: { color: '#fff', textDecoration: 'underline' },
  main: { display: 'flex', flex: '1', minHeight: '0', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  grid: { flex: '1', minWidth: '0', display: 'flex', flexDirection: 'column' },
  pane: {
    width: '380px', flexShrink: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`, boxShadow: tokens.shadow4,
  },
});

export interface PlaygroundProps {
  port: WorkbookPort;
  source: GridSource;
  language: Language;
}

export function Playground({ port, source, language }: PlaygroundProps) {
  const styles = useStyles();
  const strings = STRINGS[language];
  const other = language === 'zh' ? { lang: 'en', label: 'English' } : { lang: 'zh', label: '中文' };
  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <header className={styles.bar}>
        <Subtitle2 className={styles.barText}>{strings.playgroundTitle}</Subtitle2>
        <Caption1 className={styles.barText}>{strings.playgroundNote}</Caption1>
        <Link className={styles.barLink} href={`?lang=${other.lang}`}>{other.label}</Link>
      </header>
      <div className={styles.main}>
        <section className={styles.grid} aria-label="workbook">
          <GridView source={source} />
        </section>
        <aside className={styles.pane} aria-label={strings.appTitle} data-testid="playground-taskpane">
          <App port={port} language={language} />
        </aside>
      </div>
      <noscript><Body1>JavaScript is required.</Body1></noscript>
    </FluentProvider>
  );
}
