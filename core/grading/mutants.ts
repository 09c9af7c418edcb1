/**
 * Mutants of a reference solution: each is the solution with one realistic mistake (a port dropped
 * or changed, a selector widened or narrowed, an AND peer split into two OR peers, a policy moved to
 * another namespace …). The mutation gate grades every mutant whose behaviour differs from the
 * solution outside the exercise's free regions and demands that grading rejects it.
 */
import type {
  Cluster,
  Direction,
  IPBlock,
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Protocol,
} from '../netpol/types.ts';
import { parseCidr } from '../netpol/ip.ts';
import { cidrInterval, ipText } from '../netpol/space.ts';
import { selectorMatches } from '../netpol/selector.ts';

/** One mutant: what was changed, and the whole policy set with that change. */
export interface Mutant {
  readonly description: string;
  readonly policies: readonly NetworkPolicy[];
}

/** A label that matches nothing the lab knows of, for selectors narrowed to nothing. */
const NOWHERE_LABEL = 'mutant.netpol-lab.io/nowhere';

type Edit<T> = { readonly description: string; readonly value: T };

const OTHER_PROTOCOL: Readonly<Record<Protocol, Protocol>> = { TCP: 'UDP', UDP: 'TCP', SCTP: 'TCP' };

function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  return items.map((item, position) => (position === index ? value : item));
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

/** Wider and narrower versions of a selector, given the label sets it is matched against. */
function selectorEdits(
  selector: LabelSelector,
  what: string,
  candidates: readonly Labels[],
): Edit<LabelSelector>[] {
  const edits: Edit<LabelSelector>[] = [];
  for (const key of Object.keys(selector.matchLabels)) {
    const matchLabels = Object.fromEntries(
      Object.entries(selector.matchLabels).filter(([name]) => name !== key),
    );
    edits.push({ description: `${what}: drop matchLabels ${key}`, value: { ...selector, matchLabels } });
  }
  selector.matchExpressions.forEach((item, index) => {
    edits.push({
      description: `${what}: drop matchExpressions ${item.key} ${item.operator}`,
      value: { ...selector, matchExpressions: removeAt(selector.matchExpressions, index) },
    });
  });
  const parts = Object.keys(selector.matchLabels).length + selector.matchExpressions.length;
  if (parts > 1) {
    edits.push({
      description: `${what}: widen to every one`,
      value: { matchLabels: {}, matchExpressions: [] },
    });
  }
  // Narrow: add a label that some matched objects carry and others do not; else one nobody carries.
  const matched = candidates.filter((labels) => selectorMatches(selector, labels));
  let narrowed = false;
  outer: for (const labels of matched) {
    for (const [key, value] of Object.entries(labels)) {
      if (key in selector.matchLabels) continue;
      const keeps = matched.filter((other) => other[key] === value).length;
      if (keeps > 0 && keeps < matched.length) {
        edits.push({
          description: `${what}: narrow with ${key}=${value}`,
          value: { ...selector, matchLabels: { ...selector.matchLabels, [key]: value } },
        });
        narrowed = true;
        break outer;
      }
    }
  }
  if (!narrowed && matched.length > 0) {
    edits.push({
      description: `${what}: narrow to nothing`,
      value: {
        ...selector,
        matchExpressions: [
          ...selector.matchExpressions,
          { key: NOWHERE_LABEL, operator: 'Exists', values: [] },
        ],
      },
    });
  }
  return edits;
}

function cidrText(family: 'ipv4' | 'ipv6', network: bigint, prefix: number): string {
  return `${ipText(family, network)}/${prefix}`;
}

/** The CIDR one bit shorter, and both halves one bit longer. */
function cidrEdits(text: string): { wider?: string; halves: string[] } {
  const parsed = parseCidr(text);
  const interval = cidrInterval(text);
  if (parsed === undefined || interval === undefined) return { halves: [] };
  const bits = parsed.family === 'ipv4' ? 32 : 128;
  const prefix = parsed.prefixLength;
  const wider = prefix === 0 ? undefined : parseCidr(`${parsed.network}/${prefix - 1}`);
  const halves: string[] = [];
  if (prefix < bits) {
    const half = 1n << BigInt(bits - prefix - 1);
    halves.push(cidrText(parsed.family, interval.first, prefix + 1));
    halves.push(cidrText(parsed.family, interval.first + half, prefix + 1));
  }
  return {
    ...(wider === undefined ? {} : { wider: `${wider.network}/${wider.prefixLength}` }),
    halves,
  };
}

