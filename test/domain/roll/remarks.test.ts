import { readRemarks } from '../../../src/domain/roll/remarks';

describe('readRemarks', () => {
  it('reads reasons for additions', () => {
    expect(readRemarks('新增（年满18周岁）').added).toBe('年满18周岁');
    expect(readRemarks('年满十八周岁').added).toBe('年满18周岁');
    expect(readRemarks('恢复政治权利').added).toBe('恢复政治权利');
    expect(readRemarks('迁入').added).toBe('迁入');
    expect(readRemarks('新增').added).toBe('其他');
  });

  it('reads reasons for removals, distinguishing 恢复 from 剥夺 political rights', () => {
    expect(readRemarks('死亡').removed).toBe('死亡');
    expect(readRemarks('已去世').removed).toBe('死亡');
    expect(readRemarks('迁出').removed).toBe('迁出');
    expect(readRemarks('被剥夺政治权利').removed).toBe('被剥夺政治权利');
    expect(readRemarks('恢复政治权利').removed).toBeNull();
  });

  it('reads away and proxy voting', () => {
    expect(readRemarks('外出务工，委托张三投票')).toEqual({ added: null, removed: null, away: true, proxy: true });
    expect(readRemarks('')).toEqual({ added: null, removed: null, away: false, proxy: false });
    expect(readRemarks('委托').proxy).toBe(true);
    expect(readRemarks('委托').away).toBe(false);
  });
});
