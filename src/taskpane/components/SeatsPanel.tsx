/**
 * 名额分配 (seat allocation): the district table, the number of deputies (typed, or the statutory total from level
 * and population), the method and the 1–3 bounds → the allocation with each district's population per deputy and
 * deviation, written to the 代表名额分配 sheet with a chart. The arithmetic is the allocateSeats workflow's.
 */
import { useState } from 'react';
import {
  Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Radio, RadioGroup,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { DataBarVertical20Regular } from '@fluentui/react-icons';
import { allocateSeats, AllocateResult } from '../../workflows/allocate-seats';
import { METHOD_INFO, METHODS } from '../../domain/seats/apportion-types';
import { SheetProposal } from '../../workflows/propose-sheets';
import { ClerkSettings, SeatMethod, SeatSettings, WorkbookPort } from '../../workflows/workbook-port';
import { messageOf } from '../../workflows/workflow-error';
import { useLanguage, useStrings } from '../i18n';


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  narrow: { flex: '1 1 80px', minWidth: '0' },
  input: { minWidth: '0', width: '100%' },
  table: { fontSize: tokens.fontSizeBase200, minWidth: '100%', width: 'auto' },
  tableBox: { overflowX: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
});

export interface SeatsPanelProps {
  port: WorkbookPort;
  settings: ClerkSettings;
  proposals: SheetProposal[] | null;
  updateSettings: (changes: Partial<ClerkSettings>) => Promise<void>;
}

const fmt = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A whole number from a text field, or undefined when empty or not a number. */
function intOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

