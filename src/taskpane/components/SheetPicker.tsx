/**
 * The sheets of the workbook as detection sees them: tick the voter rolls to check, see each roll's header row,
 * district and detection confidence and what may get in the way (protected, filtered, tables, too wide), and
 * correct how a sheet is read — its header row and its column mapping (MappingEditor). A sheet where detection found
 * no header can be set up the same way and then ticked. Corrections are handed up to be saved in the workbook as
 * confirmed layouts; the picker shows them at once, without waiting for the sheets to be detected again.
 */
import { useEffect, useState } from 'react';
import {
  Badge, Button, Caption1, Checkbox, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowSync16Regular, ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import { RollLayout } from '../../domain/roll/roll-layout';
import { isCheckableLayout, SheetProposal } from '../../workflows/propose-sheets';
import { useStrings } from '../i18n';
import { MappingEditor } from './MappingEditor';
import { SheetProblems } from './SheetProblems';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  sheet: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalXS },
  sheetLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground3, paddingLeft: '36px', display: 'block' },
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
  // The clerk's edits since the sheets were last detected, by sheet (they are saved too; a new scan shows them as saved).
  const [edits, setEdits] = useState<Record<string, RollLayout>>({});
  useEffect(() => setEdits({}), [proposals]);

  const change = (sheet: string, layout: RollLayout) => {
    setEdits((prev) => ({ ...prev, [sheet]: layout }));
    onLayoutChange(sheet, layout);
  };

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
        const edited = edits[name];
        const layout = edited ?? p.layout;
        const confirmed = !!edited || p.saved;
        const editable = !!layout || (p.info.rowCount > 0 && !!p.preview);
        return (
          <div key={name} className={styles.sheet} data-testid="sheet-item" data-sheet={name}>
            <div className={styles.sheetLine}>
              <Checkbox
                checked={checked}
                disabled={busy || (!isCheckableLayout(layout) && !checked)}
                onChange={(_, d) => onToggle(name, !!d.checked)}
                label={name}
                data-testid="sheet-checkbox"
              />
              <Badge appearance="tint" color={p.kind === 'roll' ? 'brand' : 'informative'} size="small">{strings.kind[p.kind] ?? p.kind}</Badge>
              {layout && (
                confirmed
                  ? <Badge appearance="outline" color="success" size="small" data-testid="sheet-confirmed">{strings.confirmed}</Badge>
                  : <Badge appearance="outline" color={layout.confidence >= 0.7 ? 'success' : 'warning'} size="small" data-testid="sheet-confidence">
                    {strings.confidence(Math.round(layout.confidence * 100))}
                  </Badge>
              )}
              {editable && (
                <Button
                  size="small"
                  appearance="transparent"
                  icon={isOpen ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
                  aria-expanded={isOpen}
                  aria-label={strings.editSheet(name)}
                  title={strings.editSheet(name)}
                  onClick={() => setOpen(isOpen ? null : name)}
                  data-testid="sheet-expand"
                />
              )}
            </div>
            <Caption1 className={styles.meta} data-testid="sheet-meta">
              {layout
                ? [
                  strings.headerRow(layout.headerRow),
                  p.kind === 'roll' && layout.district ? strings.district(layout.district) : null,
                  strings.rowsCount(p.info.rowCount),
                ].filter(Boolean).join(' · ')
                : p.kind === 'roll' || p.kind === 'register' ? strings.noHeaderSetIt : strings.rowsCount(p.info.rowCount)}
            </Caption1>
            <SheetProblems problems={p.info.problems} />
            {isOpen && editable && <MappingEditor proposal={p} layout={layout} onChange={(l) => change(name, l)} disabled={busy} />}
          </div>
        );
      })}
    </section>
  );
}