function contains(outer: string, inner: string): boolean {
  const a = cidrInterval(outer);
  const b = cidrInterval(inner);
  return (
    a !== undefined &&
    b !== undefined &&
    a.family === b.family &&
    a.first <= b.first &&
    b.last <= a.last &&
    (a.first !== b.first || a.last !== b.last)
  );
}

function ipBlockEdits(block: IPBlock, what: string): Edit<IPBlock>[] {
  const edits: Edit<IPBlock>[] = [];
  const { wider, halves } = cidrEdits(block.cidr);
  const valid = (cidr: string, except: readonly string[]): boolean =>
    except.every((item) => contains(cidr, item));
  if (wider !== undefined && valid(wider, block.except))
    edits.push({ description: `${what}: widen cidr to ${wider}`, value: { ...block, cidr: wider } });
  for (const half of halves) {
    const except = block.except.filter((item) => contains(half, item));
    edits.push({ description: `${what}: narrow cidr to ${half}`, value: { cidr: half, except } });
  }
  block.except.forEach((item, index) => {
    edits.push({
      description: `${what}: drop except ${item}`,
      value: { ...block, except: removeAt(block.except, index) },
    });
    const parts = cidrEdits(item);
    if (parts.wider !== undefined && contains(block.cidr, parts.wider))
      edits.push({
        description: `${what}: widen except ${item} to ${parts.wider}`,
        value: { ...block, except: replaceAt(block.except, index, parts.wider) },
      });
    const half = parts.halves[0];
    if (half !== undefined)
      edits.push({
        description: `${what}: narrow except ${item} to ${half}`,
        value: { ...block, except: replaceAt(block.except, index, half) },
      });
  });
  return edits;
}

interface Context {
  readonly cluster: Cluster;
  readonly podLabels: readonly Labels[];
  readonly namespaceLabels: readonly Labels[];
  readonly portNames: readonly string[];
}

function peerEdits(
  peers: readonly NetworkPolicyPeer[],
  what: string,
  context: Context,
): Edit<NetworkPolicyPeer[]>[] {
  const edits: Edit<NetworkPolicyPeer[]>[] = [];
  peers.forEach((peer, index) => {
    const at = `${what}[${index}]`;
    edits.push({ description: `${at}: drop the peer`, value: removeAt(peers, index) });
    if (peer.podSelector !== undefined) {
      for (const edit of selectorEdits(peer.podSelector, `${at}.podSelector`, context.podLabels))
        edits.push({
          description: edit.description,
          value: replaceAt(peers, index, { ...peer, podSelector: edit.value }),
        });
    }
    if (peer.namespaceSelector !== undefined) {
      for (const edit of selectorEdits(
        peer.namespaceSelector,
        `${at}.namespaceSelector`,
        context.namespaceLabels,
      ))
        edits.push({
          description: edit.description,
          value: replaceAt(peers, index, { ...peer, namespaceSelector: edit.value }),
        });
    }
    if (peer.podSelector !== undefined && peer.namespaceSelector !== undefined) {
      const split: NetworkPolicyPeer[] = [
        { namespaceSelector: peer.namespaceSelector },
        { podSelector: peer.podSelector },
      ];
      edits.push({
        description: `${at}: namespaceSelector and podSelector as two peers (OR instead of AND)`,
        value: [...peers.slice(0, index), ...split, ...peers.slice(index + 1)],
      });
      edits.push({
        description: `${at}: drop namespaceSelector (the policy's own namespace only)`,
        value: replaceAt(peers, index, { podSelector: peer.podSelector }),
      });
      edits.push({
        description: `${at}: drop podSelector (every pod of those namespaces)`,
        value: replaceAt(peers, index, { namespaceSelector: peer.namespaceSelector }),
      });
    }
    if (peer.ipBlock !== undefined) {
      for (const edit of ipBlockEdits(peer.ipBlock, `${at}.ipBlock`))
        edits.push({
          description: edit.description,
          value: replaceAt(peers, index, { ...peer, ipBlock: edit.value }),
        });
    }
    const next = peers[index + 1];
    if (next !== undefined) {
      const pair = [peer, next];
      const namespaceOnly = pair.find(
        (item) => item.namespaceSelector !== undefined && item.podSelector === undefined,
      );
      const podOnly = pair.find(
        (item) => item.podSelector !== undefined && item.namespaceSelector === undefined,
      );
      if (namespaceOnly !== undefined && podOnly !== undefined) {
        edits.push({
          description: `${at} and [${index + 1}]: merged into one peer (AND instead of OR)`,
          value: [
            ...peers.slice(0, index),
            { namespaceSelector: namespaceOnly.namespaceSelector, podSelector: podOnly.podSelector },
            ...peers.slice(index + 2),
          ],
        });
      }
    }
  });
  return edits;
}

