/**
 * Shape checks on the learner's policies: a named policy exists, has exactly these policyTypes and
 * selects exactly these pods; the submission holds a given number of policies. Selection is judged
 * by which pods match, never by how the selector is written.
 */
import type { Cluster, NetworkPolicy } from '../netpol/types.ts';
import { policySelects } from '../netpol/index.ts';
import type { PolicyCheck, PolicyCountCheck } from '../exercise/types.ts';
import type { CheckResult } from './types.ts';

type Outcome = Pick<CheckResult, 'passed' | 'code' | 'expected' | 'actual' | 'explanation'>;

function list(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}

function sameSet(left: readonly string[], right: readonly string[]): boolean {
  const wanted = new Set(left);
  return wanted.size === new Set(right).size && right.every((item) => wanted.has(item));
}

/** `namespace/name` of every pod of the cluster the policy's podSelector selects. */
export function selectedPods(cluster: Cluster, policy: NetworkPolicy): string[] {
  return cluster.pods
    .filter((pod) => policySelects(policy.namespace, policy.podSelector, pod))
    .map((pod) => `${pod.namespace}/${pod.name}`);
}

function expectedText(check: PolicyCheck): string {
  const parts = [`NetworkPolicy ${check.namespace}/${check.name}`];
  if (check.policyTypes !== undefined) parts.push(`policyTypes [${check.policyTypes.join(', ')}]`);
  if (check.selects !== undefined) parts.push(`selects ${list(check.selects)}`);
  return parts.join('; ');
}

/** Grades a `policy` check against the learner's policies. */
export function gradePolicyCheck(
  check: PolicyCheck,
  cluster: Cluster,
  learner: readonly NetworkPolicy[],
): Outcome {
  const expected = expectedText(check);
  const policy = learner.find(
    (candidate) => candidate.namespace === check.namespace && candidate.name === check.name,
  );
  if (policy === undefined) {
    const others = learner.map((candidate) => `${candidate.namespace}/${candidate.name}`);
    const sameName = learner.filter((candidate) => candidate.name === check.name);
    const explanation = [`No NetworkPolicy named "${check.name}" in namespace "${check.namespace}".`];
    if (sameName.length > 0) {
      explanation.push(
        `A policy with that name is in namespace ${list(sameName.map((candidate) => `"${candidate.namespace}"`))}; set metadata.namespace.`,
      );
    }
    return {
      passed: false,
      code: 'policy.missing',
      expected,
      actual: `not found; the submission has: ${list(others)}`,
      explanation,
    };
  }
  const types = [...policy.policyTypes];
  const selected = selectedPods(cluster, policy);
  const actual = [
    `NetworkPolicy ${policy.namespace}/${policy.name}`,
    `policyTypes [${types.join(', ')}]${policy.policyTypesExplicit ? '' : ' (defaulted)'}`,
    `selects ${list(selected)}`,
  ].join('; ');
  if (check.policyTypes !== undefined && !sameSet(check.policyTypes, types)) {
    return {
      passed: false,
      code: 'policy.types-differ',
      expected,
      actual,
      explanation: [
        `Its effective policyTypes are [${types.join(', ')}], not [${check.policyTypes.join(', ')}].`,
        ...(policy.policyTypesExplicit
          ? []
          : [
              'policyTypes was not written, so it defaulted: Ingress always, Egress only when there are egress rules.',
            ]),
      ],
    };
  }
  if (check.selects !== undefined && !sameSet(check.selects, selected)) {
    const missing = check.selects.filter((pod) => !selected.includes(pod));
    const extra = selected.filter((pod) => !check.selects?.includes(pod));
    return {
      passed: false,
      code: 'policy.selects-differ',
      expected,
      actual,
      explanation: [
        ...(missing.length > 0 ? [`Its podSelector does not select ${list(missing)}.`] : []),
        ...(extra.length > 0 ? [`Its podSelector also selects ${list(extra)}.`] : []),
      ],
    };
  }
  return { passed: true, code: 'policy.ok', expected, actual, explanation: [] };
}

function policies(count: number): string {
  return `${count} NetworkPolic${count === 1 ? 'y' : 'ies'}`;
}

/** Grades a `policy-count` check. */
export function gradePolicyCountCheck(check: PolicyCountCheck, learner: readonly NetworkPolicy[]): Outcome {
  const passed = learner.length === check.count;
  return {
    passed,
    code: passed ? 'policy-count.ok' : 'policy-count.differs',
    expected: policies(check.count),
    actual: `${policies(learner.length)}${learner.length === 0 ? '' : `: ${list(learner.map((policy) => `${policy.namespace}/${policy.name}`))}`}`,
    explanation: passed ? [] : [`The submission should hold exactly ${policies(check.count)}.`],
  };
}
