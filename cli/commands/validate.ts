import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { loadManifests } from '../load-manifests.ts';

const help = `Usage: netpol-lab validate -f FILE [-f FILE…]

Validates manifests as the API server would with strict field validation: every problem is printed as
file:line:col with the field path. Kinds other than Namespace, Pod, workloads and NetworkPolicy are skipped
with a note.

Exit status: 0 when everything is valid, 2 when anything is not.
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { file: { type: 'string', short: 'f', multiple: true } },
    strict: true,
    allowPositionals: false,
  });
  const parsed = await loadManifests(io, values.file ?? []);
  if (!parsed) return 2;
  const pods = parsed.cluster.pods.length;
  const policies = parsed.policies.length;
  const namespaces = parsed.cluster.namespaces.filter((namespace) => !namespace.implicit).length;
  io.stdout(
    `valid: ${policies} NetworkPolic${policies === 1 ? 'y' : 'ies'}, ${pods} pod${pods === 1 ? '' : 's'}, ${namespaces} namespace${namespaces === 1 ? '' : 's'} declared\n`,
  );
  return 0;
}

export const command: CliCommand = {
  name: 'validate',
  summary: 'Validate manifests as the API server would (strict), with line:col for each problem',
  help,
  run,
};