function portEdits(
  ports: readonly NetworkPolicyPort[],
  what: string,
  context: Context,
): Edit<NetworkPolicyPort[]>[] {
  const edits: Edit<NetworkPolicyPort[]>[] = [];
  ports.forEach((port, index) => {
    const at = `${what}[${index}]`;
    edits.push({ description: `${at}: drop the port entry`, value: removeAt(ports, index) });
    const protocol = OTHER_PROTOCOL[port.protocol];
    edits.push({
      description: `${at}: ${protocol} instead of ${port.protocol}`,
      value: replaceAt(ports, index, { ...port, protocol }),
    });
    if (typeof port.port === 'number') {
      const changed = port.port < 65535 ? port.port + 1 : port.port - 1;
      if (port.endPort === undefined || changed <= port.endPort)
        edits.push({
          description: `${at}: port ${changed} instead of ${port.port}`,
          value: replaceAt(ports, index, { ...port, port: changed }),
        });
    } else if (typeof port.port === 'string') {
      const other = context.portNames.find((name) => name !== port.port);
      if (other !== undefined)
        edits.push({
          description: `${at}: named port ${other} instead of ${port.port}`,
          value: replaceAt(ports, index, { ...port, port: other }),
        });
    }
    if (port.port !== undefined)
      edits.push({
        description: `${at}: every ${port.protocol} port (port left out)`,
        value: replaceAt(ports, index, { protocol: port.protocol }),
      });
    if (port.endPort !== undefined && typeof port.port === 'number') {
      const { endPort: _dropped, ...single } = port;
      edits.push({ description: `${at}: drop endPort`, value: replaceAt(ports, index, single) });
      if (port.endPort > port.port)
        edits.push({
          description: `${at}: endPort ${port.endPort - 1}`,
          value: replaceAt(ports, index, { ...port, endPort: port.endPort - 1 }),
        });
      if (port.endPort < 65535)
        edits.push({
          description: `${at}: endPort ${port.endPort + 1}`,
          value: replaceAt(ports, index, { ...port, endPort: port.endPort + 1 }),
        });
    }
  });
  return edits;
}

function ruleEdits(
  rules: readonly NetworkPolicyRule[],
  direction: Direction,
  context: Context,
): Edit<NetworkPolicyRule[]>[] {
  const field = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersField = direction === 'Ingress' ? 'from' : 'to';
  const edits: Edit<NetworkPolicyRule[]>[] = [];
  rules.forEach((rule, index) => {
    const at = `${field}[${index}]`;
    edits.push({ description: `${at}: drop the rule`, value: removeAt(rules, index) });
    if (rule.peers !== undefined && rule.peers.length > 0) {
      {
        const { peers: _peers, ...everyPeer } = rule;
        edits.push({
          description: `${at}: drop ${peersField} (every peer)`,
          value: replaceAt(rules, index, everyPeer),
        });
      }
      for (const edit of peerEdits(rule.peers, `${at}.${peersField}`, context))
        edits.push({
          description: edit.description,
          value: replaceAt(rules, index, { ...rule, peers: edit.value }),
        });
    }
    if (rule.ports !== undefined && rule.ports.length > 0) {
      for (const edit of portEdits(rule.ports, `${at}.ports`, context))
        edits.push({
          description: edit.description,
          value: replaceAt(rules, index, { ...rule, ports: edit.value }),
        });
    }
    const peers = rule.peers ?? [];
    const ports = rule.ports ?? [];
    if (peers.length > 1 && ports.length > 1) {
      // Split one rule into two that pair peers and ports one to one: a narrower rule.
      const first: NetworkPolicyRule = { peers: peers.slice(0, 1), ports: ports.slice(0, 1) };
      const second: NetworkPolicyRule = { peers: peers.slice(1), ports: ports.slice(1) };
      edits.push({
        description: `${at}: split into two rules, peers and ports paired`,
        value: [...rules.slice(0, index), first, second, ...rules.slice(index + 1)],
      });
    }
    const next = rules[index + 1];
    if (next !== undefined) {
      const merge = (a?: readonly unknown[], b?: readonly unknown[]): unknown[] | undefined =>
        a === undefined || b === undefined || a.length === 0 || b.length === 0 ? undefined : [...a, ...b];
      const merged = {
        peers: merge(rule.peers, next.peers) as NetworkPolicyPeer[] | undefined,
        ports: merge(rule.ports, next.ports) as NetworkPolicyPort[] | undefined,
      } satisfies NetworkPolicyRule;
      edits.push({
        description: `${at} and [${index + 1}]: merged into one rule (peers and ports of both)`,
        value: [...rules.slice(0, index), merged, ...rules.slice(index + 2)],
      });
    }
  });
  return edits;
}

