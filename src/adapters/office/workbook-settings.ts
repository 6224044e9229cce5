/**
 * Election Clerk's settings kept in the workbook itself (`context.workbook.settings`), so they come back when the
 * workbook is reopened: one JSON value under a versioned key, wrapped with its version and the time it was saved.
 * The settings' shape belongs to the workflows (ClerkSettings); this module stores and returns it faithfully.
 */
import { AdapterError, describeError, excelCode } from './adapter-error';

export const SETTINGS_KEY = 'ElectionClerk.settings';
export const SETTINGS_VERSION = 1;

interface StoredSettings<T> {
  version: number;
  savedAt: string;
  settings: T;
}

/** The saved settings, or null when this workbook has none. */
export async function loadWorkbookSettings<T extends object>(context: Excel.RequestContext): Promise<T | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load('value');
  try {
    await context.sync();
  } catch (error) {
    throw new AdapterError({
      zh: `读取本工作簿保存的设置失败：${describeError(error)}。`,
      en: `Reading the settings saved in this workbook failed: ${describeError(error)}.`,
    }, excelCode(error) ?? 'SettingsReadFailed', error);
  }
  if (item.isNullObject) return null;
  let stored = item.value as StoredSettings<T> | string | null;
  if (typeof stored === 'string') {
    try {
      stored = JSON.parse(stored) as StoredSettings<T>;
    } catch {
      stored = null;
    }
  }
  if (!stored || typeof stored !== 'object' || typeof stored.version !== 'number' || typeof stored.settings !== 'object') {
    throw new AdapterError({
      zh: '本工作簿中保存的选务助手设置已损坏，无法读取。请重新填写选举日等设置后保存。',
      en: "Election Clerk's settings saved in this workbook are damaged and cannot be read. Enter the election date and other settings again.",
    }, 'SettingsDamaged');
  }
  if (stored.version > SETTINGS_VERSION) {
    throw new AdapterError({
      zh: `本工作簿的设置由更新版本的选务助手保存（版本 ${stored.version}）。请更新选务助手后再打开。`,
      en: `This workbook's settings were saved by a newer Election Clerk (version ${stored.version}). Update Election Clerk to use them.`,
    }, 'SettingsTooNew');
  }
  return stored.settings;
}

/** Saves the settings (replacing what was saved before). */
export async function saveWorkbookSettings<T extends object>(context: Excel.RequestContext, settings: T): Promise<void> {
  const stored: StoredSettings<T> = { version: SETTINGS_VERSION, savedAt: new Date().toISOString(), settings: JSON.parse(JSON.stringify(settings)) as T };
  context.workbook.settings.add(SETTINGS_KEY, stored);
  try {
    await context.sync();
  } catch (error) {
    throw new AdapterError({
      zh: `保存设置到本工作簿失败：${describeError(error)}。请重试。`,
      en: `Saving the settings in this workbook failed: ${describeError(error)}. Try again.`,
    }, excelCode(error) ?? 'SettingsWriteFailed', error);
  }
}

/** Merges changes into the saved settings and saves the result. */
export async function updateWorkbookSettings<T extends object>(context: Excel.RequestContext, changes: Partial<T>): Promise<T> {
  const current = (await loadWorkbookSettings<T>(context)) ?? ({} as T);
  const next = { ...current, ...changes } as T;
  await saveWorkbookSettings(context, next);
  return next;
}
