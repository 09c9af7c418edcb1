/**
 * `lint.duplicate-name`: two policies with one namespace/name are one object to the API server; the
 * later apply replaces the earlier, so one of them silently disappears.
 */
import { formatPosition } from '../read/yaml-source.ts';
import type { Diagnostic, NetworkPolicy } from '../types.ts';
import { policyFinding } from './lint-finding.ts';
import type { LintRule } from './lint-rule.ts';

const ID = 'lint.duplicate-name';

function describeFirst(policy: NetworkPolicy): string {
  const where = formatPosition(policy.position);
  if (policy.source === undefined) return where === '' ? 'earlier' : `earlier${where}`;
  return `in ${policy.source}${where}`;
}

/** Warns on every policy after the first that reuses a namespace/name. */
export const duplicateName: LintRule = {
  id: ID,
  check(context) {
    const first = new Map<string, NetworkPolicy>();
    const findings: Diagnostic[] = [];
    for (const policy of context.policies) {
      const key = `${policy.namespace}/${policy.name}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, policy);
        continue;
      }
      findings.push(
        policyFinding(policy, {
          id: ID,
          severity: 'warning',
          path: 'metadata.name',
          reason: `another NetworkPolicy ${key} is defined ${describeFirst(earlier)}; the cluster keeps only one of them (the one applied last)`,
        }),
      );
    }
    return findings;
  },
};
