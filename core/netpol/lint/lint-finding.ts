/**
 * How lint findings are worded and placed: the same shape as validation diagnostics
 * (`NetworkPolicy prod/db: spec.podSelector: reason (line 3, column 1)`), so the UI shows both alike.
 */
import { formatPosition } from '../read/yaml-source.ts';
import type { Diagnostic, NetworkPolicy, Pod, Severity, SourcePosition } from '../types.ts';

/** `NetworkPolicy prod/db` */
export function policyObject(policy: NetworkPolicy): string {
  return `NetworkPolicy ${policy.namespace}/${policy.name}`;
}

/** `prod/web-1` */
export function podName(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}

/** What a rule reports; the builder adds the object, message prefix and source. */
export interface FindingDetail {
  readonly id: string;
  readonly severity: Exclude<Severity, 'error'>;
  /** Field path inside the object; omitted for findings about the object as a whole. */
  readonly path?: string;
  readonly position?: SourcePosition;
  /** One sentence for a learner, without the object or path (the builder adds them). */
  readonly reason: string;
}

/** A diagnostic about one object, worded like the validator's. */
export function makeFinding(
  object: string,
  source: string | undefined,
  fallbackPosition: SourcePosition | undefined,
  detail: FindingDetail,
): Diagnostic {
  const position = detail.position ?? fallbackPosition;
  const where = detail.path === undefined ? '' : `${detail.path}: `;
  return {
    id: detail.id,
    severity: detail.severity,
    message: `${object}: ${where}${detail.reason}${formatPosition(position)}`,
    object,
    ...(detail.path === undefined ? {} : { path: detail.path }),
    ...(position === undefined ? {} : { position }),
    ...(source === undefined ? {} : { source }),
  };
}

/** A finding about a policy; positions fall back to the policy's own. */
export function policyFinding(policy: NetworkPolicy, detail: FindingDetail): Diagnostic {
  return makeFinding(policyObject(policy), policy.source, policy.position, detail);
}

/** Lists names for a message, keeping it to one line: `a, b, c and 4 more`. */
export function listNames(names: readonly string[], limit = 3): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/** `1 pod` / `3 pods` */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
