/**
 * Turns a verdict into short lines a learner can read: the overall answer, then each side (egress at
 * the source, ingress at the destination) with the rule that allowed it or why every rule missed.
 */
import type {
  Connection,
  Endpoint,
  PolicyOutcome,
  PolicyRef,
  RuleOutcome,
  SideVerdict,
  Verdict,
} from './types.ts';

/** `prod/db` for a pod, `192.168.99.10 (backup)` or `192.168.99.10` for an address. */
export function describeEndpoint(endpoint: Endpoint): string {
  if (endpoint.kind === 'pod') return `${endpoint.pod.namespace}/${endpoint.pod.name}`;
  return endpoint.name === undefined ? endpoint.ip : `${endpoint.ip} (${endpoint.name})`;
}

/**
 * An end of the route line; a pod whose IP the lab chose shows that address and says so, because an
 * ipBlock verdict about it would differ on a real cluster.
 */
function routeEnd(endpoint: Endpoint): string {
  const name = describeEndpoint(endpoint);
  if (endpoint.kind !== 'pod' || endpoint.pod.ipAssigned !== true) return name;
  return `${name} (${endpoint.pod.ips.join(', ')}, an IP the lab assigned: the manifest gives none)`;
}

function policyName(policy: PolicyRef): string {
  return `${policy.namespace}/${policy.name}`;
}

function peerField(side: SideVerdict): string {
  return side.direction === 'Egress' ? 'to' : 'from';
}

function ruleLine(side: SideVerdict, policy: PolicyRef, rule: RuleOutcome): string {
  const where = `${policyName(policy)} ${side.direction.toLowerCase()} rule ${rule.ruleIndex}`;
  if (rule.matched) return `${where} matches`;
  if (rule.failed === 'peer') {
    const misses = rule.peers.map((miss) => `${peerField(side)}[${miss.peerIndex}]: ${miss.message}`);
    return `${where}: no peer matches (${misses.join('; ')})`;
  }
  const misses = rule.ports.map((miss) => `ports[${miss.portIndex}]: ${miss.message}`);
  return `${where}: the peer matches, but no port entry does (${misses.join('; ')})`;
}

function whyNotLines(side: SideVerdict, outcome: PolicyOutcome): string[] {
  if (outcome.rules.length === 0) {
    return [
      `  - ${policyName(outcome.policy)} has no ${side.direction.toLowerCase()} rules, so it allows nothing`,
    ];
  }
  return outcome.rules.map((rule) => `  - ${ruleLine(side, outcome.policy, rule)}`);
}

function sideLines(side: SideVerdict, endpoint: Endpoint): string[] {
  const title =
    side.direction === 'Egress'
      ? `Egress from ${describeEndpoint(endpoint)}`
      : `Ingress to ${describeEndpoint(endpoint)}`;
  const lower = side.direction.toLowerCase();
  switch (side.reason) {
    case 'not-a-pod':
      return [`${title}: allowed, it is not a pod, so no policy applies there`];
    case 'not-isolated':
      return [`${title}: allowed, not isolated for ${lower}: no policy selects it`];
    case 'allowed': {
      const by = side.allowedBy;
      const isolating = side.policies.map((outcome) => policyName(outcome.policy)).join(', ');
      if (by === undefined) return [`${title}: allowed (isolated for ${lower} by ${isolating})`];
      const details: string[] = [];
      if (by.peerIndex !== undefined) details.push(`${peerField(side)}[${by.peerIndex}]`);
      if (by.portIndex !== undefined) details.push(`ports[${by.portIndex}]`);
      const detail = details.length > 0 ? ` (${details.join(', ')})` : '';
      return [
        `${title}: allowed by ${policyName(by.policy)} ${lower} rule ${by.ruleIndex}${detail}`,
        `  isolated for ${lower} by ${isolating}`,
      ];
    }
    case 'no-rule-matched': {
      const isolating = side.policies.map((outcome) => policyName(outcome.policy)).join(', ');
      return [
        `${title}: denied, isolated for ${lower} by ${isolating} and no rule allows this connection:`,
        ...side.policies.flatMap((outcome) => whyNotLines(side, outcome)),
      ];
    }
  }
}

/**
 * Human lines for a verdict: the overall answer first, then the egress side, then the ingress side.
 * The wording is for people; logic should read the verdict itself.
 */
export function explainVerdict(verdict: Verdict, connection: Connection): string[] {
  const route = `${routeEnd(connection.from)} -> ${routeEnd(connection.to)} on ${connection.port}/${connection.protocol}`;
  const lines = [`${verdict.allowed ? 'ALLOWED' : 'DENIED'}: ${route}`];
  if (verdict.selfConnection) {
    lines.push('A pod talking to itself is always allowed: NetworkPolicies do not decide this traffic.');
  } else if (!verdict.allowed) {
    const blocked = [verdict.egress, verdict.ingress].filter((side) => !side.allowed);
    lines.push(
      blocked.length === 2
        ? 'Both sides deny it: the source egress and the destination ingress.'
        : `Blocked by the ${blocked[0]?.direction === 'Egress' ? 'source egress' : 'destination ingress'}; both sides must allow.`,
    );
  }
  lines.push(...sideLines(verdict.egress, connection.from));
  lines.push(...sideLines(verdict.ingress, connection.to));
  return lines;
}

function sideSummary(side: SideVerdict): string {
  const direction = side.direction.toLowerCase();
  switch (side.reason) {
    case 'not-a-pod':
      return `${direction}: not a pod, no policy applies`;
    case 'not-isolated':
      return `${direction}: no policy isolates it`;
    case 'allowed':
      return side.allowedBy === undefined
        ? `${direction}: allowed`
        : `${direction}: allowed by ${policyName(side.allowedBy.policy)} rule ${side.allowedBy.ruleIndex}`;
    case 'no-rule-matched':
      return `${direction}: isolated by ${side.policies.map((outcome) => policyName(outcome.policy)).join(', ')}, no rule matches`;
  }
}

/**
 * The reason for a verdict in one line, for tables: which rule allowed each side, or which side
 * refused and who isolates it. {@link explainVerdict} gives the whole story.
 */
export function summarizeVerdict(verdict: Verdict): string {
  if (verdict.selfConnection) return 'a pod to itself: policies do not decide this';
  if (verdict.allowed) return `${sideSummary(verdict.egress)}; ${sideSummary(verdict.ingress)}`;
  return [verdict.egress, verdict.ingress]
    .filter((side) => !side.allowed)
    .map(sideSummary)
    .join('; ');
}
