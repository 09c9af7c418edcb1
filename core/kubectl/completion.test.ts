import { describe, expect, it } from 'vitest';
import { completeKubectl } from './completion.ts';
import { testState } from './test-fixtures.ts';

const state = testState();

describe('completeKubectl', () => {
  it('completes commands, subcommands and flags', () => {
    expect(completeKubectl(state, ['de'])).toEqual(['delete', 'describe']);
    expect(completeKubectl(state, ['create', 'n'])).toEqual(['namespace']);
    expect(completeKubectl(state, ['config', ''])).toContain('set-context');
    expect(completeKubectl(state, ['get', 'pods', '--sh'])).toEqual(['--show-labels']);
  });

  it('completes resource types, then names in the namespace in use', () => {
    expect(completeKubectl(state, ['get', 'netp'])).toEqual(
      ['netpol', 'networkpolicies', 'networkpolicy'].filter((name) => name.startsWith('netp')).sort(),
    );
    expect(completeKubectl(state, ['get', 'pods', ''])).toEqual([]);
    expect(completeKubectl(state, ['get', 'pods', '-n', 'prod', ''])).toEqual(['api', 'db', 'web']);
    expect(completeKubectl(state, ['-n', 'prod', 'describe', 'svc/d'])).toEqual(['svc/db']);
    expect(completeKubectl(state, ['label', 'ns', 'p'])).toEqual(['prod']);
  });

  it('completes namespaces after -n, output formats after -o, pods and tools for exec', () => {
    expect(completeKubectl(state, ['get', 'pods', '-n', 'kube-'])).toEqual([
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(completeKubectl(state, ['get', 'pods', '-o', 'j'])).toEqual(['json', 'jsonpath=']);
    expect(completeKubectl(state, ['exec', '-n', 'prod', 'w'])).toEqual(['web']);
    expect(completeKubectl(state, ['exec', '-n', 'prod', 'web', '--', 'c'])).toEqual(['cat', 'curl']);
  });
});
