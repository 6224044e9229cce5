/** @jest-environment jsdom */
/** Language choice and the completeness of both dictionaries. */
import { languageFor } from '../../src/taskpane/i18n';
import { STRINGS } from '../../src/taskpane/i18n/strings';

describe('languageFor', () => {
  it.each([['zh-CN', 'zh'], ['zh-TW', 'zh'], ['ZH-hk', 'zh'], ['zh', 'zh'], ['en-US', 'en'], ['fr-FR', 'en'], ['', 'en'], [undefined, 'en']])(
    '%s → %s', (display, expected) => expect(languageFor(display as string | undefined)).toBe(expected),
  );
});

describe('strings', () => {
  function keys(o: object, prefix = ''): string[] {
    return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  }
  it('has every key in both languages, non-empty', () => {
    expect(keys(STRINGS.en).sort()).toEqual(keys(STRINGS.zh).sort());
    for (const lang of ['zh', 'en'] as const) {
      for (const [k, v] of Object.entries(STRINGS[lang])) {
        if (typeof v === 'string') expect(`${k}:${v.trim().length > 0}`).toBe(`${k}:true`);
      }
    }
  });
  it('uses full-width punctuation in Chinese sentences', () => {
    const zhTexts = keys(STRINGS.zh).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], STRINGS.zh))
      .filter((v): v is string => typeof v === 'string');
    for (const t of zhTexts) expect(`${t}:${/[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]/.test(t)}`).toBe(`${t}:false`);
  });
  it('names every engine finding code in both languages', () => {
    const codes = ['ID_FORMAT', 'ID_CHECKSUM', 'ID_BIRTHDATE', 'ID_LEGACY_15', 'ID_LOWERCASE_X', 'ID_FULLWIDTH', 'REGION_UNKNOWN',
      'ID_PRECISION_LOST', 'SEX_MISMATCH', 'BIRTHDATE_MISMATCH', 'UNDERAGE', 'REQUIRED_MISSING', 'ETHNICITY_UNKNOWN',
      'DISTRICT_UNKNOWN', 'DUPLICATE_ID', 'POSSIBLE_DUPLICATE', 'NOT_REGISTERED', 'INELIGIBLE_LISTED'];
    for (const c of codes) {
      expect(STRINGS.zh.codeNames[c]).toBeTruthy();
      expect(STRINGS.en.codeNames[c]).toBeTruthy();
    }
  });
});
