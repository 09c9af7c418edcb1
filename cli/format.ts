import { stripVTControlCharacters, styleText } from 'node:util';
import type { CliIo } from './command.ts';
import type { Diagnostic } from '../core/netpol/index.ts';

type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'dim' | 'bold';

/** Colours text only on a terminal (and never when NO_COLOR is set; see processIo). */
export function paint(io: CliIo, style: Style, text: string): string {
  return io.isTty ? styleText(style, text) : text;
}

/** `file:line:col: error: message`, the form editors and terminals make clickable. */
export function formatDiagnostic(io: CliIo, diagnostic: Diagnostic): string {
  const where = [diagnostic.source, diagnostic.position?.line, diagnostic.position?.column]
    .filter((part) => part !== undefined)
    .join(':');
  const style: Style =
    diagnostic.severity === 'error' ? 'red' : diagnostic.severity === 'warning' ? 'yellow' : 'cyan';
  const prefix = where === '' ? '' : `${where}: `;
  return `${prefix}${paint(io, style, diagnostic.severity)}: ${diagnostic.message} [${diagnostic.id}]`;
}

/**
 * A plain text table: columns padded to their widest cell, cells clipped with `…` so the whole table fits
 * `maxWidth`. The first row is the header.
 */
export function formatTable(rows: readonly (readonly string[])[], maxWidth = Infinity): string {
  if (rows.length === 0) return '';
  const columnCount = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  const gap = 2;
  let total = widths.reduce((sum, width) => sum + width, 0) + gap * (columnCount - 1);
  // Shrink the widest column first until the table fits (never below 6 characters).
  while (total > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= 6) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total -= 1;
  }
  return rows
    .map((row) =>
      widths
        .map((width, column) => pad(clip(row[column] ?? '', width), width))
        .join(' '.repeat(gap))
        .trimEnd(),
    )
    .join('\n');
}

function visibleLength(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/** Clips to `width` visible characters; coloured cells are short verdict words and are never clipped. */
function clip(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  const characters = [...stripVTControlCharacters(text)];
  return `${characters.slice(0, width - 1).join('')}…`;
}

/** Parses `80`, `80/TCP`, `53/udp` into a port and protocol; undefined when malformed. */
export function parsePortProtocol(
  text: string,
): { port: number; protocol: 'TCP' | 'UDP' | 'SCTP' } | undefined {
  const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[1]);
  if (port < 1 || port > 65535) return undefined;
  const protocol = (match[2] ?? 'TCP').toUpperCase() as 'TCP' | 'UDP' | 'SCTP';
  return { port, protocol };
}
