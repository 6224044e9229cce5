/**
 * Estimates of how many bytes a value takes as JSON (UTF-8), as office.js sends and receives it: the fake counts
 * these per sync to enforce Excel on the web's 5 MB request/response limits and to report `payloadBytes`.
 */

function stringBytes(s: string): number {
  let n = 2; // quotes
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) n += 2;
    else if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Bytes of JSON.stringify(value) in UTF-8, computed without building the string. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const v of value) n += jsonBytes(v);
        return n;
      }
      if (value instanceof Date) return 26;
      let n = 2;
      let first = true;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === undefined || typeof v === 'function') continue;
        if (!first) n += 1;
        first = false;
        n += stringBytes(k) + 1 + jsonBytes(v);
      }
      return n;
    }
    default:
      return 4;
  }
}
