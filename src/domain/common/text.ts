/**
 * Text as clerks type it: full-width letters, digits and punctuation (from Chinese input methods) read as their
 * half-width forms. One implementation for the ID rules, the roll reader and the summary's label matching.
 */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII forms (！ to ～) and the ideographic space to their half-width equivalents. */
export function toHalfWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** True when the text holds full-width letters, digits or punctuation (！ to ～). */
export function hasFullWidth(text: string): boolean {
  return /[\uff01-\uff5e]/.test(text);
}
