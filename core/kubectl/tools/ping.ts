/**
 * `ping` inside a pod. Replies come a second apart, so the output appears after the whole run;
 * without `-c` the lab sends 4 (a real ping runs until interrupted). Whether ICMP passes is
 * decided as `network/connect.ts` explains: NetworkPolicy has no ICMP protocol of its own.
 */
import type { Pod } from '../../netpol/types.ts';
import type { ClusterState } from '../types.ts';
import { getopt, secondsToMs } from './getopt.ts';
import type { OptionTable } from './getopt.ts';
import { probeEffect, runProbe, toolUsage } from './probe.ts';
import type { ToolOutput } from './probe.ts';

const OPTIONS: OptionTable = {
  short: {
    c: { name: 'count', value: true },
    W: { name: 'timeout', value: true },
    w: { name: 'deadline', value: true },
    i: { name: 'interval', value: true },
    q: { name: 'quiet', value: false },
    n: { name: 'numeric', value: false },
    '4': { name: 'ipv4', value: false },
  },
  long: {},
};

/** Runs ping from `source`. */
export function runPing(state: ClusterState, source: Pod, args: readonly string[]): ToolOutput {
  const parsed = getopt(args, OPTIONS);
  if (!parsed.ok) return toolUsage(`ping: invalid option -- '${parsed.option.replace(/^-+/, '')}'\n`, 2);
  const host = parsed.operands[0];
  if (host === undefined) return toolUsage('ping: usage error: Destination address required\n', 1);
  const countText = parsed.options.get('count');
  const count =
    typeof countText === 'string' && /^\d+$/.test(countText) && Number(countText) > 0 ? Number(countText) : 4;
  const deadline = secondsToMs(parsed.options.get('deadline'));
  const duration = Math.min(deadline ?? Infinity, count * 1000);
  const run = runProbe(state, source, host, 0, 'ICMP', duration);
  const effect = probeEffect('ping', source, run);
  if (run.phase === 'dns-timeout')
    return {
      stdout: '',
      stderr: `ping: ${host}: Temporary failure in name resolution\n`,
      exitCode: 2,
      delayMs: run.delayMs,
      effect,
    };
  if (run.phase === 'nxdomain')
    return { stdout: '', stderr: `ping: ${host}: Name or service not known\n`, exitCode: 2, effect };
  const shown = run.dns?.answer === undefined ? run.ip : `${host}`;
  const header = `PING ${shown} (${run.ip}) 56(84) bytes of data.\n`;
  const quiet = parsed.options.get('quiet') === true;
  if (run.phase !== 'connected') {
    const sent = Math.max(1, Math.floor(duration / 1000));
    const stdout = `${header}\n--- ${shown} ping statistics ---\n${sent} packets transmitted, 0 received, 100% packet loss, time ${Math.max(0, sent - 1) * 1000 + 27}ms\n\n`;
    return { stdout, stderr: '', exitCode: 1, delayMs: duration, effect };
  }
  const replies = Array.from(
    { length: count },
    (_, index) =>
      `64 bytes from ${run.ip}: icmp_seq=${index + 1} ttl=63 time=0.0${((index * 7 + 61) % 90) + 10} ms\n`,
  ).join('');
  const stdout = `${header}${quiet ? '' : replies}\n--- ${shown} ping statistics ---\n${count} packets transmitted, ${count} received, 0% packet loss, time ${(count - 1) * 1000 + 3}ms\nrtt min/avg/max/mdev = 0.061/0.074/0.089/0.010 ms\n`;
  return { stdout, stderr: '', exitCode: 0, delayMs: (count - 1) * 1000, effect };
}
