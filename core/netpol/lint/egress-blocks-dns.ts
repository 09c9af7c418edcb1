/**
 * `lint.egress-blocks-dns`: once a pod is egress-isolated, name lookups need an explicit allow to
 * the cluster DNS on UDP 53 (and TCP 53 for large answers). Forgetting it is the most common egress
 * mistake: every connection by name fails although the rule for the real destination looks right.
 * One finding per namespace keeps the noise low; it sits on the first policy that isolates such pods.
 * Warning when the cluster models kube-dns; info when it does not (the exercise leaves DNS out, so the
 * finding is a reminder for real clusters rather than a break in this one).
 */
import type { Diagnostic, NetworkPolicy, Pod, Protocol } from '../types.ts';
import type { LintContext } from './lint-context.ts';
import { listNames, policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';
import { rulePeersMatch, rulePortsAllow } from './rule-allows.ts';

const ID = 'lint.egress-blocks-dns';
const DNS_PORT = 53;
const DNS_PROTOCOLS: readonly Protocol[] = ['UDP', 'TCP'];
const DNS_NAMESPACE = 'kube-system';
const DNS_LABEL_KEY = 'k8s-app';
const DNS_LABEL_VALUE = 'kube-dns';

function isEgressPolicy(policy: NetworkPolicy): boolean {
  return policy.policyTypes.includes('Egress');
}

/** The protocols (of UDP and TCP) on which the policies' egress rules do not reach DNS. */
function missingDnsProtocols(
  context: LintContext,
  policies: readonly NetworkPolicy[],
  dnsPods: readonly Pod[],
): Protocol[] {
  const reaches = (protocol: Protocol): boolean =>
    policies.some((policy) =>
      policy.egress.some((rule) =>
        dnsPods.length === 0
          ? // No cluster DNS modelled: any destination on port 53 counts.
            rulePortsAllow(context, rule, DNS_PORT, protocol, undefined)
          : dnsPods.some(
              (dns) =>
                rulePeersMatch(context, policy, rule, dns) &&
                rulePortsAllow(context, rule, DNS_PORT, protocol, dns),
            ),
      ),
    );
  return DNS_PROTOCOLS.filter((protocol) => !reaches(protocol));
}

function dnsTarget(dnsPods: readonly Pod[]): string {
  return dnsPods.length === 0
    ? 'any DNS server'
    : `kube-dns (pods labelled ${DNS_LABEL_KEY}=${DNS_LABEL_VALUE} in ${DNS_NAMESPACE})`;
}

function finding(
  policy: NetworkPolicy,
  who: string,
  missing: readonly Protocol[],
  dnsPods: readonly Pod[],
): Diagnostic {
  const ports = missing.map((protocol) => `${protocol} ${DNS_PORT}`).join(' and ');
  return policyFinding(policy, {
    id: ID,
    severity: dnsPods.length === 0 ? 'info' : 'warning',
    path: 'spec.egress',
    reason:
      `${who} egress-isolated and no egress rule allows ${ports} to ${dnsTarget(dnsPods)}, ` +
      `so looking up service names will fail; add an egress rule allowing UDP 53 and TCP 53 to it`,
  });
}

/** With pods: judge each egress-isolated pod by the union of every policy isolating it. */
function checkWithPods(context: LintContext, dnsPods: readonly Pod[]): Diagnostic[] {
  const egressPolicies = context.policies.filter(isEgressPolicy);
  const findings: Diagnostic[] = [];
  const namespaces = [...new Set(egressPolicies.map((policy) => policy.namespace))];
  for (const namespace of namespaces) {
    const local = egressPolicies.filter((policy) => policy.namespace === namespace);
    const failing: Pod[] = [];
    const missing = new Set<Protocol>();
    for (const pod of context.podsIn(namespace)) {
      const isolating = local.filter((policy) => context.selectedPods(policy).includes(pod));
      if (isolating.length === 0) continue;
      const lacking = missingDnsProtocols(context, isolating, dnsPods);
      if (lacking.length === 0) continue;
      failing.push(pod);
      for (const protocol of lacking) missing.add(protocol);
    }
    const first = local.find((policy) => failing.some((pod) => context.selectedPods(policy).includes(pod)));
    if (first === undefined) continue;
    const names = listNames(failing.map((pod) => pod.name));
    const who = failing.length === 1 ? `pod ${names} is` : `pods ${names} are`;
    findings.push(
      finding(
        first,
        who,
        DNS_PROTOCOLS.filter((protocol) => missing.has(protocol)),
        dnsPods,
      ),
    );
  }
  return findings;
}

/** Without pods nothing says which policies overlap: judge each namespace by all its egress rules. */
function checkWithoutPods(context: LintContext): Diagnostic[] {
  const egressPolicies = context.policies.filter(isEgressPolicy);
  const namespaces = [...new Set(egressPolicies.map((policy) => policy.namespace))];
  return namespaces.flatMap((namespace) => {
    const local = egressPolicies.filter((policy) => policy.namespace === namespace);
    const missing = missingDnsProtocols(context, local, []);
    const first = local[0];
    if (missing.length === 0 || first === undefined) return [];
    return [finding(first, 'the pods it selects are', missing, [])];
  });
}

/** Warns when egress-isolated pods cannot reach the cluster DNS on UDP and TCP 53. */
export const egressBlocksDns: LintRule = {
  id: ID,
  check(context) {
    if (!context.hasPods) return checkWithoutPods(context);
    const dnsPods = context
      .podsIn(DNS_NAMESPACE)
      .filter((pod) => pod.labels[DNS_LABEL_KEY] === DNS_LABEL_VALUE);
    return checkWithPods(context, dnsPods);
  },
};
