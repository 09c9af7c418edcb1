import { describe, expect, it } from 'vitest';
import { dropTestOnlyVariables, TEST_ONLY_VARIABLES } from './test-environment.ts';

function environment(): NodeJS.ProcessEnv {
  return {
    NETPOL_LAB_USER_DATA: '/tmp/elsewhere',
    NETPOL_LAB_DEV_RELOAD: '1',
    NETPOL_LAB_EXAM_MINUTE_MS: '100',
    HOME: '/home/learner',
  };
}

describe('dropTestOnlyVariables', () => {
  it('removes every test-only variable from a packaged app and keeps the rest', () => {
    const env = environment();
    expect(dropTestOnlyVariables(env, true).sort()).toEqual([...TEST_ONLY_VARIABLES].sort());
    expect(env).toEqual({ HOME: '/home/learner' });
  });

  it('leaves them in place when the app runs unpackaged, as tests and development do', () => {
    const env = environment();
    expect(dropTestOnlyVariables(env, false)).toEqual([]);
    expect(env).toEqual(environment());
  });

  it('names only the variables that were set', () => {
    const env: NodeJS.ProcessEnv = { NETPOL_LAB_EXAM_MINUTE_MS: '100' };
    expect(dropTestOnlyVariables(env, true)).toEqual(['NETPOL_LAB_EXAM_MINUTE_MS']);
  });

  it('covers every NETPOL_LAB_ variable the desktop app and its backend read', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const sources = ['electron', 'backend', 'backend/lab-api', 'backend/progress', 'backend/packs'].flatMap(
      (folder) =>
        readdirSync(folder)
          .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
          .map((name) => readFileSync(`${folder}/${name}`, 'utf8')),
    );
    const read = new Set(
      sources.flatMap((text) => [...text.matchAll(/NETPOL_LAB_[A-Z_]+/g)].map((match) => match[0])),
    );
    expect([...read].sort()).toEqual([...TEST_ONLY_VARIABLES].sort());
  });
});
