/**
 * What a lesson diagram shows for the policies switched on: each connection's verdict and the
 * engine's explanation, the same engine the exercises use.
 */
import { compileModel } from '../netpol/compile.ts';
import { resolveEndpoint } from '../netpol/endpoints.ts';
import { evaluateConnection } from '../netpol/evaluate.ts';
import { explainVerdict, summarizeVerdict } from '../netpol/explain.ts';
import type { LessonDiagram } from './types.ts';

/** One drawn connection with the engine's decision. */
export interface DiagramVerdict {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: string;
  readonly note?: string;
  readonly allowed: boolean;
  /** One line: which rule allowed it, or which side refused. */
  readonly why: string;
  /** The full explanation, line by line. */
  readonly explanation: readonly string[];
}

/**
 * Decides every connection of `diagram` with the policies whose switch is on (`on[i]` for
 * `diagram.policies[i]`; a missing entry means the policy's starting state).
 */
export function evaluateDiagram(diagram: LessonDiagram, on: readonly boolean[]): DiagramVerdict[] {
  const policies = diagram.policies.flatMap((policy, index) =>
    (on[index] ?? policy.on) ? policy.policies : [],
  );
  const model = compileModel(diagram.cluster, policies);
  return diagram.connections.flatMap((connection) => {
    const from = resolveEndpoint(diagram.cluster, connection.from);
    const to = resolveEndpoint(diagram.cluster, connection.to);
    if (!from.ok || !to.ok) return [];
    const probe = {
      from: from.endpoint,
      to: to.endpoint,
      port: connection.port,
      protocol: connection.protocol,
    };
    const verdict = evaluateConnection(model, probe);
    return [
      {
        from: connection.from,
        to: connection.to,
        port: connection.port,
        protocol: connection.protocol,
        ...(connection.note === undefined ? {} : { note: connection.note }),
        allowed: verdict.allowed,
        why: summarizeVerdict(verdict),
        explanation: explainVerdict(verdict, probe),
      },
    ];
  });
}
