import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import { runCaptured } from './captured-run.ts';
import type { CapturedRun } from './captured-run.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function runCli(...argv: string[]): Promise<CapturedRun> {
  return runCaptured(root, (io) => main(argv, io));
}

const manifests = ['-f', 'test/fixtures/three-tier.yaml'];

describe('netpol-lab probe', () => {
  it('prints one JSON object per probe, in input order, with verdict and explanation', async () => {
    const { code, stdout, stderr } = await runCli(
      'probe',
      ...manifests,
      '--probes',
      'test/fixtures/three-tier-probes.yaml',
      '-o',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(
      results.map((result) => [
        result['from'],
        result['to'],
        result['port'],
        result['protocol'],
        result['verdict'],
      ]),
    ).toEqual([
      ['prod/api', 'prod/db', 3306, 'TCP', 'allow'],
      ['prod/web', 'prod/db', 3306, 'TCP', 'deny'],
      ['dev/api', 'prod/db', 3306, 'TCP', 'deny'],
      ['192.168.99.10', 'prod/web', 80, 'TCP', 'allow'],
    ]);
    const allowed = results[0] as {
      ingress: { allowedBy?: { policy: { name: string }; ruleIndex: number } };
      explanation: string[];
    };
    expect(allowed.ingress.allowedBy?.policy.name).toBe('db-from-api');
    expect(allowed.ingress.allowedBy?.ruleIndex).toBe(0);
    expect(allowed.explanation.length).toBeGreaterThan(0);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await runCli(
      'probe',
      ...manifests,
      '--probes',
      'test/fixtures/three-tier-probes.yaml',
    );
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^FROM\s+TO\s+PORT\s+VERDICT\s+WHY$/);
    expect(stdout).toMatch(/prod\/web\s+prod\/db\s+3306\/TCP\s+deny/);
    // WHY gives the reason, never the verdict again.
    expect(stdout).not.toMatch(/ALLOWED:|DENIED:/);
    expect(stdout).toMatch(
      /prod\/web\s+prod\/db\s+3306\/TCP\s+deny\s+ingress: isolated by prod\/db-from-api, no rule matches/,
    );
    expect(stdout).toMatch(
      /prod\/api\s+prod\/db\s+3306\/TCP\s+allow\s+.*ingress: allowed by prod\/db-from-api rule 0/,
    );
  });

  it('exits 2 with line:col diagnostics on invalid manifests', async () => {
    const { code, stdout, stderr } = await runCli(
      'probe',
      '-f',
      'test/fixtures/invalid-policy.yaml',
      '--probes',
      'test/fixtures/three-tier-probes.yaml',
      '-o',
      'json',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /test\/fixtures\/invalid-policy\.yaml:11:\d+: error: .*spec\.ingress\[0\]\.from\[0\]\.ipBlock\.cidr/,
    );
  });

  it('exits 2 naming the probe line when an endpoint does not exist', async () => {
    const { code, stderr } = await runCli('probe', ...manifests, '--probes', 'test/fixtures/bad-probes.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('test/fixtures/bad-probes.yaml:2:3: to: no pod "prod/cache"');
    expect(stderr).toContain(
      'test/fixtures/bad-probes.yaml:3:3: probe 3: "port" must be a number from 1 to 65535',
    );
  });

  it('says what to do when a file is missing', async () => {
    const { code, stderr } = await runCli(
      'probe',
      '-f',
      'nope.yaml',
      '--probes',
      'test/fixtures/three-tier-probes.yaml',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read nope.yaml: no such file');
    expect(stderr).toContain('netpol-lab probe --help');
  });
});

describe('netpol-lab explain', () => {
  it('names the allowing rule', async () => {
    const { code, stdout } = await runCli(
      'explain',
      ...manifests,
      '--from',
      'prod/api',
      '--to',
      'prod/db',
      '--port',
      '3306',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('db-from-api');
  });

  it('says why no rule matched', async () => {
    const { code, stdout } = await runCli(
      'explain',
      ...manifests,
      '--from',
      'dev/api',
      '--to',
      'prod/db',
      '--port',
      '3306',
    );
    expect(code).toBe(0);
    expect(stdout.toLowerCase()).toContain('denied');
    expect(stdout).toMatch(/namespace dev|other namespace|only selects pods in prod/);
  });
});

describe('netpol-lab matrix', () => {
  it('prints every pair as CSV', async () => {
    const { code, stdout } = await runCli('matrix', ...manifests, '--port', '3306/TCP', '-o', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('from,to,port,protocol,verdict');
    expect(lines).toHaveLength(1 + 4 * 4);
    expect(lines).toContain('prod/api,prod/db,3306,TCP,allow');
    expect(lines).toContain('dev/api,prod/db,3306,TCP,deny');
    expect(lines).toContain('prod/db,prod/db,3306,TCP,allow');
  });

  it('gives each endpoint its addresses in JSON, marking IPs the lab assigned', async () => {
    const { code, stdout } = await runCli(
      'matrix',
      '-f',
      'test/fixtures/pods-without-ips.yaml',
      '-o',
      'json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      endpoints: string[];
      addresses: { ips: string[]; assigned: boolean }[];
    };
    expect(json.endpoints).toEqual(['shop/chosen', 'shop/given']);
    expect(json.addresses[0]?.assigned).toBe(true);
    expect(json.addresses[0]?.ips[0]).toMatch(/^10\.244\./);
    expect(json.addresses[1]).toEqual({ ips: ['10.0.9.9'], assigned: false });
  });

  it('rejects a malformed --port', async () => {
    const { code, stderr } = await runCli('matrix', ...manifests, '--port', '80/HTTP');
    expect(code).toBe(2);
    expect(stderr).toContain('--port "80/HTTP"');
  });
});

describe('netpol-lab diff', () => {
  it('exits 0 when two ways of writing a policy decide every connection alike', async () => {
    const { code, stdout } = await runCli(
      'diff',
      ...manifests,
      '--old',
      'test/fixtures/three-tier.yaml',
      '--new',
      'test/fixtures/diff/db-rewritten.yaml',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SAME: both sides decide all \d+ regions/);
  });

  it('exits 1 with one line per changed region and both explanations', async () => {
    const { code, stdout } = await runCli(
      'diff',
      ...manifests,
      '--old',
      'test/fixtures/diff/db-rewritten.yaml',
      '--new',
      'test/fixtures/diff/db-and-web.yaml',
      '-o',
      'json',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      same: boolean;
      changes: {
        text: string;
        example: { from: string };
        oldExplanation: string[];
        newExplanation: string[];
      }[];
    };
    expect(report.same).toBe(false);
    expect(report.changes.map((change) => change.text)).toEqual([
      'from prod/web to prod/db, TCP 3306: old denies, new allows',
    ]);
    expect(report.changes[0]?.example.from).toBe('prod/web');
    expect(report.changes[0]?.oldExplanation[0]).toMatch(/^DENIED/);
    expect(report.changes[0]?.newExplanation[0]).toMatch(/^ALLOWED/);
  });

  it('asks for both sides', async () => {
    const { code, stderr } = await runCli('diff', ...manifests, '--old', 'test/fixtures/three-tier.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('--old A.yaml --new B.yaml');
  });
});

describe('netpol-lab validate and lint', () => {
  it('validate reports counts on valid input', async () => {
    const { code, stdout } = await runCli('validate', ...manifests);
    expect(code).toBe(0);
    expect(stdout).toBe('valid: 1 NetworkPolicy, 4 pods, 2 namespaces declared\n');
  });

  it('lint prints findings with stable ids', async () => {
    const { code, stdout } = await runCli('lint', ...manifests, '-o', 'json');
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as Array<{ id: string }>;
    expect(findings.every((finding) => finding.id.startsWith('lint.'))).toBe(true);
  });
});

describe('netpol-lab dispatch', () => {
  it('lists commands with --help and rejects unknown ones', async () => {
    const overview = await runCli('--help');
    expect(overview.code).toBe(0);
    for (const name of ['probe', 'explain', 'matrix', 'lint', 'validate'])
      expect(overview.stdout).toContain(`  ${name}`);
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('runs as an installed command through bin/netpol-lab.js', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'bin/netpol-lab.js'), 'validate', ...manifests],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid: 1 NetworkPolicy');
  });
});
