/**
 * A simple read-only view of a fake workbook for the playground: a tab per sheet, the first 200 rows (or 200 rows
 * around the selection), cell highlights as Excel would draw them, and the selected cell outlined. It follows the
 * workbook: when the task pane selects a cell on another sheet, the view switches to that sheet.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../domain/workbook/sheet-grid';
import { GridSource } from './grid-source';
import { MiniChart } from './MiniChart';

const ROWS_SHOWN = 200;
const MAX_COLUMNS_SHOWN = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minWidth: '0' },
  scroller: { flex: '1', overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontFamily: tokens.fontFamilyBase, tableLayout: 'fixed' },
  head: {
    position: 'sticky', top: 0, backgroundColor: '#f3f3f3', color: '#444', fontWeight: 'normal', border: '1px solid #d4d4d4',
    padding: '0 4px', zIndex: 2, minWidth: '40px',
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: { position: 'sticky', left: 0, backgroundColor: '#f3f3f3', color: '#444', textAlign: 'right', border: '1px solid #d4d4d4', padding: '0 4px', zIndex: 1 },
  cell: { border: '1px solid #e1e1e1', padding: '1px 4px', whiteSpace: 'nowrap', maxWidth: '180px', overflow: 'hidden', textOverflow: 'ellipsis', height: '20px' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px' },
  tabs: { overflowX: 'auto' },
});

function useWorkbookVersion(source: GridSource): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => source.subscribe(bump), [source]);
  return version;
}

export function GridView({ source }: { source: GridSource }) {
  const styles = useStyles();
  const version = useWorkbookVersion(source);
  const names = source.sheetNames();
  const [shown, setShown] = useState<string | null>(null);
  const selection = source.selection();
  const lastSelection = useRef<string>('');
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  // Follow the workbook's active sheet when the selection moves (a finding was clicked).
  const selectionKey = selection ? `${selection.sheet}!${selection.startRow}:${selection.startColumn}` : '';
  useEffect(() => {
    if (selectionKey && selectionKey !== lastSelection.current) {
      lastSelection.current = selectionKey;
      setShown(source.activeSheet() ?? selection?.sheet ?? null);
    }
  }, [selectionKey, source, selection?.sheet]);

  const sheet = shown && names.includes(shown) ? shown : (source.activeSheet() ?? names[0] ?? null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }, [selectionKey, version, sheet]);
  if (!sheet) return <div className={styles.root} data-testid="playground-grid"><Caption1>—</Caption1></div>;

  const size = source.size(sheet);
  const selectedHere = selection && selection.sheet === sheet ? selection : null;
  const firstRow = selectedHere && selectedHere.startRow > ROWS_SHOWN ? Math.max(1, selectedHere.startRow - ROWS_SHOWN / 2) : 1;
  const lastRow = Math.min(size.rows, firstRow + ROWS_SHOWN - 1);
  const columns = Math.min(Math.max(size.columns, 1), MAX_COLUMNS_SHOWN);
  const isSelected = (r: number, c: number) => !!selectedHere && r >= selectedHere.startRow && r <= selectedHere.endRow && c >= selectedHere.startColumn && c <= selectedHere.endColumn;

  const header = [<th key="corner" className={`${styles.head} ${styles.corner}`} />];
  for (let c = 1; c <= columns; c += 1) header.push(<th key={c} className={styles.head}>{columnLetter(c)}</th>);
  const body = [];
  for (let r = firstRow; r <= lastRow; r += 1) {
    const cells = [<th key="h" className={styles.rowHead}>{r}</th>];
    for (let c = 1; c <= columns; c += 1) {
      const cell = source.cell(sheet, r, c);
      const selected = isSelected(r, c);
      const address = `${columnLetter(c)}${r}`;
      cells.push(
        <td
          key={c}
          ref={selected && r === selectedHere?.startRow && c === selectedHere?.startColumn ? selectedRef : undefined}
          data-testid={`grid-cell-${address}`}
          data-fill={cell?.fill ?? undefined}
          data-selected={selected ? 'true' : undefined}
          className={selected ? `${styles.cell} ${styles.selected}` : styles.cell}
          style={{ backgroundColor: cell?.fill, color: cell?.fontColor, fontWeight: cell?.bold ? 'bold' : undefined }}
          title={cell?.text}
        >
          {cell?.text ?? ''}
        </td>,
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }

  return (
    <div className={styles.root} data-testid="playground-grid" data-sheet={sheet}>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <thead><tr>{header}</tr></thead>
          <tbody>{body}</tbody>
        </table>
        {source.charts?.(sheet).map((chart, i) => <MiniChart key={i} chart={chart} />)}
      </div>
      <TabList className={styles.tabs} size="small" selectedValue={sheet} onTabSelect={(_, d) => setShown(String(d.value))}>
        {names.map((n) => <Tab key={n} value={n} data-testid={`grid-tab-${n}`}>{n}</Tab>)}
      </TabList>
      <Caption1>
        {size.rows > lastRow || firstRow > 1 ? `${firstRow}–${lastRow} / ${size.rows}` : `${size.rows}`}
        {selectedHere ? ` · ${columnLetter(selectedHere.startColumn)}${selectedHere.startRow}` : ''}
      </Caption1>
    </div>
  );
}
