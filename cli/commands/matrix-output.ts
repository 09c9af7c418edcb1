/**
 * The printed forms of `netpol-lab matrix`, written a row at a time so that output of any size is
 * streamed rather than built as one string. Each form comes in two shapes: every endpoint, or one
 * line per equivalence class (endpoints no policy tells apart, with the same row and column on every
 * port), which stays small however many pods the cluster holds.
 */
import type { CliIo } from '../command.ts';
import { formatTable, paint } from '../format.ts';
import { describeEndpoint, isAllowed } from '../../core/netpol/index.ts';
import type { Matrix } from '../../core/netpol/index.ts';

function endpointName(matrix: Matrix, index: number): string {
  const endpoint = matrix.endpoints[index];
  return endpoint === undefined ? '' : describeEndpoint(endpoint);
}

/** What is printed: the chosen endpoints (indices into the matrix) as rows and columns. */
export interface MatrixView {
  readonly matrix: Matrix;
  readonly shown: readonly number[];
  /** One line per class instead of one per endpoint. */
  readonly byClass: boolean;
}

/** A group of shown endpoints printed as one: every endpoint alone, or a whole class. */
interface Row {
  readonly label: string;
  readonly members: readonly number[];
}

const CHUNK_LINES = 2_000;

function rowsOf(view: MatrixView): Row[] {
  const names = (index: number) => endpointName(view.matrix, index);
  if (!view.byClass) return view.shown.map((index) => ({ label: names(index), members: [index] }));
  const byClass = new Map<number, number[]>();
  for (const index of view.shown) {
    const id = view.matrix.classOf[index] as number;
    const members = byClass.get(id);
    if (members === undefined) byClass.set(id, [index]);
    else members.push(index);
  }
  return [...byClass.values()].map((members) => {
    const first = names(members[0] as number);
    return {
      label: members.length === 1 ? first : `${first} and ${members.length - 1} like it`,
      members,
    };
  });
}

/**
 * The verdict between two printed rows on one port. Within one class it is the verdict between two
 * different members; a class of one endpoint has no such pair (a pod talking to itself is not
 * decided by policies), so it answers `undefined`.
 */
function verdict(matrix: Matrix, port: number, from: Row, to: Row): boolean | undefined {
  const source = from.members[0] as number;
  if (from !== to || from.members.length === 1) {
    if (from === to) return undefined;
    return isAllowed(matrix, port, source, to.members[0] as number);
  }
  return isAllowed(matrix, port, source, to.members[1] as number);
}

/** Writes lines through `io.stdout` in chunks, never holding more than a chunk. */
function lineWriter(io: CliIo): { line: (text: string) => void; end: () => void } {
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) io.stdout(`${buffer.join('\n')}\n`);
    buffer = [];
  };
  return {
    line(text) {
      buffer.push(text);
      if (buffer.length >= CHUNK_LINES) flush();
    },
    end: flush,
  };
}

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** `from,to,port,protocol,verdict`, one line per pair (per class pair when by class). */
export function writeCsv(io: CliIo, view: MatrixView): void {
  const rows = rowsOf(view);
  const out = lineWriter(io);
  out.line('from,to,port,protocol,verdict');
  view.matrix.ports.forEach((port, portIndex) => {
    for (const from of rows) {
      for (const to of rows) {
        const allowed = verdict(view.matrix, portIndex, from, to);
        // A lone pod to itself: policies never decide it; the full form keeps kubectl's "allow".
        const text = allowed === undefined ? 'allow' : allowed ? 'allow' : 'deny';
        if (allowed === undefined && view.byClass) continue;
        out.line([quote(from.label), quote(to.label), String(port.port), port.protocol, text].join(','));
      }
    }
  });
  out.end();
}

/** JSON with the endpoints (or classes with their members) and a boolean grid per port. */
export function writeJson(io: CliIo, view: MatrixView): void {
  const { matrix } = view;
  const rows = rowsOf(view);
  const describe = (index: number) => {
    const endpoint = matrix.endpoints[index];
    if (endpoint === undefined) return {};
    return endpoint.kind === 'pod'
      ? { ips: endpoint.pod.ips, assigned: endpoint.pod.ipAssigned === true }
      : { ips: [endpoint.ip], assigned: false };
  };
  const name = (index: number) => endpointName(matrix, index);
  io.stdout('{\n');
  if (view.byClass) {
    const classes = rows.map((row) => ({ label: row.label, members: row.members.map(name) }));
    io.stdout(`  "classes": ${JSON.stringify(classes)},\n`);
  } else {
    io.stdout(`  "endpoints": ${JSON.stringify(rows.map((row) => row.label))},\n`);
    // Where each endpoint sits on the network; `assigned` marks an IP the lab chose for a pod whose
    // manifest gives none, since an ipBlock verdict about it would differ on a real cluster.
    io.stdout(`  "addresses": ${JSON.stringify(rows.map((row) => describe(row.members[0] as number)))},\n`);
  }
  io.stdout(`  "ports": ${JSON.stringify(matrix.ports.map((port) => `${port.port}/${port.protocol}`))},\n`);
  io.stdout('  "allowed": {');
  matrix.ports.forEach((port, portIndex) => {
    io.stdout(`${portIndex === 0 ? '' : ','}\n    ${JSON.stringify(`${port.port}/${port.protocol}`)}: [`);
    rows.forEach((from, fromIndex) => {
      const cells = rows.map((to) => {
        const allowed = verdict(matrix, portIndex, from, to);
        return allowed === undefined ? (view.byClass ? null : true) : allowed;
      });
      io.stdout(`${fromIndex === 0 ? '' : ','}\n      ${JSON.stringify(cells)}`);
    });
    io.stdout('\n    ]');
  });
  io.stdout('\n  }\n}\n');
}

/** One table per port: numbered rows and columns, "." allowed, "X" denied, "-" no pair to decide. */
export function writeTables(io: CliIo, view: MatrixView): void {
  const rows = rowsOf(view);
  view.matrix.ports.forEach((port, portIndex) => {
    const header = ['', '', ...rows.map((_, index) => String(index + 1))];
    const body = rows.map((from, fromIndex) => [
      String(fromIndex + 1),
      from.label,
      ...rows.map((to) => {
        const allowed = verdict(view.matrix, portIndex, from, to);
        if (allowed === undefined) return view.byClass ? '-' : paint(io, 'green', '.');
        return allowed ? paint(io, 'green', '.') : paint(io, 'red', 'X');
      }),
    ]);
    const unit = view.byClass ? 'classes' : 'endpoints';
    io.stdout(
      `${portIndex === 0 ? '' : '\n'}${paint(io, 'bold', `${port.port}/${port.protocol}`)}  (rows: from, columns: to by number, ${unit}; . allowed, X denied${view.byClass ? ', - a lone endpoint and itself' : ''})\n${formatTable([header, ...body])}\n`,
    );
  });
  if (view.byClass) {
    io.stdout('\nClasses (endpoints that no policy tells apart):\n');
    const name = (index: number) => endpointName(view.matrix, index);
    const out = lineWriter(io);
    rows.forEach((row, index) => out.line(`  ${index + 1}. ${row.members.map(name).join(', ')}`));
    out.end();
  }
}
