import { parseArgs } from 'node:util';
import { LineCounter, parseDocument, isSeq, isMap, isNode } from 'yaml';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatTable, paint } from '../format.ts';
import { loadManifests, readTextFile } from '../load-manifests.ts';
import {
  compileModel,
  evaluateConnection,
  describeEndpoint,
  explainVerdict,
  summarizeVerdict,
  resolveEndpoint,
  PROTOCOLS,
} from '../../core/netpol/index.ts';
import type { Cluster, Connection, Protocol, Verdict } from '../../core/netpol/index.ts';

interface ProbeSpec {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly where: string;
}

/** One probe's result as printed by `-o json`. */
export interface ProbeResult {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly verdict: 'allow' | 'deny';
  readonly selfConnection: boolean;
  readonly explanation: readonly string[];
  /** The reason in one line: which rule allowed each side, or which side refused. */
  readonly why: string;
  readonly egress: Verdict['egress'];
  readonly ingress: Verdict['ingress'];
}

const help = `Usage: netpol-lab probe -f FILE [-f FILE…] --probes PROBES.yaml [-o json|table]

Answers, for each probe, whether the connection is allowed and why.

  -f, --file FILE       manifests: Namespaces, Pods, workloads, NetworkPolicies (repeatable)
  -p, --probes FILE     a YAML list of probes: {from, to, port, protocol}
                        from/to: namespace/pod or an IP address; protocol defaults to TCP
  -o, --output FORMAT   table (default) or json (stdout holds only a JSON array, in probe order)

Exit status: 0 when the input is valid, 2 when it is not (diagnostics on stderr).

Example probes file:
  - { from: prod/api, to: prod/db, port: 3306 }
  - { from: 192.168.99.10, to: prod/db, port: 3306, protocol: TCP }
`;

/** Reads and checks a probes file; every problem carries line:col. */
export function parseProbes(text: string, source: string): { probes: ProbeSpec[]; errors: string[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const errors: string[] = [];
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${source}:${line}:${col}`;
  };
  for (const error of document.errors) errors.push(`${at(error.pos[0])}: ${error.message.split('\n')[0]}`);
  if (errors.length > 0) return { probes: [], errors };
  const root = document.contents;
  if (root === null)
    return {
      probes: [],
      errors: [`${source}:1:1: the probes file is empty; write a YAML list of {from, to, port, protocol}`],
    };
  if (!isSeq(root))
    return {
      probes: [],
      errors: [`${at(root.range?.[0])}: the probes file must be a YAML list of {from, to, port, protocol}`],
    };
  const probes: ProbeSpec[] = [];
  root.items.forEach((item, index) => {
    const where = at(isNode(item) ? item.range?.[0] : undefined);
    if (!isMap(item)) {
      errors.push(
        `${where}: probe ${index + 1} must be a mapping with from, to, port and optionally protocol`,
      );
      return;
    }
    const value = item.toJS(document, { maxAliasCount: 50 }) as Record<string, unknown>;
    const unknown = Object.keys(value).filter((key) => !['from', 'to', 'port', 'protocol'].includes(key));
    if (unknown.length > 0)
      errors.push(
        `${where}: probe ${index + 1}: unknown field ${unknown.map((key) => `"${key}"`).join(', ')} (allowed: from, to, port, protocol)`,
      );
    const { from, to, port } = value;
    const protocol = value['protocol'] === undefined ? 'TCP' : String(value['protocol']).toUpperCase();
    if (typeof from !== 'string' && typeof from !== 'number')
      errors.push(`${where}: probe ${index + 1}: "from" is required (namespace/pod or an IP)`);
    if (typeof to !== 'string' && typeof to !== 'number')
      errors.push(`${where}: probe ${index + 1}: "to" is required (namespace/pod or an IP)`);
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      errors.push(`${where}: probe ${index + 1}: "port" must be a number from 1 to 65535`);
    if (!PROTOCOLS.includes(protocol as Protocol))
      errors.push(
        `${where}: probe ${index + 1}: protocol "${String(value['protocol'])}" is not TCP, UDP or SCTP`,
      );
    if (errors.length === 0)
      probes.push({
        from: String(from),
        to: String(to),
        port: port as number,
        protocol: protocol as Protocol,
        where,
      });
  });
  return { probes, errors };
}

function resolveProbes(
  cluster: Cluster,
  probes: readonly ProbeSpec[],
): { connections: Connection[]; errors: string[] } {
  const connections: Connection[] = [];
  const errors: string[] = [];
  for (const probe of probes) {
    const from = resolveEndpoint(cluster, probe.from);
    const to = resolveEndpoint(cluster, probe.to);
    if (!from.ok) errors.push(`${probe.where}: from: ${from.error}`);
    if (!to.ok) errors.push(`${probe.where}: to: ${to.error}`);
    if (from.ok && to.ok)
      connections.push({ from: from.endpoint, to: to.endpoint, port: probe.port, protocol: probe.protocol });
  }
  return { connections, errors };
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      probes: { type: 'string', short: 'p' },
      output: { type: 'string', short: 'o', default: 'table' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.output !== 'json' && values.output !== 'table')
    throw new UsageError(`unknown output "${values.output}"; use json or table`);
  if (!values.probes) throw new UsageError('give the probes with --probes PROBES.yaml');
  const parsed = await loadManifests(io, values.file ?? [], { quietInfo: values.output === 'json' });
  const probeText = await readTextFile(io, values.probes);
  if (!parsed) return 2;
  const { probes, errors } = parseProbes(probeText, values.probes);
  const resolved = resolveProbes(parsed.cluster, probes);
  const problems = [...errors, ...resolved.errors];
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`${problem}\n`);
    return 2;
  }
  const model = compileModel(parsed.cluster, parsed.policies);
  const results: ProbeResult[] = resolved.connections.map((connection) => {
    const verdict = evaluateConnection(model, connection);
    return {
      from: describeEndpoint(connection.from),
      to: describeEndpoint(connection.to),
      port: connection.port,
      protocol: connection.protocol,
      verdict: verdict.allowed ? 'allow' : 'deny',
      selfConnection: verdict.selfConnection,
      explanation: explainVerdict(verdict, connection),
      why: summarizeVerdict(verdict),
      egress: verdict.egress,
      ingress: verdict.ingress,
    };
  });
  if (values.output === 'json') {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return 0;
  }
  const rows = [
    ['FROM', 'TO', 'PORT', 'VERDICT', 'WHY'],
    ...results.map((result) => [
      result.from,
      result.to,
      `${result.port}/${result.protocol}`,
      result.verdict === 'allow' ? paint(io, 'green', 'allow') : paint(io, 'red', 'deny'),
      result.why,
    ]),
  ];
  io.stdout(`${formatTable(rows, io.isTty ? io.columns : Infinity)}\n`);
  return 0;
}

export const command: CliCommand = {
  name: 'probe',
  summary: 'Check listed connections against the policies, with the reason for each verdict',
  help,
  run,
};
