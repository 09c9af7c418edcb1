import { describe, expect, it } from 'vitest';
import { parseExercise } from './parse-exercise.ts';

function exerciseWith(services: string): string {
  return `id: svc-demo
title: Services
track: foundations
difficulty: beginner
minutes: 5
kind: write
examWeight: 0
task: Reach the database through its Service.
cluster:
  pods:
    - name: db
      namespace: prod
      labels: { app: db }
      ip: 10.1.0.7
      ports:
        - { name: mysql, port: 3306 }
  services:
${services}
checks:
  - { id: c, type: reach, from: prod/db, to: prod/db, port: 3306, expect: allow }
`;
}

function parse(services: string) {
  return parseExercise({ exerciseYaml: exerciseWith(services), starter: '', solution: '' });
}

describe('cluster.services', () => {
  it('reads Services with named and defaulted target ports and a stable cluster IP', () => {
    const { exercise, diagnostics } = parse(`    - name: db
      namespace: prod
      selector: { app: db }
      ports:
        - { name: sql, port: 3306, targetPort: mysql }
        - { name: web, port: 80 }
    - name: pinned
      clusterIP: 10.96.5.5
      ports:
        - { port: 8080, targetPort: 80, protocol: TCP }`);
    expect(diagnostics).toEqual([]);
    const [db, pinned] = exercise?.cluster.services ?? [];
    expect(db).toMatchObject({
      namespace: 'prod',
      name: 'db',
      selector: { app: 'db' },
      ports: [
        { name: 'sql', port: 3306, protocol: 'TCP', targetPort: 'mysql' },
        { name: 'web', port: 80, protocol: 'TCP', targetPort: 80 },
      ],
    });
    expect(db?.clusterIP).toMatch(/^10\.96\./);
    expect(pinned).toMatchObject({ namespace: 'default', clusterIP: '10.96.5.5' });
    expect(pinned?.selector).toBeUndefined();
    expect(
      parse(`    - { name: db, namespace: prod, selector: { app: db }, ports: [{ port: 1 }] }`).exercise
        ?.cluster.services?.[0]?.clusterIP,
    ).toBe(
      parse(`    - { name: db, namespace: prod, ports: [{ port: 1 }] }`).exercise?.cluster.services?.[0]
        ?.clusterIP,
    );
  });

  it('rejects bad names, ports, target ports, clashing IPs and unknown fields', () => {
    const { diagnostics } = parse(`    - name: 1db
      ports:
        - { port: 0 }
        - { port: 80, targetPort: Not_A_Name }
      selectr: {}
    - name: clash
      clusterIP: 10.1.0.7
      ports: [{ port: 80 }]`);
    const messages = diagnostics.map((diagnostic) => `${diagnostic.path ?? ''}: ${diagnostic.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('cluster.services[0].name'),
        expect.stringContaining('cluster.services[0].ports[0].port'),
        expect.stringContaining('cluster.services[0].ports[1].targetPort'),
        expect.stringContaining('cluster.services[0].selectr'),
        expect.stringContaining('"10.1.0.7" is declared twice'),
      ]),
    );
  });
});
