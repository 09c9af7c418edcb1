/**
 * `nc` (netcat, OpenBSD flavour) inside a pod: `nc -zv -w 2 host port` checks that a connection
 * opens. `-u` probes UDP; the lab treats the target as answering, so an allowed UDP probe
 * succeeds and a denied one times out (a real `nc -u` cannot tell a dropped packet from silence).
 */
import type { Pod } from '../../netpol/types.ts';
import type { ClusterState } from '../types.ts';
import { getopt, secondsToMs } from './getopt.ts';
import type { OptionTable } from './getopt.ts';
import { DEFAULT_TIMEOUT_MS, probeEffect, runProbe, toolUsage } from './probe.ts';
import type { ToolOutput } from './probe.ts';

const OPTIONS: OptionTable = {
  short: {
    z: { name: 'zero', value: false },
    v: { name: 'verbose', value: false },
    u: { name: 'udp', value: false },
    n: { name: 'numeric', value: false },
    w: { name: 'wait', value: true },
    '4': { name: 'ipv4', value: false },
    '6': { name: 'ipv6', value: false },
  },
  long: {},
};

const USAGE =
  'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

/** Runs nc from `source`. */
export function runNc(state: ClusterState, source: Pod, args: readonly string[]): ToolOutput {
  const parsed = getopt(args, OPTIONS);
  if (!parsed.ok)
    return toolUsage(`nc: invalid option -- '${parsed.option.replace(/^-+/, '')}'\n${USAGE}`, 1);
  const [host, portText] = parsed.operands;
  if (host === undefined || portText === undefined) return toolUsage(USAGE, 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    return toolUsage(`nc: port number invalid: ${portText}\n`, 1);
  const udp = parsed.options.get('udp') === true;
  const verbose = parsed.options.get('verbose') === true;
  const protocol = udp ? 'UDP' : 'TCP';
  const lower = protocol.toLowerCase();
  const run = runProbe(
    state,
    source,
    host,
    port,
    protocol,
    secondsToMs(parsed.options.get('wait')) ?? DEFAULT_TIMEOUT_MS,
  );
  const effect = probeEffect('nc', source, run);
  const say = (text: string): string => (verbose ? `${text}\n` : '');
  if (run.phase === 'dns-timeout') {
    return {
      stdout: '',
      stderr: `nc: getaddrinfo for host "${host}" port ${port}: Temporary failure in name resolution\n`,
      exitCode: 1,
      delayMs: run.delayMs,
      effect,
    };
  }
  if (run.phase === 'nxdomain')
    return {
      stdout: '',
      stderr: `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`,
      exitCode: 1,
      effect,
    };
  const name = host === run.ip ? run.ip : `${host} (${run.ip})`;
  if (run.phase === 'refused')
    return {
      stdout: '',
      stderr: say(`nc: connect to ${name} port ${port} (${lower}) failed: Connection refused`),
      exitCode: 1,
      effect,
    };
  if (run.phase === 'timed-out') {
    return {
      stdout: '',
      stderr: say(`nc: connect to ${name} port ${port} (${lower}) timed out: Operation now in progress`),
      exitCode: 1,
      delayMs: run.delayMs,
      effect,
    };
  }
  return {
    stdout: '',
    stderr: say(`Connection to ${name} ${port} port [${lower}/*] succeeded!`),
    exitCode: 0,
    effect,
  };
}
