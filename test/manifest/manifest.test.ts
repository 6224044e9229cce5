/**
 * The manifest check (`npm run validate`): the project's manifest passes; manifests broken in different ways fail
 * with a message that names the problem.
 */
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require('../../scripts/manifest-check') as { validateManifest: (file: string) => Promise<string[]> };

const root = path.join(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'manifests', name);

describe('manifest check', () => {
  it('accepts the project manifest', async () => {
    expect(await validateManifest(path.join(root, 'manifest.xml'))).toEqual([]);
  });

  it('rejects a manifest the schema does not allow (unknown permission)', async () => {
    const errors = await validateManifest(fixture('bad-permission.xml'));
    expect(errors.join('\n')).toMatch(/Permissions/);
  });

  it('rejects a control whose label resid is not defined', async () => {
    expect(await validateManifest(fixture('undefined-resid.xml'))).toEqual([
      'resid "ValidateButton.Missing" is used but not defined under <Resources>.',
    ]);
  });

  it('rejects a display name without a Chinese override', async () => {
    expect(await validateManifest(fixture('no-chinese-name.xml'))).toEqual(['<DisplayName> has no zh-CN override.']);
  });

  it('rejects a ribbon button whose function the commands page does not register', async () => {
    const errors = await validateManifest(fixture('unknown-function.xml'));
    expect(errors).toEqual(['ExecuteFunction "fillSumary" is not registered in src/commands (Office.actions.associate).']);
  });

  it('reports a missing file instead of throwing', async () => {
    expect(await validateManifest(fixture('nope.xml'))).toEqual([`${fixture('nope.xml')} does not exist.`]);
  });
});
