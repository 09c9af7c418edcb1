/**
 * `nslookup NAME` inside a pod (BusyBox's output): the lookup is a UDP 53 connection to kube-dns,
 * so it times out when a policy denies it. Also `cat /etc/resolv.conf` and `hostname`, which
 * show what a pod's resolver is told.
 */
import type { Pod } from '../../netpol/types.ts';
import { CLUSTER_DOMAIN } from '../objects/cluster-facts.ts';
import { lookup, nameserverOf } from '../network/dns.ts';
import type { ClusterState } from '../types.ts';
import { DNS_GIVE_UP_MS, literalIp, toolUsage } from './probe.ts';
import type { ToolOutput } from './probe.ts';

/** Runs nslookup from `source`. */
export function runNslookup(state: ClusterState, source: Pod, args: readonly string[]): ToolOutput {
  const name = args.find((arg) => !arg.startsWith('-'));
  if (name === undefined)
    return toolUsage(
      'BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n',
      1,
    );
  const server = nameserverOf(state).ip;
  const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (literalIp(name) !== undefined)
    return {
      stdout: `${head}** server can't find ${name}.in-addr.arpa: NXDOMAIN\n\n`,
      stderr: '',
      exitCode: 1,
    };
  const answer = lookup(state, source, name);
  const effect = {
    kind: 'probe' as const,
    tool: 'nslookup' as const,
    from: { namespace: source.namespace, pod: source.name },
    outcome:
      answer.status === 'answer'
        ? ('connected' as const)
        : answer.status === 'nxdomain'
          ? ('no-such-host' as const)
          : ('dns-timed-out' as const),
    allowed: answer.status !== 'timed-out',
    dns: answer.dns,
    explanation:
      answer.status === 'answer' ? [`${name} is ${answer.ip} (${answer.fqdn})`] : answer.explanation,
  };
  if (answer.status === 'timed-out') {
    return {
      stdout: ';; connection timed out; no servers could be reached\n\n',
      stderr: '',
      exitCode: 1,
      delayMs: DNS_GIVE_UP_MS,
      effect,
    };
  }
  if (answer.status === 'nxdomain')
    return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, stderr: '', exitCode: 1, effect };
  return {
    stdout: `${head}Name:\t${answer.fqdn}\nAddress: ${answer.ip}\n\n`,
    stderr: '',
    exitCode: 0,
    effect,
  };
}

/** `cat FILE` for the few files a probe session looks at. */
export function runCat(state: ClusterState, source: Pod, args: readonly string[]): ToolOutput {
  const outputs = args.map((path) => {
    if (path === '/etc/resolv.conf') {
      return `search ${source.namespace}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${nameserverOf(state).ip}\noptions ndots:5\n`;
    }
    if (path === '/etc/hostname') return `${source.name}\n`;
    if (path === '/etc/hosts') {
      return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${source.ips[0] ?? ''}\t${source.name}\n`;
    }
    return undefined;
  });
  const missing = args.filter((_, index) => outputs[index] === undefined);
  return {
    stdout: outputs.filter((text) => text !== undefined).join(''),
    stderr: missing.map((path) => `cat: can't open '${path}': No such file or directory\n`).join(''),
    exitCode: missing.length > 0 ? 1 : 0,
  };
}
