/**
 * The shape of one conformance case file (see README.md in this folder) and a strict reader for it.
 * A malformed case throws an Error whose message names the file and the field, so a typo in the data
 * fails loudly instead of silently testing less.
 */
import { parse } from 'yaml';
import type { PortProtocol, Protocol } from '../../core/netpol/types.ts';

/** An address outside the cluster, as a case lists it. */
export interface CaseExternal {
  readonly name: string;
  readonly ip: string;
}

/** Expected verdicts for one port: `allowed[row][column]`, rows and columns in `labels` order. */
export interface TruthTable {
  readonly labels: readonly string[];
  readonly allowed: readonly (readonly boolean[])[];
}

/** What one side of a probed connection must report. Only the fields written are checked. */
export interface SideExpectation {
  readonly allowed?: boolean;
  readonly reason?: string;
  readonly allowedBy?: {
    readonly policy: string;
    readonly rule: number;
    readonly peer?: number;
    readonly port?: number;
  };
  /** `namespace/name` of every policy isolating this side, in any order. */
  readonly policies?: readonly string[];
}

/** One connection whose explanation is checked, beyond the bare verdict of the tables. */
export interface Probe {
  readonly from: string;
  readonly to: string;
  readonly port: PortProtocol;
  readonly allowed: boolean;
  readonly self?: boolean;
  readonly egress?: SideExpectation;
  readonly ingress?: SideExpectation;
}

export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly manifests: string;
  readonly externals: readonly CaseExternal[];
  readonly ports: readonly PortProtocol[];
  /** One table per port, keyed by the port's `80/TCP` text. */
  readonly expect: ReadonlyMap<string, TruthTable>;
  readonly probes: readonly Probe[];
}

const CASE_KEYS = ['name', 'description', 'manifests', 'externals', 'ports', 'expect', 'probes'];
const PROBE_KEYS = ['from', 'to', 'port', 'allowed', 'self', 'egress', 'ingress'];
const SIDE_KEYS = ['allowed', 'reason', 'allowedBy', 'policies'];
const ALLOWED_BY_KEYS = ['policy', 'rule', 'peer', 'port'];
const REASONS = ['not-a-pod', 'not-isolated', 'allowed', 'no-rule-matched'];

/** The `80/TCP` text of a port. */
export function portText(port: PortProtocol): string {
  return `${port.port}/${port.protocol}`;
}

/** Reads `80/TCP`, `53/UDP`, `3868/SCTP`; the protocol is required so the table keys stay explicit. */
export function parsePortText(text: string, where: string): PortProtocol {
  const match = /^(\d{1,5})\/(TCP|UDP|SCTP)$/.exec(text.trim());
  const number = match === null ? NaN : Number(match[1]);
  if (match === null || number < 1 || number > 65535) {
    throw new Error(`${where}: "${text}" is not a port like 80/TCP (1-65535, TCP, UDP or SCTP)`);
  }
  return { port: number, protocol: match[2] as Protocol };
}

/**
 * Reads a table written as
 *   from \ to   x/a  x/b
 *   x/a         .    X
 * `.` is allowed, `X` denied. Columns must repeat the rows in the same order.
 */
export function parseTruthTable(text: string, where: string): TruthTable {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const header = lines[0];
  const headerMatch = header === undefined ? null : /^from\s*\\\s*to\s+(.*)$/.exec(header);
  if (headerMatch === null) {
    throw new Error(`${where}: the first line must be the header "from \\ to" followed by the column names`);
  }
  const labels = (headerMatch[1] as string).split(/\s+/);
  const duplicate = labels.find((label, index) => labels.indexOf(label) !== index);
  if (duplicate !== undefined) throw new Error(`${where}: column "${duplicate}" appears twice`);
  const rows = lines.slice(1);
  if (rows.length !== labels.length) {
    throw new Error(`${where}: ${labels.length} columns but ${rows.length} rows; the table must be square`);
  }
  const allowed = rows.map((row, rowIndex) => {
    const [label, ...cells] = row.split(/\s+/);
    if (label !== labels[rowIndex]) {
      throw new Error(
        `${where}: row ${rowIndex + 1} is "${label}" but column ${rowIndex + 1} is "${labels[rowIndex]}"; rows must follow the column order`,
      );
    }
    if (cells.length !== labels.length) {
      throw new Error(`${where}: row "${label}" has ${cells.length} cells, expected ${labels.length}`);
    }
    return cells.map((cell, columnIndex) => {
      if (cell === '.') return true;
      if (cell === 'X') return false;
      throw new Error(
        `${where}: row "${label}", column "${labels[columnIndex]}": "${cell}" is neither "." (allowed) nor "X" (denied)`,
      );
    });
  });
  return { labels, allowed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key))
      throw new Error(`${where}: unknown field "${key}" (known: ${known.join(', ')})`);
  }
}

function requireString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`${where}: required, a non-empty string`);
  return value;
}

function optionalBoolean(value: unknown, where: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new Error(`${where}: must be true or false`);
  return value;
}

function optionalIndex(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`${where}: must be a whole number, 0 or more`);
  }
  return value;
}

