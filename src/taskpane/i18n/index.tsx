/**
 * Language of the task pane: Chinese when Office's display language is Chinese (zh-CN, zh-TW, …), English
 * otherwise; and the React context that hands the chosen strings to every component.
 */
import { createContext, ReactNode, useContext } from 'react';
import { Language } from '../../workflows/workbook-port';
import { STRINGS, Strings } from './strings';

export type { Strings } from './strings';

export function languageFor(displayLanguage: string | undefined | null): Language {
  return displayLanguage && /^zh/i.test(displayLanguage.trim()) ? 'zh' : 'en';
}

/** Office's display language when office.js is there, else the browser's (the playground). */
export function detectLanguage(): Language {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const lang = office?.context?.displayLanguage;
    if (lang) return languageFor(lang);
  } catch {
    // Office.context is not ready or not there: fall through.
  }
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return nav?.language ? languageFor(nav.language) : 'zh';
}

const LanguageContext = createContext<Language>('zh');

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useStrings(): Strings {
  return STRINGS[useContext(LanguageContext)];
}
