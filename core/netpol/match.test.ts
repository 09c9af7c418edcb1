import { describe, expect, it } from 'vitest';
import {
  namedPortsOf,
  policySelects,
  portEntryMatches,
  rulePortsMatch,
  selectorPeerMatches,
} from './match.ts';
import type { NamedPortNumbers } from './match.ts';
import { EVERYTHING } from './selector.ts';
import type { LabelSelector } from './types.ts';

const labels = (matchLabels: Record<string, string>): LabelSelector => ({
  matchLabels,
  matchExpressions: [],
});

const web = { namespace: 'shop', labels: { app: 'web' } };
const shopLabels = { 'kubernetes.io/metadata.name': 'shop', team: 'red' };
const noNames: NamedPortNumbers = () => undefined;

describe('the shared matcher', () => {
  it('selects pods of the policy namespace only', () => {
    expect(policySelects('shop', labels({ app: 'web' }), web)).toBe(true);
    expect(policySelects('other', labels({ app: 'web' }), web)).toBe(false);
    expect(policySelects('shop', EVERYTHING, web)).toBe(true);
  });

  it('keeps a podSelector alone inside the policy namespace', () => {
    expect(selectorPeerMatches({ podSelector: EVERYTHING }, 'shop', web, shopLabels)).toBe(true);
    expect(selectorPeerMatches({ podSelector: EVERYTHING }, 'billing', web, shopLabels)).toBe(false);
  });

  it('needs both selectors of one peer (AND)', () => {
    const peer = {
      namespaceSelector: labels({ team: 'red' }),
      podSelector: labels({ app: 'db' }),
    };
    expect(selectorPeerMatches(peer, 'billing', web, shopLabels)).toBe(false);
    expect(
      selectorPeerMatches({ ...peer, podSelector: labels({ app: 'web' }) }, 'billing', web, shopLabels),
    ).toBe(true);
    expect(
      selectorPeerMatches({ namespaceSelector: labels({ team: 'blue' }) }, 'shop', web, shopLabels),
    ).toBe(false);
  });

  it('admits ports by protocol, number, inclusive range and name on the destination', () => {
    expect(portEntryMatches({ protocol: 'TCP' }, 9, 'TCP', noNames)).toBe(true);
    expect(portEntryMatches({ protocol: 'TCP' }, 9, 'UDP', noNames)).toBe(false);
    expect(portEntryMatches({ protocol: 'TCP', port: 80 }, 81, 'TCP', noNames)).toBe(false);
    expect(portEntryMatches({ protocol: 'TCP', port: 80, endPort: 90 }, 90, 'TCP', noNames)).toBe(true);
    expect(portEntryMatches({ protocol: 'TCP', port: 80, endPort: 90 }, 91, 'TCP', noNames)).toBe(false);
    const named: NamedPortNumbers = (name, protocol) => (name === 'http' && protocol === 'TCP' ? [8080] : []);
    expect(portEntryMatches({ protocol: 'TCP', port: 'http' }, 8080, 'TCP', named)).toBe(true);
    expect(portEntryMatches({ protocol: 'TCP', port: 'http' }, 80, 'TCP', named)).toBe(false);
    expect(portEntryMatches({ protocol: 'TCP', port: 'http' }, 8080, 'TCP', noNames)).toBe(false);
  });

  it('treats an absent or empty ports list as every port', () => {
    expect(rulePortsMatch(undefined, 1, 'SCTP', noNames)).toBe(true);
    expect(rulePortsMatch([], 65535, 'UDP', noNames)).toBe(true);
    expect(rulePortsMatch([{ protocol: 'UDP', port: 53 }], 53, 'TCP', noNames)).toBe(false);
  });

  it('looks a named port up on the given pods, by name and protocol', () => {
    const pod = {
      name: 'web',
      namespace: 'shop',
      labels: {},
      ips: ['10.0.0.1'],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' as const },
        { name: 'http', port: 8443, protocol: 'UDP' as const },
      ],
    };
    const lookup = namedPortsOf([pod]);
    expect(lookup('http', 'TCP')).toEqual([8080]);
    expect(lookup('http', 'UDP')).toEqual([8443]);
    expect(lookup('metrics', 'TCP')).toEqual([]);
    expect(portEntryMatches({ protocol: 'UDP', port: 'http' }, 8443, 'UDP', lookup)).toBe(true);
    expect(portEntryMatches({ protocol: 'UDP', port: 'http' }, 8080, 'UDP', lookup)).toBe(false);
  });
});
