/**
 * How a reach check's connection is written for people: `prod/web -> prod/db on 3306/TCP`. The ends
 * are shown exactly as the exercise wrote them (a pod, an external's name or an IP).
 */
import type { Check, ReachCheck } from '../../../core/exercise/index.ts';

/** The connection text of a reach check; predict radiogroups are named by it. */
export function connectionText(check: Pick<ReachCheck, 'from' | 'to' | 'port' | 'protocol'>): string {
  return `${check.from} -> ${check.to} on ${check.port}/${check.protocol}`;
}

/** `8080/TCP`. */
export function portText(port: number, protocol: string): string {
  return `${port}/${protocol}`;
}

/** The reach checks of an exercise, in exercise order. */
export function reachChecks(checks: readonly Check[]): ReachCheck[] {
  return checks.filter((check): check is ReachCheck => check.type === 'reach');
}
