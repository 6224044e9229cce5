/** Settings saved in the workbook come back after it is closed and reopened (snapshot → new workbook). */
import { FakeExcel } from '../../../src/fake-excel';
import { AdapterError, loadWorkbookSettings, saveWorkbookSettings, SETTINGS_KEY, updateWorkbookSettings } from '../../../src/adapters/office';

interface Settings {
  electionDate?: string;
  rollSheets?: string[];
  seats?: { method: string; min: number; max: number };
}

test('a workbook without settings gives null', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  expect(await fake.run((context) => loadWorkbookSettings<Settings>(context))).toBeNull();
});

test('save, reopen, load: the same settings under one versioned key', async () => {
  const fake = FakeExcel.fromJSON({ sheets: [{ name: 'A' }] });
  const settings: Settings = { electionDate: '2026-12-15', rollSheets: ['第一选区', '第二选区'], seats: { method: 'huntington-hill', min: 1, max: 3 } };
  await fake.run((context) => saveWorkbookSettings(context, settings));
  const saved = fake.toJSON().settings ?? {};
  expect(Object.keys(saved)).toEqual([SETTINGS_KEY]);
  expect(saved[SETTINGS_KEY]).toMatchObject({ version: 1, settings });

  const reopened = FakeExcel.fromJSON(JSON.parse(JSON.stringify(fake.toJSON())));
  expect(await reopened.run((context) => loadWorkbookSettings<Settings>(context))).toEqual(settings);

  const merged = await reopened.run((context) => updateWorkbookSettings<Settings>(context, { electionDate: '2027-01-10' }));
  expect(merged).toEqual({ ...settings, electionDate: '2027-01-10' });
  expect(await reopened.run((context) => loadWorkbookSettings<Settings>(context))).toEqual(merged);
});

test('settings from a newer version, or damaged, give a clear error', async () => {
  const newer = FakeExcel.fromJSON({ sheets: [{ name: 'A' }], settings: { [SETTINGS_KEY]: { version: 99, savedAt: '', settings: {} } } });
  const e1 = await newer.run((context) => loadWorkbookSettings(context)).catch((e: unknown) => e);
  expect((e1 as AdapterError).code).toBe('SettingsTooNew');
  const damaged = FakeExcel.fromJSON({ sheets: [{ name: 'A' }], settings: { [SETTINGS_KEY]: 'not json' } });
  const e2 = await damaged.run((context) => loadWorkbookSettings(context)).catch((e: unknown) => e);
  expect((e2 as AdapterError).code).toBe('SettingsDamaged');
});
