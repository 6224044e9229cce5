/**
 * The sheets of the workbook as detection sees them: tick the voter rolls to check, see each roll's header row,
 * data rows, district and detection confidence, and correct the column mapping (one dropdown of the sheet's
 * headers per kind of column). Corrections are saved in the workbook as confirmed layouts.
 */
import { useState } from 'react';
import {
  Badge, Button, Caption1, Checkbox, Dropdown, Field, Option, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowSync16Regular, ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { COLUMN_ROLES, ColumnRole, RollLayout } from '../../domain/roll/roll-layout';
import { columnLetter } from '../../domain/workbook/sheet-grid';
import { SheetProposal, withColumn } from '../../workflows/propose-sheets';
import { useLanguage, useStrings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  sheet: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalXS },
  sheetLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  dropdown: { minWidth: '0', width: '100%' },
  meta: { color: tokens.colorNeutralForeground3, paddingLeft: '36px', display: 'block' },
  mapping: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  notes: { paddingLeft: '36px', color: tokens.colorNeutralForeground3 },
});

export interface SheetPickerProps {
  proposals: SheetProposal[] | null;
  selected: readonly string[];
  onToggle: (sheet: string, checked: boolean) => void;
  onLayoutChange: (sheet: string, layout: RollLayout) => void;
  onRescan: () => void;
  busy?: boolean;
}

export function SheetPicker({ proposals, selected, onToggle, onLayoutChange, onRescan, busy }: SheetPickerProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className={styles.root} data-testid="sheet-picker">
      <div className={styles.head}>
        <Text weight="semibold">{strings.sheetsTitle}</Text>
        <Button size="small" appearance="subtle" icon={<ArrowSync16Regular />} onClick={onRescan} disabled={busy}>{strings.sheetsRescan}</Button>
      </div>
      <Caption1>{strings.sheetsHint}</Caption1>
      {proposals === null && <Spinner size="tiny" label={strings.loading} />}
      {proposals !== null && proposals.length === 0 && <Caption1>{strings.sheetsNone}</Caption1>}
      {proposals?.map((p) => {
        const name = p.info.name;
        const isOpen = open === name;
        const checked = selected.includes(name);
        return (
          <div key={name} className={styles.sheet} data-testid="sheet-item" data-sheet={name}>
            <div className={styles.sheetLine}>
              <Checkbox
                checked={checked}
                disabled={busy || (!p.layout && !checked)}
                onChange={(_, d) => onToggle(name, !!d.checked)}
                label={name}
                data-testid="sheet-checkbox"
              />
              <Badge appearance="tint" color={p.kind === 'roll' ? 'brand' : 'informative'} size="small">{strings.kind[p.kind] ?? p.kind}</Badge>
              {p.layout && (
                p.saved
                  ? <Badge appearance="outline" color="success" size="small">{strings.confirmed}</Badge>
                  : <Badge appearance="outline" color={p.layout.confidence >= 0.7 ? 'success' : 'warning'} size="small" data-testid="sheet-confidence">
                    {strings.confidence(Math.round(p.layout.confidence * 100))}
                  </Badge>
              )}
              {p.layout && (
                <Button
                  size="small"
                  appearance="transparent"
                  icon={isOpen ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
                  aria-expanded={isOpen}
                  aria-label={strings.sheetsTitle}
                  onClick={() => setOpen(isOpen ? null : name)}
                  data-testid="sheet-expand"
                />
              )}
            </div>
            <Caption1 className={styles.meta}>
              {p.layout
                ? [
                  strings.headerRow(p.layout.headerRow),
                  p.kind === 'roll' && p.layout.district ? strings.district(p.layout.district) : null,
                  strings.rowsCount(p.info.rowCount),
                ].filter(Boolean).join(' · ')
                : p.kind === 'roll' || p.kind === 'register' ? strings.noHeader : strings.rowsCount(p.info.rowCount)}
            </Caption1>
            {isOpen && p.layout && <MappingEditor proposal={p} layout={p.layout} onChange={(l) => onLayoutChange(name, l)} disabled={busy} />}
          </div>
        );
      })}
    </section>
  );
}

function MappingEditor({ proposal, layout, onChange, disabled }: { proposal: SheetProposal; layout: RollLayout; onChange: (l: RollLayout) => void; disabled?: boolean }) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const headerText = (column: number | undefined) => {
    if (column === undefined) return strings.columnNone;
    const h = proposal.headers.find((x) => x.column === column);
    return `${columnLetter(column)} · ${h ? h.text : ''}`;
  };
  return (
    <div data-testid="mapping-editor">
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
                {proposal.headers.map((h) => (
                  <Option key={h.column} value={String(h.column)} text={`${h.letter} · ${h.text}`}>{`${h.letter} · ${h.text}`}</Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>
      {layout.notes.length > 0 && (
        <Caption1 className={styles.notes}>{layout.notes.map((n) => n[language]).join('；')}</Caption1>
      )}
    </div>
  );
}
