/** Runs one reach check through the compiled engine. */
import type { Cluster, Connection, Verdict } from '../netpol/types.ts';
import type { CompiledModel } from '../netpol/compile.ts';
import { evaluateConnection } from '../netpol/evaluate.ts';
import { describeEndpoint, explainVerdict } from '../netpol/explain.ts';
import { resolveEndpoint } from '../netpol/endpoints.ts';
import type { ReachCheck } from '../exercise/types.ts';

/** The engine's answer for a reach check. */
export interface ReachEvaluation {
  readonly connection?: Connection;
  /** `prod/api -> prod/db on 3306/TCP`. */
  readonly route: string;
  readonly verdict?: Verdict;
  readonly explanation: string[];
}

/** The connection a reach check describes, or an error when an end does not exist. */
export function reachConnection(cluster: Cluster, check: ReachCheck): Connection | string {
  const from = resolveEndpoint(cluster, check.from);
  if (!from.ok) return from.error;
  const to = resolveEndpoint(cluster, check.to);
  if (!to.ok) return to.error;
  return { from: from.endpoint, to: to.endpoint, port: check.port, protocol: check.protocol };
}

/** Evaluates a reach check; never throws (an unresolvable end becomes an explanation line). */
export function evaluateReach(model: CompiledModel, cluster: Cluster, check: ReachCheck): ReachEvaluation {
  const connection = reachConnection(cluster, check);
  if (typeof connection === 'string') {
    return {
      route: `${check.from} -> ${check.to} on ${check.port}/${check.protocol}`,
      explanation: [connection],
    };
  }
  const verdict = evaluateConnection(model, connection);
  return {
    connection,
    route: `${describeEndpoint(connection.from)} -> ${describeEndpoint(connection.to)} on ${check.port}/${check.protocol}`,
    verdict,
    explanation: explainVerdict(verdict, connection),
  };
}
