import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { paint } from '../format.ts';
import { loadManifests } from '../load-manifests.ts';
import { diffPolicies } from '../../core/netpol/index.ts';
import type { DiffResult, NetworkPolicy } from '../../core/netpol/index.ts';

const help = `Usage: netpol-lab diff -f CLUSTER [-f CLUSTER…] --old A.yaml --new B.yaml [-o text|json]

Compares two sets of NetworkPolicies on one cluster over every new connection: every pod to every
pod, pods to and from every address outside the cluster (IPv4 and IPv6), every port of TCP, UDP and
SCTP. Nothing is sampled: the space is cut into regions that no policy of either side tells apart,
and each region is decided once. Regions whose verdict changed are merged into readable lines, each
with the engine's explanation of one connection under the old and the new policies.

  -f, --file CLUSTER   manifests with the cluster (namespaces, pods, workloads); policies in them
                       are in force on both sides
      --old FILE       the old policies (a policy with the same namespace/name as one in the
                       cluster files replaces it, as kubectl apply would)
      --new FILE       the new policies, likewise
  -o, --output text|json   report format (default text)

Exit status: 0 when both sides decide every connection alike, 1 when they differ, 2 bad input.
`;

function applyOver(base: readonly NetworkPolicy[], changes: readonly NetworkPolicy[]): NetworkPolicy[] {
  const key = (policy: NetworkPolicy): string => `${policy.namespace}/${policy.name}`;
  const replaced = new Set(changes.map(key));
  return [...base.filter((policy) => !replaced.has(key(policy))), ...changes];
}

function textReport(io: CliIo, result: DiffResult): string {
  if (result.same)
    return `${paint(io, 'green', 'SAME')}: both sides decide all ${result.cellsCompared} regions of the connection space alike\n`;
  const lines: string[] = [];
  for (const line of result.lines) {
    lines.push(`${paint(io, 'red', 'CHANGED')}  ${line.text}`);
    lines.push('    Old:');
    for (const text of line.leftExplanation) lines.push(`      ${text}`);
    lines.push('    New:');
    for (const text of line.rightExplanation) lines.push(`      ${text}`);
    lines.push('');
  }
  lines.push(
    `${result.lines.length} ${result.lines.length === 1 ? 'change' : 'changes'}: ${result.cellsDiffering} of ${result.cellsCompared} regions decide differently`,
  );
  return `${lines.join('\n')}\n`;
}

function jsonReport(result: DiffResult): string {
  return `${JSON.stringify(
    {
      same: result.same,
      regionsCompared: result.cellsCompared,
      regionsDiffering: result.cellsDiffering,
      changes: result.lines.map((line) => ({
        text: line.text,
        from: line.from,
        to: line.to,
        ports: line.ports,
        old: line.left,
        new: line.right,
        example: {
          from:
            line.example.from.kind === 'pod'
              ? `${line.example.from.pod.namespace}/${line.example.from.pod.name}`
              : line.example.from.ip,
          to:
            line.example.to.kind === 'pod'
              ? `${line.example.to.pod.namespace}/${line.example.to.pod.name}`
              : line.example.to.ip,
          port: line.example.port,
          protocol: line.example.protocol,
        },
        oldExplanation: line.leftExplanation,
        newExplanation: line.rightExplanation,
      })),
    },
    null,
    2,
  )}\n`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      old: { type: 'string' },
      new: { type: 'string' },
      output: { type: 'string', short: 'o', default: 'text' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.output !== 'text' && values.output !== 'json')
    throw new UsageError(`unknown output "${values.output}"; use text or json`);
  if (values.old === undefined || values.new === undefined)
    throw new UsageError('give both sides: --old A.yaml --new B.yaml');
  const cluster = await loadManifests(io, values.file ?? [], { quietInfo: true });
  if (!cluster) return 2;
  const sides: NetworkPolicy[][] = [];
  for (const file of [values.old, values.new]) {
    const parsed = await loadManifests(io, [file], { quietInfo: true });
    if (!parsed) return 2;
    const others =
      parsed.cluster.pods.length + parsed.cluster.namespaces.filter((item) => item.implicit !== true).length;
    if (others > 0)
      io.stderr(`${file}: only its NetworkPolicies are compared; the cluster comes from the -f files\n`);
    sides.push(applyOver(cluster.policies, parsed.policies));
  }
  const result = diffPolicies(cluster.cluster, sides[0] ?? [], sides[1] ?? []);
  io.stdout(values.output === 'json' ? jsonReport(result) : textReport(io, result));
  return result.same ? 0 : 1;
}

export const command: CliCommand = {
  name: 'diff',
  summary: 'Compare two policy sets over every connection (exit 0 same, 1 different)',
  help,
  run,
};
