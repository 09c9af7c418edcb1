import { describe, it, expect } from 'vitest';
import { parseManifests } from './read/manifests.ts';
import {
  resolveServiceConnection,
  serviceByClusterIp,
  serviceSelectedPods,
  assignServiceIps,
} from './services.ts';
import type { Service } from './types.ts';

const manifests = `apiVersion: v1
kind: Pod
metadata: { name: db-1, namespace: prod, labels: { app: db } }
spec:
  containers:
    - name: mysql
      ports: [{ name: mysql, containerPort: 3306 }]
status: { podIP: 10.0.0.21 }
---
apiVersion: v1
kind: Pod
metadata: { name: db-0, namespace: prod, labels: { app: db } }
spec:
  containers:
    - name: mysql
      ports: [{ name: other, containerPort: 3307 }]
status: { podIP: 10.0.0.20 }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: prod, labels: { tier: data } }
spec:
  selector: { app: db }
  ports:
    - { name: sql, port: 3306, targetPort: mysql }
    - { name: plain, port: 80 }
    - { name: numbered, port: 8080, targetPort: 3307 }
`;

describe('Service manifests', () => {
  it('reads selector, ports with target ports (absent = port) and assigns a cluster IP', () => {
    const result = parseManifests(manifests);
    expect(result.diagnostics).toEqual([]);
    const [service] = result.cluster.services ?? [];
    expect(service).toMatchObject({
      namespace: 'prod',
      name: 'db',
      labels: { tier: 'data' },
      selector: { app: 'db' },
      ports: [
        { name: 'sql', port: 3306, protocol: 'TCP', targetPort: 'mysql' },
        { name: 'plain', port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'numbered', port: 8080, protocol: 'TCP', targetPort: 3307 },
      ],
    });
    expect(service?.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
  });

  it('reports API validation problems with field paths and positions', () => {
    const result = parseManifests(`apiVersion: v1
kind: Service
metadata: { name: 9db }
spec:
  ports:
    - { port: 70000 }
    - { port: 80, targetPort: Bad_Name }
`);
    const messages = result.diagnostics.map((diagnostic) => diagnostic.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('metadata.name: Invalid value: "9db"'),
        expect.stringContaining('spec.ports[0].port: Invalid value: the number 70000'),
        expect.stringContaining('spec.ports[1].targetPort: Invalid value: "Bad_Name"'),
        expect.stringContaining('spec.ports[1].name: Required value'),
      ]),
    );
    expect(result.cluster.services).toBeUndefined();
  });
});

describe('resolveServiceConnection', () => {
  const { cluster } = parseManifests(manifests);
  const service = (cluster.services ?? [])[0] as Service;

  it('selects pods by equality in the Service namespace, sorted by name', () => {
    expect(serviceSelectedPods(cluster, service).map((pod) => pod.name)).toEqual(['db-0', 'db-1']);
  });

  it('resolves a named target port only on pods that have it', () => {
    const resolution = resolveServiceConnection(cluster, service, 3306, 'TCP');
    expect(resolution).toMatchObject({ ok: true, targetPort: 3306 });
    expect(resolution.ok && resolution.pod.name).toBe('db-1');
    expect(resolution.ok && resolution.endpoints.map((pod) => pod.name)).toEqual(['db-1']);
  });

  it('maps port to a numeric targetPort, or to the same number when absent', () => {
    expect(resolveServiceConnection(cluster, service, 8080, 'TCP')).toMatchObject({
      ok: true,
      targetPort: 3307,
    });
    expect(resolveServiceConnection(cluster, service, 80, 'TCP')).toMatchObject({ ok: true, targetPort: 80 });
  });

  it('says why nothing answers', () => {
    expect(resolveServiceConnection(cluster, service, 3306, 'UDP')).toMatchObject({
      ok: false,
      reason: 'no-such-port',
    });
    const lonely: Service = { ...service, selector: { app: 'nothing' } };
    expect(resolveServiceConnection(cluster, lonely, 80, 'TCP')).toMatchObject({
      ok: false,
      reason: 'no-endpoints',
      message: 'service prod/db has no endpoints: its selector matches no pod',
    });
  });

  it('finds a Service by its cluster IP', () => {
    expect(serviceByClusterIp(cluster, service.clusterIP)?.name).toBe('db');
    expect(serviceByClusterIp(cluster, '10.0.0.20')).toBeUndefined();
  });
});

describe('assignServiceIps', () => {
  it('is stable, keeps written addresses and avoids taken ones', () => {
    const base: Service = { namespace: 'a', name: 'web', labels: {}, ports: [], clusterIP: '' };
    const first = assignServiceIps([base])[0]?.clusterIP as string;
    expect(assignServiceIps([base])[0]?.clusterIP).toBe(first);
    expect(assignServiceIps([base], [first])[0]?.clusterIP).not.toBe(first);
    expect(assignServiceIps([{ ...base, clusterIP: '10.96.0.10' }])[0]?.clusterIP).toBe('10.96.0.10');
  });
});
