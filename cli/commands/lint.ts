import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatDiagnostic } from '../format.ts';
import { loadManifests } from '../load-manifests.ts';
import { lintPolicies } from '../../core/netpol/index.ts';

const help = `Usage: netpol-lab lint -f FILE [-f FILE…] [-o text|json]

Finds likely mistakes in valid policies: selectors that match nothing, AND/OR look-alikes, missing
policyTypes, egress isolation that blocks DNS, undefined named ports, ipBlocks aimed at pods, and more.
Each finding has a stable id (lint.*).

Exit status: 0 when the input is valid (findings are advice), 2 when it is not.
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o', default: 'text' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.output !== 'text' && values.output !== 'json')
    throw new UsageError(`unknown output "${values.output}"; use text or json`);
  const parsed = await loadManifests(io, values.file ?? [], { quietInfo: true });
  if (!parsed) return 2;
  const findings = lintPolicies(parsed.cluster, parsed.policies);
  if (values.output === 'json') {
    io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    return 0;
  }
  for (const finding of findings) io.stdout(`${formatDiagnostic(io, finding)}\n`);
  const warnings = findings.filter((finding) => finding.severity !== 'info').length;
  io.stdout(
    `${findings.length} finding${findings.length === 1 ? '' : 's'} (${warnings} warning${warnings === 1 ? '' : 's'})\n`,
  );
  return 0;
}

export const command: CliCommand = {
  name: 'lint',
  summary: 'Point out likely mistakes in valid policies (stable lint.* ids)',
  help,
  run,
};
