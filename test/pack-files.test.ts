/**
 * Bad input for pack building: a library whose files are symlinks (a `starter.yaml` linked to
 * `~/.kube/config`) or hold Secret/Config objects. Both `pack build` and the app's export share the check.
 */
import { rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExerciseLibrary } from '../backend/exercise-library.ts';
import { packExercises } from '../backend/lab-api/pack-export.ts';
import { buildPack } from '../backend/packs/index.ts';
import { copySampleLibrary, temporaryFolder } from '../backend/packs/pack-fixtures.ts';

const DETAILS = { name: 'P', author: 'A', version: '0.1.0' };
const KUBECONFIG =
  'apiVersion: v1\nkind: Config\nusers:\n  - name: me\n    user: {token: very-secret-token}\n';

let work: string;
let library: string;
let starter: string;

beforeEach(async () => {
  work = await temporaryFolder();
  library = await copySampleLibrary(work, ['01-foundations/01-internal-egress']);
  starter = path.join(library, '01-foundations/01-internal-egress/starter.yaml');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function linkStarterToKubeconfig(): Promise<void> {
  const secret = path.join(work, 'kubeconfig');
  await writeFile(secret, KUBECONFIG);
  await rm(starter);
  await symlink(secret, starter);
}

describe('pack files', () => {
  it.runIf(process.platform !== 'win32')('pack build refuses a symlinked starter.yaml', async () => {
    await linkStarterToKubeconfig();
    const result = await buildPack(library, DETAILS);
    expect(result.ok).toBe(false);
    expect(result.text).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        id: 'pack.not-regular-file',
        message: expect.stringMatching(/symbolic link/),
      }),
    ]);
  });

  it.runIf(process.platform !== 'win32')('the app export refuses it too, before copying', async () => {
    await linkStarterToKubeconfig();
    const loaded = await loadExerciseLibrary(library);
    const sources = loaded.folders.map((folder) => ({ library: loaded, folder }));
    const result = await packExercises(sources, DETAILS);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('very-secret-token');
    expect(result.problems.map((problem) => problem.id)).toContain('pack.not-regular-file');
  });

  it('warns about a Config object written in a starter', async () => {
    await writeFile(starter, `${KUBECONFIG}---\n`, { flag: 'w' });
    const result = await buildPack(library, DETAILS);
    // A kubeconfig's `kind: Config` is skipped by the manifest reader, so the library still validates.
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: 'pack.sensitive-kind', severity: 'warning' }),
    ]);
  });
});
