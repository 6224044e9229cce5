/**
 * How alike two names are, for spotting the same person registered twice: identical, homophones (same pinyin
 * without tones: 李晓艳 / 李小艳, via pinyin-pro), or one character apart (same length). Pinyin is cached per
 * character (pinyin-pro's most common reading), so a whole county's names cost a few thousand look-ups;
 * names are compared character by character, so most pairs need no name-sized strings.
 */
import { pinyin } from 'pinyin-pro';

const charCache = new Map<number, string>();

function charPinyin(code: number, ch: string): string {
  let p = charCache.get(code);
  if (p === undefined) {
    p = pinyin(ch, { toneType: 'none' }).toLowerCase();
    charCache.set(code, p);
  }
  return p;
}

const nameCache = new Map<string, string>();

/** The toneless pinyin of a name, syllables separated by spaces ("李晓艳" → "li xiao yan"). Cached per name. */
export function namePinyin(name: string): string {
  let key = nameCache.get(name);
  if (key !== undefined) return key;
  const parts: string[] = [];
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0x3400 && code <= 0x9fff) parts.push(charPinyin(code, name[i]));
    else if (code !== 0xb7) parts.push(name[i].toLowerCase());
  }
  key = parts.join(' ');
  if (nameCache.size < 500000) nameCache.set(name, key);
  return key;
}

export type NameMatch = 'same' | 'homophone' | 'one-char' | null;

/** Same length, exactly one position different. */
export function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
  return diff === 1;
}

function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/**
 * namePinyin(a) === namePinyin(b) for names of the same length, compared character by character so that most
 * pairs (different at the first differing Han character) are settled without building or hashing name strings.
 * Anything unusual (a non-Han character where the names differ, a reading with a space) uses namePinyin.
 */
function sameSound(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (!isHan(x) || !isHan(y)) return namePinyin(a) === namePinyin(b);
    const px = charPinyin(x, a[i]);
    const py = charPinyin(y, b[i]);
    if (px === py) continue;
    // The names agree up to here, so their pinyin differs from this syllable on (unless a reading has a space).
    if (px.includes(' ') || py.includes(' ')) return namePinyin(a) === namePinyin(b);
    return false;
  }
  return true;
}

/** How two (normalised, non-empty) names match. */
export function compareNames(a: string, b: string): NameMatch {
  if (a === '' || b === '') return null;
  if (a === b) return 'same';
  if (a.length === b.length && sameSound(a, b)) return 'homophone';
  if (oneCharApart(a, b)) return 'one-char';
  return null;
}
