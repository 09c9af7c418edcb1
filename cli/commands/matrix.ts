import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatTable, paint, parsePortProtocol } from '../format.ts';
import { loadManifests } from '../load-manifests.ts';
import { compileModel, describeEndpoint, computeMatrix, isAllowed } from '../../core/netpol/index.ts';
import type { Matrix, Cluster, PortProtocol } from '../../core/netpol/index.ts';

const help = `Usage: netpol-lab matrix -f FILE [-f FILE…] [--port 80/TCP …] [-o table|json|csv]

Prints which endpoint may open a connection to which, for each port: every pod, then the external
endpoints. Rows are sources, columns destinations; "." allowed, "X" denied.

  -f, --file FILE       manifests (repeatable)
      --port P          port or port/protocol, e.g. 80, 53/UDP (repeatable); default: every container
                        port the pods declare (at most 8), or 80/TCP when they declare none
  -o, --output FORMAT   table (default), json or csv (from,to,port,protocol,verdict)
`;

/** The ports a matrix shows by default: what the pods actually listen on. */
function defaultPorts(cluster: Cluster): PortProtocol[] {
  const seen = new Map<string, PortProtocol>();
  for (const pod of cluster.pods)
    for (const port of pod.ports)
      seen.set(`${port.port}/${port.protocol}`, { port: port.port, protocol: port.protocol });
  const ports = [...seen.values()]
    .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol))
    .slice(0, 8);
  return ports.length > 0 ? ports : [{ port: 80, protocol: 'TCP' }];
}

function toJson(matrix: Matrix): unknown {
  const names = matrix.endpoints.map(describeEndpoint);
  return {
    endpoints: names,
    // Where each endpoint sits on the network; `assigned` marks an IP the lab chose for a pod whose
    // manifest gives none, since an ipBlock verdict about it would differ on a real cluster.
    addresses: matrix.endpoints.map((endpoint) =>
      endpoint.kind === 'pod'
        ? { ips: endpoint.pod.ips, assigned: endpoint.pod.ipAssigned === true }
        : { ips: [endpoint.ip], assigned: false },
    ),
    ports: matrix.ports.map((port) => `${port.port}/${port.protocol}`),
    allowed: Object.fromEntries(
      matrix.ports.map((port, portIndex) => [
        `${port.port}/${port.protocol}`,
        names.map((_, from) => names.map((__, to) => isAllowed(matrix, portIndex, from, to))),
      ]),
    ),
  };
}

function toCsv(matrix: Matrix): string {
  const names = matrix.endpoints.map(describeEndpoint);
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = ['from,to,port,protocol,verdict'];
  matrix.ports.forEach((port, portIndex) => {
    names.forEach((from, fromIndex) => {
      names.forEach((to, toIndex) => {
        const verdict = isAllowed(matrix, portIndex, fromIndex, toIndex) ? 'allow' : 'deny';
        lines.push([quote(from), quote(to), String(port.port), port.protocol, verdict].join(','));
      });
    });
  });
  return `${lines.join('\n')}\n`;
}

function toTables(io: CliIo, matrix: Matrix): string {
  const names = matrix.endpoints.map(describeEndpoint);
  const blocks = matrix.ports.map((port, portIndex) => {
    const header = ['', '', ...names.map((_, index) => String(index + 1))];
    const rows = names.map((name, from) => [
      String(from + 1),
      name,
      ...names.map((_, to) =>
        isAllowed(matrix, portIndex, from, to) ? paint(io, 'green', '.') : paint(io, 'red', 'X'),
      ),
    ]);
    return `${paint(io, 'bold', `${port.port}/${port.protocol}`)}  (rows: from, columns: to by number; . allowed, X denied)\n${formatTable([header, ...rows])}`;
  });
  return `${blocks.join('\n\n')}\n`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      port: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o', default: 'table' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!['table', 'json', 'csv'].includes(values.output))
    throw new UsageError(`unknown output "${values.output}"; use table, json or csv`);
  const requested = (values.port ?? []).map((text) => {
    const parsed = parsePortProtocol(text);
    if (!parsed)
      throw new UsageError(`--port "${text}" is not a port (1-65535) with an optional /TCP, /UDP or /SCTP`);
    return parsed;
  });
  const parsed = await loadManifests(io, values.file ?? [], { quietInfo: true });
  if (!parsed) return 2;
  const ports = requested.length > 0 ? requested : defaultPorts(parsed.cluster);
  const matrix = computeMatrix(compileModel(parsed.cluster, parsed.policies), ports);
  if (values.output === 'json') io.stdout(`${JSON.stringify(toJson(matrix), null, 2)}\n`);
  else if (values.output === 'csv') io.stdout(toCsv(matrix));
  else io.stdout(toTables(io, matrix));
  return 0;
}

export const command: CliCommand = {
  name: 'matrix',
  summary: 'Show the reachability matrix of every pod and external endpoint, per port',
  help,
  run,
};