export function SeatsPanel({ port, settings, proposals, updateSettings }: SeatsPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const language = useLanguage();
  const saved = settings.seats ?? {};
  const districtSheets = (proposals ?? []).filter((p) => p.info.rowCount > 0);
  const proposedSheet = districtSheets.find((p) => p.kind === 'districts')?.info.name;
  const [districtSheet, setDistrictSheet] = useState<string | undefined>(saved.districtSheet ?? proposedSheet);
  const [totalFrom, setTotalFrom] = useState<'fixed' | 'statutory'>(saved.totalFrom ?? 'fixed');
  const [seats, setSeats] = useState(saved.seats !== undefined ? String(saved.seats) : '');
  const [level, setLevel] = useState<'township' | 'county'>(saved.level ?? 'township');
  const [population, setPopulation] = useState(saved.population !== undefined ? String(saved.population) : '');
  const [law, setLaw] = useState<2020 | 2010>(saved.law ?? 2020);
  const [extra, setExtra] = useState(saved.extraPercent !== undefined ? String(saved.extraPercent) : '0');
  const [method, setMethod] = useState<SeatMethod>(saved.method ?? 'largest-remainder');
  const [min, setMin] = useState(String(saved.min ?? 1));
  const [max, setMax] = useState(String(saved.max ?? 3));
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AllocateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sheet = districtSheet ?? proposedSheet;

  const run = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const seatSettings: SeatSettings = {
        districtSheet: sheet,
        totalFrom,
        seats: intOf(seats),
        level,
        population: intOf(population),
        law,
        extraPercent: Number(extra) || 0,
        method,
        min: intOf(min) ?? 1,
        max: intOf(max) ?? 3,
      };
      await updateSettings({ seats: seatSettings });
      const r = await allocateSeats(port, { ...settings, seats: seatSettings }, { language });
      setResult(r);
    } catch (e) {
      setError(messageOf(e)[language]);
    } finally {
      setRunning(false);
    }
  };

  const a = result?.allocation;
  const notes = a ? [...(a.infeasible ? [a.infeasible.reason] : []), ...a.warnings] : [];
  return (
    <div className={styles.root}>
      <Text weight="semibold">{strings.seatsTitle}</Text>
      <Caption1>{strings.seatsHint}</Caption1>
      <Field label={strings.districtSheet}>
        <Dropdown
          data-testid="seats-sheet"
          placeholder={strings.chooseSheet}
          value={sheet ?? ''}
          selectedOptions={sheet ? [sheet] : []}
          onOptionSelect={(_, d) => setDistrictSheet(d.optionValue)}
        >
          {districtSheets.map((p) => <Option key={p.info.name} value={p.info.name}>{p.info.name}</Option>)}
        </Dropdown>
      </Field>
      <Field label={strings.totalFrom}>
        <RadioGroup value={totalFrom} onChange={(_, d) => setTotalFrom(d.value as 'fixed' | 'statutory')} >
          <Radio value="fixed" label={strings.totalFixed} data-testid="seats-total-fixed" />
          <Radio value="statutory" label={strings.totalStatutory} data-testid="seats-total-statutory" />
        </RadioGroup>
      </Field>
      {totalFrom === 'fixed' ? (
        <Field label={strings.seatsNumber} required>
          <Input type="number" min={1} data-testid="seats-number" value={seats} onChange={(_, d) => setSeats(d.value)} />
        </Field>
      ) : (
        <>
          <Field label={strings.level}>
            <Dropdown value={strings.levels[level]} selectedOptions={[level]} onOptionSelect={(_, d) => setLevel((d.optionValue ?? 'township') as 'township' | 'county')} data-testid="seats-level">
              <Option value="township">{strings.levels.township}</Option>
              <Option value="county">{strings.levels.county}</Option>
            </Dropdown>
          </Field>
          <Field label={strings.population} hint={strings.populationHint}>
            <Input type="number" min={0} data-testid="seats-population" value={population} onChange={(_, d) => setPopulation(d.value)} />
          </Field>
          <div className={styles.row}>
            <Field label={strings.law} className={styles.narrow}>
              <Dropdown value={strings.laws[law]} selectedOptions={[String(law)]} onOptionSelect={(_, d) => setLaw(d.optionValue === '2010' ? 2010 : 2020)}>
                <Option value="2020">{strings.laws[2020]}</Option>
                <Option value="2010">{strings.laws[2010]}</Option>
              </Dropdown>
            </Field>
            <Field label={strings.extraPercent} className={styles.narrow}>
              <Input type="number" min={0} max={5} className={styles.input} value={extra} onChange={(_, d) => setExtra(d.value)} />
            </Field>
          </div>
        </>
      )}
      <Field label={strings.method} hint={METHOD_INFO[method].description[language]}>
        <Dropdown
          data-testid="seats-method"
          value={METHOD_INFO[method].name[language]}
          selectedOptions={[method]}
          onOptionSelect={(_, d) => setMethod((d.optionValue ?? 'largest-remainder') as SeatMethod)}
        >
          {METHODS.map((m) => <Option key={m} value={m}>{METHOD_INFO[m].name[language]}</Option>)}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Field label={strings.minSeats} className={styles.narrow}>
          <Input type="number" min={0} value={min} onChange={(_, d) => setMin(d.value)} data-testid="seats-min" className={styles.input} />
        </Field>
        <Field label={strings.maxSeats} className={styles.narrow}>
          <Input type="number" min={1} value={max} onChange={(_, d) => setMax(d.value)} data-testid="seats-max" className={styles.input} />
        </Field>
      </div>
      <div>
        <Button appearance="primary" icon={<DataBarVertical20Regular />} data-testid="seats-run-button" disabled={running || !sheet} onClick={() => void run()}>
          {strings.runSeats}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" data-testid="seats-error">
          <MessageBarBody><MessageBarTitle>{strings.errorTitle}</MessageBarTitle>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result?.statutory && (
        <MessageBar intent="info">
          <MessageBarBody><MessageBarTitle>{strings.statutoryResult}：{result.statutory.total}</MessageBarTitle>{result.statutory.message[language]}</MessageBarBody>
        </MessageBar>
      )}
      {notes.length > 0 && (
        <MessageBar intent={a?.infeasible ? 'error' : 'warning'} data-testid="seats-warnings">
          <MessageBarBody>
            {a?.infeasible && <MessageBarTitle>{strings.infeasible}</MessageBarTitle>}
            {notes.map((n) => n[language]).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.sheet && <MessageBar intent="success"><MessageBarBody>{strings.seatsWritten(result.sheet)}</MessageBarBody></MessageBar>}
      {a && (
        <div className={styles.tableBox}>
        <Table size="extra-small" className={styles.table} data-testid="seats-results" aria-label={strings.seatsTitle}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nowrap}>{strings.colDistrict}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{strings.colPopulation}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{strings.colSeats}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{strings.colQuota}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{strings.colPerDeputy}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{strings.colDeviation}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {a.districts.map((d) => (
              <TableRow key={d.name} data-testid="seats-result-row">
                <TableCell className={styles.nowrap}>{d.name}</TableCell>
                <TableCell className={styles.num}>{fmt(d.population, 0)}</TableCell>
                <TableCell className={styles.num}>{d.seats}</TableCell>
                <TableCell className={styles.num}>{fmt(d.quota, 2)}</TableCell>
                <TableCell className={styles.num}>{fmt(d.populationPerDeputy, 1)}</TableCell>
                <TableCell className={styles.num}>{d.deviationPercent === null ? '—' : `${fmt(d.deviationPercent, 1)}%`}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell><b>{strings.totalRow}</b></TableCell>
              <TableCell className={styles.num}>{fmt(a.districts.reduce((n, d) => n + d.population, 0), 0)}</TableCell>
              <TableCell className={styles.num}><b>{a.districts.reduce((n, d) => n + d.seats, 0)}</b></TableCell>
              <TableCell />
              <TableCell />
              <TableCell className={styles.num}>{a.maxDeviationPercent === null ? '' : strings.maxDeviation(fmt(a.maxDeviationPercent, 1))}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        </div>
      )}
    </div>
  );
}
