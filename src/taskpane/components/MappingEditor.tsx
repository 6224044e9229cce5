/**
 * The clerk's correction of how one sheet is read: the header row number (changing it re-reads that row's labels
 * from the sheet's first rows and maps the columns again by the header synonyms) and one dropdown of the header
 * row's labels per kind of column. A sheet where detection found no header starts with the row blank. Every change
 * is handed up as a confirmed layout (confidence 1), to be saved in the workbook.
 */
import { useState } from 'react';
import { Caption1, Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { COLUMN_ROLES, ColumnRole, RollLayout } from '../../domain/roll/roll-layout';
import { columnLetter } from '../../domain/workbook/sheet-grid';
import {
  headerChoices, headerChoicesFor, isCheckableLayout, lastPreviewRow, PROPOSAL_ROWS, SheetProposal, withColumn, withHeaderRow,
} from '../../workflows/propose-sheets';
import { useLanguage, useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS },
  headerRow: { maxWidth: '160px' },
  dropdown: { minWidth: '0', width: '100%' },
  mapping: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  notes: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorStatusWarningForeground1 },
});

export interface MappingEditorProps {
  proposal: SheetProposal;
  /** The layout shown: the clerk's latest edit, the saved one or detection's; null when no header is known yet. */
  layout: RollLayout | null;
  onChange: (layout: RollLayout) => void;
  disabled?: boolean;
}

/** A whole row number typed by the clerk, or null. */
function parseRow(text: string): number | null {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d+$/.test(t) ? Number(t) : null;
}

export function MappingEditor({ proposal, layout, onChange, disabled }: MappingEditorProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [rowText, setRowText] = useState(layout ? String(layout.headerRow) : '');
  const [rowError, setRowError] = useState<string | null>(null);
  const last = lastPreviewRow(proposal) || PROPOSAL_ROWS;
  const headers = headerChoicesFor(proposal, layout);

  const changeRow = (text: string) => {
    setRowText(text);
    if (text.trim() === '') {
      setRowError(null);
      return;
    }
    const row = parseRow(text);
    if (row === null || row < 1 || row > last) {
      setRowError(strings.headerRowInvalid(last));
      return;
    }
    if (proposal.preview && headerChoices(proposal.preview, row).length === 0) {
      setRowError(strings.headerRowEmpty);
      return;
    }
    setRowError(null);
    if (layout && layout.headerRow === row) return;
    onChange(withHeaderRow(proposal, row));
  };

  const headerText = (column: number | undefined) => {
    if (column === undefined) return strings.columnNone;
    const h = headers.find((x) => x.column === column);
    return `${columnLetter(column)} · ${h ? h.text : ''}`;
  };

  return (
    <div className={styles.root} data-testid="mapping-editor">
      <Field
        label={strings.headerRowField}
        size="small"
        validationState={rowError ? 'error' : 'none'}
        validationMessage={rowError ?? undefined}
        hint={rowError ? undefined : strings.headerRowHint(last)}
      >
        <Input
          size="small"
          className={styles.headerRow}
          type="text"
          inputMode="numeric"
          disabled={disabled}
          value={rowText}
          onChange={(_, d) => changeRow(d.value)}
          data-testid="header-row-input"
        />
      </Field>
      {layout && (
        <div className={styles.mapping}>
          {COLUMN_ROLES.map((role: ColumnRole) => {
            const column = layout.columns[role];
            return (
              <Field key={role} label={strings.roles[role]} size="small">
                <Dropdown
                  size="small"
                  className={styles.dropdown}
                  disabled={disabled}
                  data-testid={`mapping-${role}`}
                  value={headerText(column)}
                  selectedOptions={[column === undefined ? 'none' : String(column)]}
                  onOptionSelect={(_, d) => onChange(withColumn(layout, role, d.optionValue === 'none' || d.optionValue === undefined ? null : Number(d.optionValue)))}
                >
                  <Option value="none">{strings.columnNone}</Option>
                  {headers.map((h) => (
                    <Option key={h.column} value={String(h.column)} text={`${h.letter} · ${h.text}`}>{`${h.letter} · ${h.text}`}</Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
        </div>
      )}
      {layout && !isCheckableLayout(layout) && (
        <Caption1 className={styles.warning} data-testid="mapping-needs-name-or-id">{strings.mappingNeedsNameOrId}</Caption1>
      )}
      {layout && layout.notes.length > 0 && (
        <Caption1 className={styles.notes}>{layout.notes.map((n) => n[language]).join(language === 'zh' ? '' : ' ')}</Caption1>
      )}
    </div>
  );
}
