/**
 * The findings of a validation, grouped by kind (code), filterable by severity, kind and sheet, and virtualised
 * so that 100,000 of them stay fast. Clicking a finding selects its cell in the workbook and shows its full
 * explanation and the related cells (the other registrations of a duplicate, say) below the list.
 */
import { useMemo, useState } from 'react';
import {
  Button, Caption1, Dropdown, Field, Link, Option, Text, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { Dismiss16Regular, ChevronDown16Regular, ChevronRight16Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { CellRef, Finding } from '../../domain/common/finding';
import { Severity } from '../../domain/common/problem';
import { useLanguage, useStrings } from '../i18n';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 52;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  filter: { minWidth: '0', flex: '1 1 90px' },
  dropdown: { minWidth: '0', width: '100%' },
  list: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  group: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, height: '100%', width: '100%', paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3, border: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer', textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1,
  },
  item: {
    display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', height: '100%', width: '100%', boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, border: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: 'transparent', textAlign: 'left', cursor: 'pointer', color: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: '0', flex: '1' },
  where: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  message: {
    fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflow: 'hidden', display: '-webkit-box',
    WebkitLineClamp: '2', WebkitBoxOrient: 'vertical',
  },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
  info: { color: tokens.colorPaletteBlueForeground2, flexShrink: 0, marginTop: '2px' },
  detail: {
    marginTop: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
  },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

type Row =
  | { kind: 'group'; code: string; severity: Severity; count: number; collapsed: boolean }
  | { kind: 'finding'; finding: Finding; index: number };

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const strings = useStrings();
  const label = strings.severity[severity];
  if (severity === 'error') return <ErrorCircle16Filled className={styles.error} aria-label={label} />;
  if (severity === 'warning') return <Warning16Filled className={styles.warning} aria-label={label} />;
  return <Info16Filled className={styles.info} aria-label={label} />;
}

/** "第一选区!F5", or "第一选区 第5行" for a finding about a whole row. */
export function locationText(ref: CellRef, wholeRow: string, language: 'zh' | 'en'): string {
  if (ref.column) return `${ref.sheet}!${ref.column}${ref.row}`;
  return language === 'zh' ? `${ref.sheet} 第${ref.row}行（${wholeRow}）` : `${ref.sheet} row ${ref.row} (${wholeRow})`;
}

export interface FindingsListProps {
  findings: readonly Finding[];
  onSelect: (ref: CellRef) => void;
  /** Height of the list's viewport in pixels. */
  height?: number;
}

export function FindingsList({ findings, onSelect, height = 360 }: FindingsListProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [code, setCode] = useState<string>('all');
  const [sheet, setSheet] = useState<string>('all');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<Finding | null>(null);

  const { codes, sheets } = useMemo(() => {
    const codeCounts = new Map<string, number>();
    const sheetSet = new Set<string>();
    for (const f of findings) {
      codeCounts.set(f.code, (codeCounts.get(f.code) ?? 0) + 1);
      sheetSet.add(f.sheet);
    }
    return { codes: [...codeCounts.entries()].sort((a, b) => a[0].localeCompare(b[0])), sheets: [...sheetSet] };
  }, [findings]);

  const filtered = useMemo(
    () => findings.filter((f) => (severity === 'all' || f.severity === severity) && (code === 'all' || f.code === code) && (sheet === 'all' || f.sheet === sheet)),
    [findings, severity, code, sheet],
  );

  const rows = useMemo(() => {
    const groups = new Map<string, { severity: Severity; items: { finding: Finding; index: number }[] }>();
    filtered.forEach((finding, index) => {
      let g = groups.get(finding.code);
      if (!g) groups.set(finding.code, (g = { severity: finding.severity, items: [] }));
      if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[g.severity]) g.severity = finding.severity;
      g.items.push({ finding, index });
    });
    const ordered = [...groups.entries()].sort((a, b) => SEVERITY_ORDER[a[1].severity] - SEVERITY_ORDER[b[1].severity] || b[1].items.length - a[1].items.length || a[0].localeCompare(b[0]));
    const out: Row[] = [];
    for (const [groupCode, g] of ordered) {
      const isCollapsed = collapsed.has(groupCode);
      out.push({ kind: 'group', code: groupCode, severity: g.severity, count: g.items.length, collapsed: isCollapsed });
      if (!isCollapsed) for (const item of g.items) out.push({ kind: 'finding', ...item });
    }
    return out;
  }, [filtered, collapsed]);

  const toggle = (groupCode: string) => setCollapsed((prev) => {
    const next = new Set(prev);
    if (next.has(groupCode)) next.delete(groupCode); else next.add(groupCode);
    return next;
  });

  const choose = (f: Finding) => {
    setSelected(f);
    onSelect(f);
  };

  const codeLabel = (c: string) => `${strings.codeNames[c] ?? c}`;

  return (
    <div data-testid="findings-list">
      <div className={styles.filters}>
        <Field label={strings.filterSeverity} className={styles.filter} size="small">
          <Dropdown
            size="small"
            className={styles.dropdown}
            data-testid="filter-severity"
            value={severity === 'all' ? strings.all : strings.severity[severity]}
            selectedOptions={[severity]}
            onOptionSelect={(_, d) => setSeverity((d.optionValue ?? 'all') as Severity | 'all')}
          >
            <Option value="all">{strings.all}</Option>
            <Option value="error">{strings.severity.error}</Option>
            <Option value="warning">{strings.severity.warning}</Option>
            <Option value="info">{strings.severity.info}</Option>
          </Dropdown>
        </Field>
        <Field label={strings.filterCode} className={styles.filter} size="small">
          <Dropdown
            size="small"
            className={styles.dropdown}
            data-testid="filter-code"
            value={code === 'all' ? strings.all : codeLabel(code)}
            selectedOptions={[code]}
            onOptionSelect={(_, d) => setCode(d.optionValue ?? 'all')}
          >
            <Option value="all">{strings.all}</Option>
            {codes.map(([c, n]) => <Option key={c} value={c} text={codeLabel(c)}>{language === 'zh' ? `${codeLabel(c)}（${n}）` : `${codeLabel(c)} (${n})`}</Option>)}
          </Dropdown>
        </Field>
        {sheets.length > 1 && (
          <Field label={strings.filterSheet} className={styles.filter} size="small">
            <Dropdown
              size="small"
              className={styles.dropdown}
              data-testid="filter-sheet"
              value={sheet === 'all' ? strings.all : sheet}
              selectedOptions={[sheet]}
              onOptionSelect={(_, d) => setSheet(d.optionValue ?? 'all')}
            >
              <Option value="all">{strings.all}</Option>
              {sheets.map((s) => <Option key={s} value={s}>{s}</Option>)}
            </Dropdown>
          </Field>
        )}
      </div>
      <Caption1 data-testid="findings-count">{strings.shown(filtered.length, findings.length)} · {strings.clickToSelect}</Caption1>
      {rows.length === 0 ? (
        <div className={styles.empty}>{strings.noFindingsMatch}</div>
      ) : (
        <VirtualList
          className={styles.list}
          items={rows}
          itemHeight={ROW_HEIGHT}
          height={Math.min(height, rows.length * ROW_HEIGHT + 2)}
          aria-label={strings.findingsTitle}
          itemKey={(row) => (row.kind === 'group' ? `g:${row.code}` : `f:${row.index}`)}
          renderItem={(row) => row.kind === 'group' ? (
            <button type="button" className={styles.group} onClick={() => toggle(row.code)} aria-expanded={!row.collapsed} data-testid="finding-group">
              {row.collapsed ? <ChevronRight16Regular /> : <ChevronDown16Regular />}
              <SeverityIcon severity={row.severity} />
              <span>{language === 'zh' ? `${codeLabel(row.code)}（${row.count}）` : `${codeLabel(row.code)} (${row.count})`}</span>
              <Caption1 style={{ color: tokens.colorNeutralForeground3 }}>{row.code}</Caption1>
            </button>
          ) : (
            <button
              type="button"
              data-testid="finding-item"
              data-code={row.finding.code}
              data-sheet={row.finding.sheet}
              data-cell={`${row.finding.column ?? ''}${row.finding.row}`}
              className={mergeClasses(styles.item, selected === row.finding && styles.selected)}
              title={row.finding.message[language]}
              onClick={() => choose(row.finding)}
            >
              <SeverityIcon severity={row.finding.severity} />
              <span className={styles.itemText}>
                <span className={styles.where}>{locationText(row.finding, strings.wholeRow, language)}</span>
                <span className={styles.message}>{row.finding.message[language]}</span>
              </span>
            </button>
          )}
        />
      )}
      {selected && (
        <div className={styles.detail} data-testid="finding-detail">
          <Text weight="semibold">
            <SeverityIcon severity={selected.severity} /> {codeLabel(selected.code)} · {locationText(selected, strings.wholeRow, language)}
          </Text>
          <Text>{selected.message[language]}</Text>
          {selected.related.length > 0 && (
            <Caption1>
              {strings.related}：{selected.related.map((r, i) => (
                <span key={i}>{i > 0 ? '、' : ''}<Link as="button" onClick={() => onSelect(r)}>{locationText(r, strings.wholeRow, language)}</Link></span>
              ))}
            </Caption1>
          )}
          <div><Button size="small" appearance="subtle" icon={<Dismiss16Regular />} aria-label="close" onClick={() => setSelected(null)} /></div>
        </div>
      )}
    </div>
  );
}
