/**
 * Loading and saving Election Clerk's settings in the workbook, with the election date checked on the way in.
 */
import { parseIsoDate, CalendarDate } from '../domain/common/calendar-date';
import { ClerkSettings, WorkbookPort } from './workbook-port';
import { WorkflowError } from './workflow-error';

export async function loadSettings(port: WorkbookPort): Promise<ClerkSettings> {
  return (await port.loadSettings()) ?? {};
}

/** Merges `changes` into the saved settings and saves them; returns the result. */
export async function saveSettings(port: WorkbookPort, changes: Partial<ClerkSettings>): Promise<ClerkSettings> {
  const current = await loadSettings(port);
  const next: ClerkSettings = { ...current, ...changes };
  await port.saveSettings(next);
  return next;
}

/** The election date of the settings, or a clerk-facing error when it is missing or not a real date. */
export function requireElectionDate(settings: ClerkSettings): CalendarDate {
  if (!settings.electionDate) {
    throw new WorkflowError({
      zh: '请先填写选举日（YYYY-MM-DD）：年龄和选民资格都按选举日计算。',
      en: 'Enter the election day first (YYYY-MM-DD): age and eligibility are judged on that day.',
    });
  }
  const date = parseIsoDate(settings.electionDate);
  if (!date) {
    throw new WorkflowError({
      zh: `选举日“${settings.electionDate}”不是有效日期，请按 YYYY-MM-DD 填写，例如 2026-12-15。`,
      en: `The election day "${settings.electionDate}" is not a valid date: write it as YYYY-MM-DD, e.g. 2026-12-15.`,
    });
  }
  return date;
}
