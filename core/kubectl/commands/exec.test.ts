import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../netpol/types.ts';
import {
  ALLOW_DNS_PROD,
  DENY_ALL_PROD,
  TEST_CLUSTER,
  kubectl,
  session,
  testState,
} from '../test-fixtures.ts';
import type { ProbeEffect } from '../types.ts';

const open = testState();
const locked = kubectl(open, 'apply -f deny.yaml', { 'deny.yaml': DENY_ALL_PROD }).state;
const dnsOnly = kubectl(locked, 'apply -f dns.yaml', { 'dns.yaml': ALLOW_DNS_PROD }).state;

function probe(result: { effects?: readonly { kind: string }[] }): ProbeEffect {
  return result.effects?.find((effect) => effect.kind === 'probe') as ProbeEffect;
}

describe('kubectl exec -- curl', () => {
  it('gets the answer of the pod behind a Service, resolving the named target port', () => {
    const result = kubectl(open, 'exec web -n prod -- curl -s db:3306');
    expect(result).toMatchObject({
      stdout: 'Hello from db (pod prod/db, 10.1.0.12) on port 3306\n',
      stderr: '',
      exitCode: 0,
    });
    expect(result.delayMs).toBeUndefined();
    expect(probe(result)).toMatchObject({
      tool: 'curl',
      outcome: 'connected',
      allowed: true,
      dns: {
        name: 'db',
        decided: true,
        allowed: true,
        answer: '10.96.1.12',
        server: { namespace: 'kube-system', pod: 'coredns' },
      },
      target: {
        ip: '10.96.1.12',
        port: 3306,
        service: { namespace: 'prod', name: 'db', port: 3306 },
        pod: { namespace: 'prod', name: 'db' },
        targetPort: 3306,
      },
    });
  });

  it('resolves svc.ns and svc.ns.svc.cluster.local from another namespace, and maps port to targetPort', () => {
    expect(kubectl(open, 'exec tool -n dev -- curl -s http://api.prod').stdout).toBe(
      'Hello from api (pod prod/api, 10.1.0.11) on port 8080\n',
    );
    expect(
      kubectl(open, 'exec tool -n dev -- curl -s http://api.prod.svc.cluster.local:80/healthz').exitCode,
    ).toBe(0);
    expect(kubectl(open, 'exec tool -n dev -- curl -s http://api').exitCode).toBe(6);
  });

  it('times out after --max-time when a policy denies the connection, and explains why', () => {
    const result = kubectl(dnsOnly, 'exec web -n prod -- curl -s -m 2 http://api');
    expect(result).toMatchObject({
      stdout: '',
      stderr: 'command terminated with exit code 28\n',
      exitCode: 28,
      delayMs: 2000,
    });
    const effect = probe(result);
    expect(effect).toMatchObject({ outcome: 'timed-out', allowed: false, dns: { allowed: true } });
    expect(effect.explanation.join('\n')).toContain('prod/deny-all');
    expect(kubectl(dnsOnly, 'exec web -n prod -- curl -m 2 http://10.1.0.11:8080').stderr).toContain(
      'curl: (28) Connection timed out after 2000 milliseconds\n',
    );
    expect(
      kubectl(dnsOnly, 'exec web -n prod -- curl -sS --connect-timeout 3 http://10.1.0.11:8080'),
    ).toMatchObject({
      stderr:
        'curl: (28) Failed to connect to 10.1.0.11 port 8080 after 3000 ms: Timeout was reached\ncommand terminated with exit code 28\n',
      delayMs: 3000,
    });
  });

  it('waits the lab default without a timeout flag', () => {
    expect(kubectl(dnsOnly, 'exec web -n prod -- curl -s 10.1.0.11:8080')).toMatchObject({
      delayMs: 10_000,
      exitCode: 28,
    });
  });

  it('fails the lookup when egress to kube-dns on 53/UDP is denied', () => {
    const limited = kubectl(locked, 'exec web -n prod -- curl -m 3 http://api');
    expect(limited).toMatchObject({ exitCode: 28, delayMs: 3000 });
    expect(limited.stderr).toContain('curl: (28) Resolving timed out after 3000 milliseconds\n');
    const plain = kubectl(locked, 'exec web -n prod -- curl -s http://api');
    expect(plain).toMatchObject({ exitCode: 6, delayMs: 10_000 });
    expect(probe(plain)).toMatchObject({ outcome: 'dns-timed-out', dns: { decided: true, allowed: false } });
    // The address itself needs no lookup, and egress denies the connection instead.
    expect(probe(kubectl(locked, 'exec web -n prod -- curl -s -m 1 10.1.0.11:8080'))).toMatchObject({
      outcome: 'timed-out',
    });
  });

  it('is refused when policies allow it but the pod does not listen there', () => {
    const result = kubectl(open, 'exec web -n prod -- curl http://10.1.0.11:9999');
    expect(result.exitCode).toBe(7);
    expect(result.stderr).toContain(
      "curl: (7) Failed to connect to 10.1.0.11 port 9999 after 0 ms: Couldn't connect to server\n",
    );
    expect(result.stderr.startsWith('  % Total    % Received % Xferd  Average Speed')).toBe(true);
  });

  it('prints headers, -w variables, and no progress meter with -t', () => {
    const result = kubectl(open, [
      'exec',
      '-t',
      'web',
      '-n',
      'prod',
      '--',
      'curl',
      '-I',
      '-w',
      '%{http_code}\\n',
      'http://10.1.0.11:8080',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: netpol-lab\r\n/);
    expect(result.stdout.endsWith('\r\n\r\n200\n')).toBe(true);
    expect(kubectl(open, 'exec web -n prod -- curl -sk https://kubernetes.default').stdout).toContain(
      '"code": 403',
    );
  });

  it('counts traffic to external addresses against egress only', () => {
    expect(kubectl(open, 'exec web -n prod -- curl -s 192.168.99.10').stdout).toBe(
      'Hello from backup (192.168.99.10, outside the cluster) on port 80\n',
    );
    expect(kubectl(open, 'exec web -n prod -- curl -s backup').exitCode).toBe(0);
    expect(kubectl(dnsOnly, 'exec web -n prod -- curl -s -m 1 192.168.99.10').exitCode).toBe(28);
  });
});

describe('kubectl exec -- wget, nc, ping, nslookup', () => {
  it('speaks BusyBox wget', () => {
    expect(kubectl(open, 'exec web -n prod -- wget -qO- -T 2 http://api')).toMatchObject({
      stdout: 'Hello from api (pod prod/api, 10.1.0.11) on port 8080\n',
      stderr: '',
    });
    expect(kubectl(dnsOnly, 'exec web -n prod -- wget -qO- -T 2 http://api')).toMatchObject({
      stderr: 'wget: download timed out\ncommand terminated with exit code 1\n',
      delayMs: 2000,
    });
    expect(kubectl(locked, 'exec web -n prod -- wget -qO- --timeout=2 http://api').stderr).toContain(
      "wget: bad address 'api'",
    );
    expect(kubectl(open, 'exec web -n prod -- wget --spider http://api').stderr).toBe(
      'Connecting to api (10.96.1.11:80)\nremote file exists\n',
    );
  });

  it('speaks OpenBSD nc', () => {
    expect(kubectl(open, 'exec web -n prod -- nc -zv -w 2 db 3306')).toMatchObject({
      stderr: 'Connection to db (10.96.1.12) 3306 port [tcp/*] succeeded!\n',
      exitCode: 0,
    });
    expect(kubectl(dnsOnly, 'exec web -n prod -- nc -zvw2 10.1.0.12 3306')).toMatchObject({
      stderr:
        'nc: connect to 10.1.0.12 port 3306 (tcp) timed out: Operation now in progress\ncommand terminated with exit code 1\n',
      delayMs: 2000,
    });
    expect(kubectl(open, 'exec web -n prod -- nc -zv 10.1.0.12 3307').stderr).toContain(
      'failed: Connection refused',
    );
    expect(kubectl(dnsOnly, 'exec web -n prod -- nc -zuv -w 1 kube-dns.kube-system 53').exitCode).toBe(0);
  });

  it('pings when ICMP may pass, and loses every packet when a port-only rule isolates', () => {
    const result = kubectl(open, 'exec web -n prod -- ping -c 2 10.1.0.11');
    expect(result.stdout).toContain('64 bytes from 10.1.0.11: icmp_seq=2');
    expect(result).toMatchObject({ exitCode: 0, delayMs: 1000 });
    const lost = kubectl(dnsOnly, 'exec web -n prod -- ping -c 3 10.1.0.11');
    expect(lost.stdout).toContain('3 packets transmitted, 0 received, 100% packet loss');
    expect(lost).toMatchObject({ exitCode: 1, delayMs: 3000 });
  });

  it('looks names up with nslookup, and times out without DNS egress', () => {
    const ok = kubectl(open, 'exec web -n prod -- nslookup db');
    expect(ok.stdout).toMatch(
      /^Server:\t\t10\.96\.\d+\.\d+\nAddress:\t10\.96\.\d+\.\d+:53\n\nName:\tdb\.prod\.svc\.cluster\.local\nAddress: 10\.96\.1\.12\n\n$/,
    );
    expect(kubectl(open, 'exec web -n prod -- nslookup nothing').stdout).toContain(
      "** server can't find nothing: NXDOMAIN",
    );
    expect(kubectl(locked, 'exec web -n prod -- nslookup db')).toMatchObject({
      stdout: ';; connection timed out; no servers could be reached\n\n',
      exitCode: 1,
    });
    expect(kubectl(open, 'exec web -n prod -- cat /etc/resolv.conf').stdout).toMatch(
      /^search prod\.svc\.cluster\.local svc\.cluster\.local cluster\.local\nnameserver 10\.96\.\d+\.\d+\noptions ndots:5\n$/,
    );
  });
});

describe('DNS in a cluster without kube-dns pods', () => {
  const cluster: Cluster = {
    ...TEST_CLUSTER,
    pods: TEST_CLUSTER.pods.filter((pod) => pod.name !== 'coredns'),
  };
  const state = kubectl(testState(cluster), 'apply -f deny.yaml', { 'deny.yaml': DENY_ALL_PROD }).state;

  it('resolves names without a policy decision and says so', () => {
    const result = kubectl(state, 'exec web -n prod -- curl -s -m 1 db:3306');
    expect(probe(result)).toMatchObject({
      dns: { decided: false, allowed: true, answer: '10.96.1.12' },
      outcome: 'timed-out',
    });
  });
});

describe('kubectl exec usage', () => {
  it("answers mistakes in kubectl's words", () => {
    expect(kubectl(open, 'exec web -n prod curl db').stderr).toContain(
      'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
    );
    expect(kubectl(open, 'exec nope -n prod -- curl db').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(kubectl(open, 'exec web -n prod -- ls').stderr).toContain(
      'exec: "ls": executable file not found in $PATH',
    );
    expect(kubectl(open, 'exec web -n prod -c other -- curl db').stderr).toBe(
      'error: unable to upgrade connection: container not found ("other")\n',
    );
    expect(kubectl(open, 'exec web -n prod -- curl').exitCode).toBe(2);
  });

  it('runs sh -c with one plain command, timeout N, and deploy/NAME', () => {
    expect(kubectl(open, ['exec', 'web', '-n', 'prod', '--', 'sh', '-c', 'curl -s db:3306']).exitCode).toBe(
      0,
    );
    expect(
      kubectl(dnsOnly, ['exec', 'web', '-n', 'prod', '--', 'timeout', '1', 'curl', '-s', '10.1.0.11:8080']),
    ).toMatchObject({ exitCode: 124, delayMs: 1000 });
    const deployed = session(open, ['create deployment cache --image=redis -n dev']);
    expect(kubectl(deployed.state, 'exec deploy/cache -n dev -- hostname').stdout).toMatch(
      /^cache-[a-z0-9]+-[a-z0-9]{5}\n$/,
    );
  });
});
