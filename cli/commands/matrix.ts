import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { parsePortProtocol } from '../format.ts';
import { loadManifests } from '../load-manifests.ts';
import { writeCsv, writeJson, writeTables } from './matrix-output.ts';
import type { MatrixView } from './matrix-output.ts';
import { parseLabelSelector } from '../../core/kubectl/index.ts';
import { compileModel, computeMatrix, selectorMatches } from '../../core/netpol/index.ts';
import type { Cluster, Endpoint, LabelSelector, Matrix, PortProtocol } from '../../core/netpol/index.ts';

/** Above this many printed cells the matrix is printed by class unless `--full` is given. */
const FULL_CELL_LIMIT = 250_000;

const help = `Usage: netpol-lab matrix -f FILE [-f FILE…] [--port 80/TCP …] [-l SELECTOR] [-n NS]
                        [--by-class | --full] [-o table|json|csv]

Prints which endpoint may open a connection to which, for each port: every pod, then the external
endpoints. Rows are sources, columns destinations; "." allowed, "X" denied.

Verdicts always come from the whole cluster; -l and -n only choose which pods are printed. A large
matrix (more than ${FULL_CELL_LIMIT.toLocaleString('en-US')} cells) is printed by class unless --full is given: one line for each
group of endpoints that no policy tells apart, with the members listed.

  -f, --file FILE       manifests (repeatable)
      --port P          port or port/protocol, e.g. 80, 53/UDP (repeatable); default: every container
                        port the pods declare (at most 8), or 80/TCP when they declare none
  -l, --selector SEL    print only pods whose labels match (kubectl's syntax: app=web,tier!=db)
  -n, --namespace NS    print only pods in these namespaces (repeatable)
      --by-class        one line per class of endpoints no policy tells apart
      --full            every endpoint, however large the matrix
  -o, --output FORMAT   table (default), json or csv (from,to,port,protocol,verdict)
`;

/** The endpoints to print: every one, or the pods that the selector and namespaces choose. */
function chooseShown(
  matrix: Matrix,
  selector: LabelSelector | undefined,
  namespaces: readonly string[],
): number[] {
  const narrowed = selector !== undefined || namespaces.length > 0;
  const keep = (endpoint: Endpoint): boolean => {
    if (!narrowed) return true;
    if (endpoint.kind !== 'pod') return false;
    if (namespaces.length > 0 && !namespaces.includes(endpoint.pod.namespace)) return false;
    return selector === undefined || selectorMatches(selector, endpoint.pod.labels);
  };
  return matrix.endpoints.flatMap((endpoint, index) => (keep(endpoint) ? [index] : []));
}

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

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      port: { type: 'string', multiple: true },
      selector: { type: 'string', short: 'l' },
      namespace: { type: 'string', short: 'n', multiple: true },
      'by-class': { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o', default: 'table' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!['table', 'json', 'csv'].includes(values.output))
    throw new UsageError(`unknown output "${values.output}"; use table, json or csv`);
  if (values['by-class'] && values.full) throw new UsageError('--by-class and --full exclude each other');
  const requested = (values.port ?? []).map((text) => {
    const parsed = parsePortProtocol(text);
    if (!parsed)
      throw new UsageError(`--port "${text}" is not a port (1-65535) with an optional /TCP, /UDP or /SCTP`);
    return parsed;
  });
  let selector: LabelSelector | undefined;
  if (values.selector !== undefined) {
    const parsed = parseLabelSelector(values.selector);
    if (!parsed.ok) throw new UsageError(`-l "${values.selector}": ${parsed.error}`);
    selector = parsed.selector;
  }
  const parsed = await loadManifests(io, values.file ?? [], { quietInfo: true });
  if (!parsed) return 2;
  const ports = requested.length > 0 ? requested : defaultPorts(parsed.cluster);
  const matrix = computeMatrix(compileModel(parsed.cluster, parsed.policies), ports);
  const shown = chooseShown(matrix, selector, values.namespace ?? []);
  if (shown.length === 0) {
    io.stderr('No pod matches -l/-n: nothing to print. `netpol-lab matrix --help` shows the syntax.\n');
    return 2;
  }
  const cells = shown.length * shown.length * ports.length;
  let byClass = values['by-class'];
  if (!byClass && !values.full && cells > FULL_CELL_LIMIT) {
    byClass = true;
    io.stderr(
      `${shown.length.toLocaleString('en-US')} endpoints on ${ports.length} port(s) make ${cells.toLocaleString('en-US')} cells: ` +
        'printing one line per class of endpoints that no policy tells apart. Narrow it with --port, ' +
        '-l SELECTOR or -n NAMESPACE, or pass --full for every endpoint.\n',
    );
  }
  const view: MatrixView = { matrix, shown, byClass };
  if (values.output === 'json') writeJson(io, view);
  else if (values.output === 'csv') writeCsv(io, view);
  else writeTables(io, view);
  return 0;
}

export const command: CliCommand = {
  name: 'matrix',
  summary: 'Show the reachability matrix of every pod and external endpoint, per port',
  help,
  run,
};