/** The effective types once `policyTypes` is written as `written` (the API's defaulting). */
function effectiveTypes(written: readonly Direction[], policy: NetworkPolicy): Direction[] {
  if (written.length > 0) return [...written];
  return policy.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function policyEdits(policy: NetworkPolicy, context: Context): Edit<NetworkPolicy>[] {
  const edits: Edit<NetworkPolicy>[] = [];
  for (const edit of selectorEdits(
    policy.podSelector,
    'podSelector',
    context.cluster.pods.filter((pod) => pod.namespace === policy.namespace).map((pod) => pod.labels),
  ))
    edits.push({ description: edit.description, value: { ...policy, podSelector: edit.value } });
  policy.policyTypes.forEach((type, index) => {
    const written = removeAt(policy.policyTypes, index);
    edits.push({
      description: `policyTypes: drop ${type}`,
      value: {
        ...policy,
        policyTypes: effectiveTypes(written, policy),
        policyTypesExplicit: written.length > 0,
      },
    });
  });
  if (policy.policyTypesExplicit) {
    const defaulted = effectiveTypes([], policy);
    if (defaulted.join() !== policy.policyTypes.join())
      edits.push({
        description: 'policyTypes left out',
        value: { ...policy, policyTypes: defaulted, policyTypesExplicit: false },
      });
  }
  for (const direction of ['Ingress', 'Egress'] as const) {
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    const key = direction === 'Ingress' ? 'ingress' : 'egress';
    for (const edit of ruleEdits(rules, direction, context))
      edits.push({ description: edit.description, value: { ...policy, [key]: edit.value } });
  }
  for (const namespace of context.cluster.namespaces) {
    if (namespace.name === policy.namespace) continue;
    edits.push({
      description: `moved to namespace ${namespace.name}`,
      value: { ...policy, namespace: namespace.name },
    });
    break;
  }
  return edits;
}

function uniqueNames(names: readonly (string | undefined)[]): string[] {
  return [...new Set(names.filter((name): name is string => name !== undefined))].sort();
}

/**
 * Every single-mistake mutant of a policy set (the learner's part of a reference solution), in a
 * stable order. The cluster supplies the labels selectors are narrowed with, the namespaces a policy
 * can move to, and the named ports.
 */
export function mutantsOf(cluster: Cluster, policies: readonly NetworkPolicy[]): Mutant[] {
  const context: Context = {
    cluster,
    podLabels: cluster.pods.map((pod) => pod.labels),
    namespaceLabels: cluster.namespaces.map((namespace) => namespace.labels),
    portNames: uniqueNames(cluster.pods.flatMap((pod) => pod.ports.map((port) => port.name))),
  };
  const mutants: Mutant[] = [];
  policies.forEach((policy, index) => {
    const name = `${policy.namespace}/${policy.name}`;
    mutants.push({ description: `${name}: drop the policy`, policies: removeAt(policies, index) });
    for (const edit of policyEdits(policy, context))
      mutants.push({
        description: `${name}: ${edit.description}`,
        policies: replaceAt(policies, index, edit.value),
      });
  });
  return mutants;
}
