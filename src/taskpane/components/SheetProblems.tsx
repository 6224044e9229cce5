/**
 * What the clerk should know about one sheet before checking it (protected, filtered, hidden rows, tables, too wide
 * to read), as small captions under the sheet in the sheet picker: warnings in the warning colour, errors (the sheet
 * cannot be read as a roll) in the danger colour.
 */
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SheetNotice } from '../../workflows/workbook-port';
import { useLanguage, useStrings } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', paddingLeft: '36px' },
  info: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  error: { color: tokens.colorStatusDangerForeground1 },
});

export function SheetProblems({ problems }: { problems: readonly SheetNotice[] | undefined }) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  if (!problems || problems.length === 0) return null;
  return (
    <div className={styles.list} role="list" aria-label={strings.sheetProblemsLabel}>
      {problems.map((p, i) => (
        <Caption1
          key={`${p.code}-${i}`}
          role="listitem"
          className={mergeClasses(styles[p.severity] ?? styles.info)}
          data-testid="sheet-problem"
          data-severity={p.severity}
          data-code={p.code}
        >
          {p.message[language]}
        </Caption1>
      ))}
    </div>
  );
}