function readSide(value: unknown, where: string): SideExpectation | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new Error(`${where}: must be a mapping`);
  checkKeys(value, SIDE_KEYS, where);
  const side: {
    allowed?: boolean;
    reason?: string;
    allowedBy?: SideExpectation['allowedBy'];
    policies?: string[];
  } = {};
  const allowed = optionalBoolean(value.allowed, `${where}.allowed`);
  if (allowed !== undefined) side.allowed = allowed;
  if (value.reason !== undefined) {
    const reason = requireString(value.reason, `${where}.reason`);
    if (!REASONS.includes(reason))
      throw new Error(`${where}.reason: "${reason}" is not one of ${REASONS.join(', ')}`);
    side.reason = reason;
  }
  if (value.allowedBy !== undefined) {
    const by = value.allowedBy;
    if (!isRecord(by)) throw new Error(`${where}.allowedBy: must be a mapping {policy, rule}`);
    checkKeys(by, ALLOWED_BY_KEYS, `${where}.allowedBy`);
    const policy = requireString(by.policy, `${where}.allowedBy.policy`);
    if (!policy.includes('/')) throw new Error(`${where}.allowedBy.policy: write namespace/name`);
    const rule = optionalIndex(by.rule, `${where}.allowedBy.rule`);
    if (rule === undefined) throw new Error(`${where}.allowedBy.rule: required`);
    const peer = optionalIndex(by.peer, `${where}.allowedBy.peer`);
    const port = optionalIndex(by.port, `${where}.allowedBy.port`);
    side.allowedBy = {
      policy,
      rule,
      ...(peer === undefined ? {} : { peer }),
      ...(port === undefined ? {} : { port }),
    };
  }
  if (value.policies !== undefined) {
    if (!Array.isArray(value.policies))
      throw new Error(`${where}.policies: must be a list of namespace/name`);
    side.policies = value.policies.map((item, index) => requireString(item, `${where}.policies[${index}]`));
  }
  return side;
}

function readProbe(value: unknown, where: string): Probe {
  if (!isRecord(value)) throw new Error(`${where}: must be a mapping`);
  checkKeys(value, PROBE_KEYS, where);
  const allowed = optionalBoolean(value.allowed, `${where}.allowed`);
  if (allowed === undefined) throw new Error(`${where}.allowed: required`);
  const self = optionalBoolean(value.self, `${where}.self`);
  const egress = readSide(value.egress, `${where}.egress`);
  const ingress = readSide(value.ingress, `${where}.ingress`);
  return {
    from: requireString(value.from, `${where}.from`),
    to: requireString(value.to, `${where}.to`),
    port: parsePortText(requireString(value.port, `${where}.port`), `${where}.port`),
    allowed,
    ...(self === undefined ? {} : { self }),
    ...(egress === undefined ? {} : { egress }),
    ...(ingress === undefined ? {} : { ingress }),
  };
}

function readExternals(value: unknown, where: string): CaseExternal[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: must be a list of {name, ip}`);
  return value.map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(item)) throw new Error(`${at}: must be a mapping {name, ip}`);
    checkKeys(item, ['name', 'ip'], at);
    const name = requireString(item.name, `${at}.name`);
    if (name.includes('/')) throw new Error(`${at}.name: must not contain "/" (that is how pods are named)`);
    return { name, ip: requireString(item.ip, `${at}.ip`) };
  });
}

/**
 * Reads one case file's text. Checks the shape only; whether the tables name exactly the cluster's
 * endpoints is checked by the runner once the manifests are parsed.
 */
export function readCase(text: string, file: string): ConformanceCase {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (!isRecord(document)) throw new Error(`${file}: a case file must be a mapping`);
  checkKeys(document, CASE_KEYS, file);
  const name = requireString(document.name, `${file}: name`);
  const description = requireString(document.description, `${file}: description`);
  const manifests = requireString(document.manifests, `${file}: manifests`);
  const externals = readExternals(document.externals, `${file}: externals`);
  if (!Array.isArray(document.ports) || document.ports.length === 0) {
    throw new Error(`${file}: ports: required, a non-empty list like [80/TCP]`);
  }
  const ports = document.ports.map((port, index) => parsePortText(String(port), `${file}: ports[${index}]`));
  const portTexts = ports.map(portText);
  const repeated = portTexts.find((port, index) => portTexts.indexOf(port) !== index);
  if (repeated !== undefined) throw new Error(`${file}: ports: ${repeated} is listed twice`);
  if (!isRecord(document.expect)) throw new Error(`${file}: expect: required, one table per port`);
  const expect = new Map<string, TruthTable>();
  for (const [key, table] of Object.entries(document.expect)) {
    // One table may serve several ports: `80/TCP, 443/TCP: |`.
    const keyPorts = key
      .split(',')
      .map((part) => portText(parsePortText(part, `${file}: expect key "${key}"`)));
    const parsed = parseTruthTable(requireString(table, `${file}: expect.${key}`), `${file}: expect.${key}`);
    for (const port of keyPorts) {
      if (!portTexts.includes(port))
        throw new Error(`${file}: expect: ${port} has a table but is not in ports`);
      if (expect.has(port)) throw new Error(`${file}: expect: ${port} has two tables`);
      expect.set(port, parsed);
    }
  }
  const missing = portTexts.find((port) => !expect.has(port));
  if (missing !== undefined) throw new Error(`${file}: expect: no table for port ${missing}`);
  if (document.probes !== undefined && !Array.isArray(document.probes)) {
    throw new Error(`${file}: probes: must be a list`);
  }
  const probes = (document.probes ?? []).map((probe: unknown, index: number) =>
    readProbe(probe, `${file}: probes[${index}]`),
  );
  for (const probe of probes) {
    if (!portTexts.includes(portText(probe.port))) {
      // Probes are explanations of cells of the tables, so their port must have a table.
      throw new Error(
        `${file}: probe ${probe.from} -> ${probe.to}: port ${portText(probe.port)} is not in ports`,
      );
    }
  }
  return { file, name, description, manifests, externals, ports, expect, probes };
}
