import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { paint } from '../format.ts';
import { loadManifests } from '../load-manifests.ts';
import {
  compileModel,
  evaluateConnection,
  explainVerdict,
  resolveEndpoint,
  PROTOCOLS,
} from '../../core/netpol/index.ts';
import type { Protocol } from '../../core/netpol/index.ts';

const help = `Usage: netpol-lab explain -f FILE [-f FILE…] --from A --to B --port N [--protocol P]

Explains one connection: which policies isolate each side, which rule allowed it, or why each rule did not.

  -f, --file FILE     manifests (repeatable)
      --from A        namespace/pod, an IP address
      --to B          namespace/pod, an IP address
      --port N        destination port, 1-65535
      --protocol P    TCP (default), UDP or SCTP

Exit status: 0 when the input is valid (whatever the verdict), 2 when it is not.
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      protocol: { type: 'string', default: 'TCP' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.from || !values.to) throw new UsageError('give both --from and --to (namespace/pod or an IP)');
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError('give --port as a number from 1 to 65535');
  const protocol = values.protocol.toUpperCase() as Protocol;
  if (!PROTOCOLS.includes(protocol))
    throw new UsageError(`protocol "${values.protocol}" is not TCP, UDP or SCTP`);
  const parsed = await loadManifests(io, values.file ?? [], { quietInfo: true });
  if (!parsed) return 2;
  const from = resolveEndpoint(parsed.cluster, values.from);
  const to = resolveEndpoint(parsed.cluster, values.to);
  if (!from.ok || !to.ok) {
    if (!from.ok) io.stderr(`--from: ${from.error}\n`);
    if (!to.ok) io.stderr(`--to: ${to.error}\n`);
    return 2;
  }
  const connection = { from: from.endpoint, to: to.endpoint, port, protocol };
  const verdict = evaluateConnection(compileModel(parsed.cluster, parsed.policies), connection);
  const lines = explainVerdict(verdict, connection);
  const [headline = '', ...rest] = lines;
  for (const note of [from, to].map((resolution) => resolution.note).filter(Boolean))
    io.stdout(`${paint(io, 'dim', `(${note})`)}\n`);
  io.stdout(
    `${paint(io, verdict.allowed ? 'green' : 'red', headline)}\n${rest.join('\n')}${rest.length > 0 ? '\n' : ''}`,
  );
  return 0;
}

export const command: CliCommand = {
  name: 'explain',
  summary: 'Explain one connection: the allowing rule, or why no rule matched',
  help,
  run,
};
