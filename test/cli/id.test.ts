import { runCliCaptured } from '../helpers/run-cli';

describe('election-clerk id', () => {
  it('prints one JSON object per input with the documented fields', async () => {
    const r = await runCliCaptured(['id', '--json', '11010519491231002X', '110105491231002', '12345']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(3);
    for (const item of json) {
      expect(Object.keys(item).sort()).toEqual(['birthDate', 'id18', 'input', 'problems', 'regionCode', 'regionName', 'sex', 'valid']);
    }
    expect(json[0]).toMatchObject({ input: '11010519491231002X', valid: true, id18: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105', regionName: '北京市朝阳区', problems: [] });
    expect(json[1]).toMatchObject({ valid: true, id18: '11010519491231002X', problems: [{ code: 'ID_LEGACY_15', severity: 'warning' }] });
    expect(json[2]).toMatchObject({ valid: false, id18: null, birthDate: null, sex: null, regionCode: null, regionName: null });
    expect(json[2].problems[0]).toEqual({ code: 'ID_FORMAT', severity: 'error', message: { zh: expect.any(String), en: expect.any(String) } });
  });

  it('exits 0 when every ID is valid, warnings included', async () => {
    const r = await runCliCaptured(['id', '11010519491231002x']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('有效');
    expect(r.stdout).toContain('ID_LOWERCASE_X');
  });

  it('exits 2 with a message on stderr when no ID is given or an option is unknown', async () => {
    const none = await runCliCaptured(['id']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give at least one ID/);
    const bad = await runCliCaptured(['id', '--colour', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--colour/);
    expect(bad.stderr).toMatch(/--help/);
  });

  it('prints help for the command and for the program', async () => {
    const help = await runCliCaptured(['id', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: election-clerk id/);
    const top = await runCliCaptured(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('id');
    const unknown = await runCliCaptured(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
