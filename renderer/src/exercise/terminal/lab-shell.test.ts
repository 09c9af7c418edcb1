// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { terminalSubmission } from '../../../../core/kubectl/index.ts';
import type { Cluster } from '../../../../core/netpol/index.ts';
import { LabShell, type EditorRequest } from './lab-shell.ts';

const CLUSTER: Cluster = {
  namespaces: [{ name: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod' } }],
  pods: [
    {
      namespace: 'prod',
      name: 'db',
      labels: { app: 'db' },
      ips: ['10.1.0.12'],
      ports: [{ port: 3306, protocol: 'TCP' }],
    },
    { namespace: 'prod', name: 'api', labels: { app: 'api' }, ips: ['10.1.0.11'], ports: [] },
  ],
  externals: [],
};

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-in
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: api
`;

function shell(edits: Array<(request: EditorRequest) => string | null> = []) {
  const requests: EditorRequest[] = [];
  const lab = new LabShell(
    { cluster: CLUSTER, policies: [] },
    {
      now: () => Date.UTC(2026, 0, 1),
      openEditor: async (request) => {
        requests.push(request);
        const next = edits.shift();
        return next === undefined ? null : next(request);
      },
      sleep: async () => undefined,
    },
  );
  return { lab, requests };
}

describe('LabShell', () => {
  it('applies a policy from a heredoc piped into kubectl apply -f -', async () => {
    const { lab } = shell();
    const result = await lab.run(`cat <<EOF | kubectl apply -f -\n${POLICY}EOF`);
    expect(result).toMatchObject({ stdout: 'networkpolicy.networking.k8s.io/db-in created\n', exitCode: 0 });
    expect(terminalSubmission(lab.state).submittedPolicies.map((policy) => policy.name)).toEqual(['db-in']);
  });

  it('has the k alias preset and keeps variables between lines', async () => {
    const { lab } = shell();
    expect((await lab.run('k get ns prod -o name')).stdout).toBe('namespace/prod\n');
    await lab.run('export do="--dry-run=client -o yaml"');
    const dry = await lab.run('k run probe --image=busybox $do');
    expect(dry.stdout).toContain('kind: Pod');
    expect(dry.stdout).toContain('name: probe');
    // A dry run leaves the cluster as it was.
    expect((await lab.run('k get pods -n prod -o name')).stdout).toBe('pod/api\npod/db\n');
  });

  it('runs pipes, redirects, && and || around kubectl', async () => {
    const { lab } = shell();
    const piped = await lab.run('kubectl get pods -n prod --no-headers | wc -l');
    expect(piped.stdout.trim()).toBe('2');
    await lab.run(`cat > policy.yaml <<'EOF'\n${POLICY}EOF`);
    const chained = await lab.run('k apply -f policy.yaml && echo applied || echo failed');
    expect(chained.stdout).toBe('networkpolicy.networking.k8s.io/db-in created\napplied\n');
    const failed = await lab.run('k get netpol missing -n prod 2>/dev/null || echo none');
    expect(failed.stdout).toBe('none\n');
    expect((await lab.run('k get netpol -n prod -o name > out.txt; cat out.txt')).stdout).toBe(
      'networkpolicy.networking.k8s.io/db-in\n',
    );
  });

  it('keeps the directory between lines and resolves -f against it', async () => {
    const { lab } = shell();
    await lab.run(
      `mkdir -p /opt/course/1 && cd /opt/course/1 && printf '%s' "$(cat <<'EOF'\n${POLICY}EOF\n)" > p.yaml`,
    );
    expect(lab.cwd).toBe('/opt/course/1');
    expect(lab.promptPath()).toBe('/opt/course/1');
    expect((await lab.run('k apply -f p.yaml')).stdout).toContain('db-in created');
  });

  it('opens the editor for vim and writes what was saved', async () => {
    const { lab, requests } = shell([() => POLICY, () => null]);
    await lab.run('vim np.yaml');
    expect(requests[0]).toMatchObject({ path: '/root/np.yaml', text: '', mode: 'vim' });
    expect((await lab.run('cat np.yaml')).stdout).toBe(POLICY);
    await lab.run('nano np.yaml');
    expect(requests[1]).toMatchObject({ mode: 'nano', text: POLICY });
    expect((await lab.run('cat np.yaml')).stdout).toBe(POLICY);
  });

  it('continues a line while a heredoc or a quote is open', () => {
    const { lab } = shell();
    expect(lab.needsMore('cat <<EOF | kubectl apply -f -')).toBe(true);
    expect(lab.needsMore('cat <<EOF | kubectl apply -f -\nkind: x\nEOF')).toBe(false);
    expect(lab.needsMore('echo "open')).toBe(true);
    expect(lab.needsMore('k get pods |')).toBe(true);
    expect(lab.needsMore('k get pods')).toBe(false);
  });

  it('completes kubectl words after the alias and file paths after -f', async () => {
    const { lab } = shell();
    await lab.run('touch policy.yaml plan.txt && mkdir -p manifests');
    expect((await lab.complete('k get po')).items.map((item) => item.value)).toContain('pods');
    expect((await lab.complete('k get pods -n pr')).items.map((item) => item.value)).toEqual(['prod']);
    expect((await lab.complete('k apply -f po')).items).toEqual([{ value: 'policy.yaml', final: true }]);
    expect((await lab.complete('cat ma')).items).toEqual([{ value: 'manifests/', final: false }]);
    expect((await lab.complete('kube')).items.map((item) => item.value)).toEqual(['kubectl']);
  });

  it('saves and restores a session: files, variables, history and the cluster', async () => {
    const { lab } = shell();
    await lab.run(`cat > p.yaml <<'EOF'\n${POLICY}EOF`);
    await lab.run('k apply -f p.yaml');
    await lab.run('export NS=prod; cd /tmp');
    const saved = JSON.parse(JSON.stringify(await lab.snapshot()));
    const restored = new LabShell(
      { cluster: CLUSTER, policies: [] },
      { now: () => 0, openEditor: async () => null },
      { ...saved, transcript: '' },
    );
    expect(restored.cwd).toBe('/tmp');
    expect(restored.history.at(-1)).toBe('export NS=prod; cd /tmp');
    expect((await restored.run('cat /root/p.yaml')).stdout).toBe(POLICY);
    expect((await restored.run('k get netpol -n $NS -o name')).stdout).toBe(
      'networkpolicy.networking.k8s.io/db-in\n',
    );
    restored.resetCluster();
    expect((await restored.run('k get netpol -n prod')).stderr).toBe(
      'No resources found in prod namespace.\n',
    );
  });
});
