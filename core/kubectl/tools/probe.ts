/**
 * What every network tool does first: resolve the host (a lookup is a connection to kube-dns,
 * decided by the engine), then open the connection, and time it all the way a real client would:
 * a dropped packet is a wait until the tool's timeout, a refusal is immediate.
 */
import { canonicalIp, isValidIp } from '../../netpol/ip.ts';
import type { Pod, Protocol } from '../../netpol/types.ts';
import { connect, ping } from '../network/connect.ts';
import type { ConnectResult } from '../network/connect.ts';
import { lookup } from '../network/dns.ts';
import type { ClusterState, KubectlResult, ProbeEffect, ProbeOutcome } from '../types.ts';

/**
 * How long a tool waits when no timeout is given. A real client waits about two minutes for a TCP
 * connection whose packets are dropped; the lab waits 10 s so a session is never stuck (Ctrl+C
 * still interrupts), and the tools' messages say how long they waited.
 */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** How long the resolver tries before giving up, when the tool has no shorter timeout. */
export const DNS_GIVE_UP_MS = 10_000;

export type ProbeRun =
  | {
      readonly phase: 'dns-timeout';
      readonly delayMs: number;
      readonly dns: NonNullable<ProbeEffect['dns']>;
      readonly explanation: readonly string[];
    }
  | {
      readonly phase: 'nxdomain';
      readonly dns: NonNullable<ProbeEffect['dns']>;
      readonly explanation: readonly string[];
    }
  | {
      readonly phase: 'connected' | 'refused' | 'timed-out';
      readonly ip: string;
      readonly delayMs: number;
      readonly dns?: NonNullable<ProbeEffect['dns']>;
      readonly result: ConnectResult;
    };

/** The host part as an address, if it is one (`[::1]` too). */
export function literalIp(host: string): string | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isValidIp(bare) ? canonicalIp(bare) : undefined;
}

/** Resolves `host` and connects; `protocol: 'ICMP'` pings instead. */
export function runProbe(
  state: ClusterState,
  source: Pod,
  host: string,
  port: number,
  protocol: Protocol | 'ICMP',
  timeoutMs: number,
): ProbeRun {
  let ip = literalIp(host);
  let dns: NonNullable<ProbeEffect['dns']> | undefined;
  if (ip === undefined) {
    const answer = lookup(state, source, host);
    dns = answer.dns;
    if (answer.status === 'timed-out') {
      return {
        phase: 'dns-timeout',
        delayMs: Math.min(timeoutMs, DNS_GIVE_UP_MS),
        dns,
        explanation: answer.explanation,
      };
    }
    if (answer.status === 'nxdomain') return { phase: 'nxdomain', dns, explanation: answer.explanation };
    ip = answer.ip;
  }
  const result = protocol === 'ICMP' ? ping(state, source, ip) : connect(state, source, ip, port, protocol);
  return {
    phase: result.outcome,
    ip,
    delayMs: result.outcome === 'timed-out' ? timeoutMs : 0,
    ...(dns === undefined ? {} : { dns }),
    result,
  };
}

/** The probe effect for a run, with the tool's name and outcome. */
export function probeEffect(tool: ProbeEffect['tool'], source: Pod, run: ProbeRun): ProbeEffect {
  const outcome: ProbeOutcome =
    run.phase === 'dns-timeout' ? 'dns-timed-out' : run.phase === 'nxdomain' ? 'no-such-host' : run.phase;
  const explanation =
    run.phase === 'dns-timeout' || run.phase === 'nxdomain' ? run.explanation : run.result.explanation;
  return {
    kind: 'probe',
    tool,
    from: { namespace: source.namespace, pod: source.name },
    outcome,
    allowed: run.phase === 'connected',
    ...(run.dns === undefined ? {} : { dns: run.dns }),
    ...(run.phase === 'dns-timeout' || run.phase === 'nxdomain'
      ? {}
      : {
          target: run.result.target,
          ...(run.result.verdict === undefined ? {} : { verdict: run.result.verdict }),
        }),
    explanation,
  };
}

/** What a tool printed and how it ended. */
export interface ToolOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly delayMs?: number;
  readonly effect?: ProbeEffect;
}

/** A tool's usage error: no connection was attempted. */
export function toolUsage(stderr: string, exitCode: number): ToolOutput {
  return { stdout: '', stderr, exitCode };
}

/** Runs a tool's output through kubectl exec: a non-zero exit is reported as kubectl reports it. */
export function asExecResult(state: ClusterState, output: ToolOutput): KubectlResult {
  const terminated = output.exitCode === 0 ? '' : `command terminated with exit code ${output.exitCode}\n`;
  return {
    stdout: output.stdout,
    stderr: output.stderr + terminated,
    exitCode: output.exitCode,
    state,
    ...(output.delayMs === undefined || output.delayMs === 0 ? {} : { delayMs: output.delayMs }),
    ...(output.effect === undefined ? {} : { effects: [output.effect] }),
  };
}
