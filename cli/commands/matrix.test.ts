import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCaptured } from '../captured-run.ts';
import type { CapturedRun } from '../captured-run.ts';
import { command } from './matrix.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'netpol-matrix-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A cluster of `count` pods in namespace `shop`: `api` pods may reach `db` pods, nothing else may. */
function writeCluster(count: number): string {
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    const role = index % 3 === 0 ? 'db' : index % 3 === 1 ? 'api' : 'web';
    documents.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${role}-${index}\n  namespace: shop\n  labels:\n    role: ${role}\n` +
        'spec:\n  containers:\n    - name: main\n      image: app\n      ports:\n        - containerPort: 5432\n',
    );
  }
  documents.push(
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db-from-api\n  namespace: shop\n' +
      'spec:\n  podSelector:\n    matchLabels:\n      role: db\n  ingress:\n    - from:\n        - podSelector:\n' +
      '            matchLabels:\n              role: api\n',
  );
  const file = path.join(folder, `cluster-${count}.yaml`);
  writeFileSync(file, documents.join('---\n'));
  return file;
}

function matrix(...argv: string[]): Promise<CapturedRun> {
  return runCaptured(folder, (io) => command.run(argv, io));
}

describe('netpol-lab matrix on large clusters', () => {
  const large = writeCluster(600);
  const small = writeCluster(6);

  it('prints a large matrix by class and says how to narrow it', async () => {
    const { code, stdout, stderr } = await matrix('-f', large, '-o', 'csv');
    expect(code).toBe(0);
    expect(stderr).toContain('360,000 cells');
    expect(stderr).toMatch(/--port.*-l SELECTOR.*--full/s);
    const lines = stdout.trim().split('\n');
    // Three classes (db, api, web), each with pairs inside it: 3 × 3 class pairs.
    expect(lines).toHaveLength(1 + 9);
    expect(lines).toContain('shop/api-1 and 199 like it,shop/db-0 and 199 like it,5432,TCP,allow');
    // Members are sorted by name, so the web class is named after `web-101`, not `web-2`.
    expect(lines).toContain('shop/web-101 and 199 like it,shop/db-0 and 199 like it,5432,TCP,deny');
    expect(lines).toContain('shop/db-0 and 199 like it,shop/db-0 and 199 like it,5432,TCP,deny');
  });

  it('streams every cell with --full, in chunks rather than one string', async () => {
    let writes = 0;
    let lines = 0;
    const code = await command.run(['-f', large, '-o', 'csv', '--full'], {
      stdout: (text) => {
        writes++;
        lines += text.split('\n').length - 1;
      },
      stderr: () => undefined,
      isTty: false,
      columns: 80,
      cwd: folder,
    });
    expect(code).toBe(0);
    expect(lines).toBe(1 + 600 * 600);
    expect(writes).toBeGreaterThan(100);
  });

  it('lists the members of each class in JSON', async () => {
    const { code, stdout } = await matrix('-f', large, '-o', 'json', '--by-class');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      classes: { label: string; members: string[] }[];
      allowed: Record<string, (boolean | null)[][]>;
    };
    expect(json.classes.map((entry) => entry.members.length)).toEqual([200, 200, 200]);
    const api = json.classes.findIndex((entry) => entry.members.includes('shop/api-1'));
    const db = json.classes.findIndex((entry) => entry.members.includes('shop/db-0'));
    expect(json.allowed['5432/TCP']?.[api]?.[db]).toBe(true);
    expect(json.allowed['5432/TCP']?.[db]?.[db]).toBe(false);
  });

  it('narrows the printed pods with -l and -n while verdicts still come from the whole cluster', async () => {
    const { code, stdout, stderr } = await matrix(
      '-f',
      large,
      '-o',
      'csv',
      '-l',
      'role in (api,db)',
      '-n',
      'shop',
    );
    expect(code).toBe(0);
    // 400 pods printed: 160,000 cells, under the limit, so every pod gets its own line.
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1 + 400 * 400);
    expect(lines.some((line) => line.includes('web'))).toBe(false);
  });

  it('keeps the full form for a small matrix and marks nothing as a class', async () => {
    const { code, stdout, stderr } = await matrix('-f', small, '-o', 'csv');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1 + 36);
    expect(stdout).toContain('shop/api-1,shop/db-0,5432,TCP,allow');
  });

  it('refuses a bad selector, a selector matching nothing and both shapes at once', async () => {
    await expect(matrix('-f', small, '-l', 'role in (db')).rejects.toThrow(/-l "role in \(db"/);
    const none = await matrix('-f', small, '-l', 'role=cache');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No pod matches');
    await expect(matrix('-f', small, '--full', '--by-class')).rejects.toThrow(/exclude each other/);
  });
});
