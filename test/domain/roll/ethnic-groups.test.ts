import { ETHNIC_GROUPS, ethnicGroup, isMinority } from '../../../src/domain/roll/ethnic-groups';

describe('ethnic groups', () => {
  it('lists 56 distinct groups, each ending in 族', () => {
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
    for (const g of ETHNIC_GROUPS) expect(g.endsWith('族')).toBe(true);
  });

  it('accepts names with or without 族 and with stray spaces', () => {
    expect(ethnicGroup('汉族')).toBe('汉族');
    expect(ethnicGroup('汉')).toBe('汉族');
    expect(ethnicGroup('蒙古')).toBe('蒙古族');
    expect(ethnicGroup(' 维吾尔 ')).toBe('维吾尔族');
    expect(ethnicGroup('土家族')).toBe('土家族');
    expect(ethnicGroup('土')).toBe('土族');
  });

  it('rejects what is not one of the 56', () => {
    for (const t of ['汉人', '其他', '穿青人', '美国', '族']) expect(ethnicGroup(t)).toBeNull();
  });

  it('tells minorities', () => {
    expect(isMinority('汉族')).toBe(false);
    expect(isMinority('回族')).toBe(true);
    expect(isMinority(null)).toBe(false);
  });
});
