/**
 * Validates a NetworkPolicy document the way the API server does with strict field validation, and
 * turns a valid one into the engine's normalised model. Every problem is reported (not just the
 * first), each naming the object, the field path and the line:column.
 */
import type {
  Diagnostic,
  Direction,
  IPBlock,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Protocol,
} from '../types.ts';
import { PROTOCOLS } from '../types.ts';
import { cidrIsStrictSubset, parseCidr } from '../ip.ts';
import { checkDns1123Label, checkDns1123Subdomain, checkPortText, describeObject } from './object-names.ts';
import {
  ObjectReporter,
  asList,
  asMap,
  asString,
  emptyIfNull,
  field,
  invalidType,
  invalidValue,
  itemMap,
  shown,
  unsupportedValue,
} from './object-reporter.ts';
import { checkFields } from './policy-fields.ts';
import { readLabelMap, readSelector } from './validate-selector.ts';
import { entryOf } from './yaml-source.ts';
import type { YamlMap, YamlValue } from './yaml-source.ts';

/**
 * What is wrong with a written CIDR, as one reason; `undefined` when it parses. The API server parses
 * CIDRs with Go's net.ParseCIDR, which refuses any space around them.
 */
function cidrProblem(text: string): string | undefined {
  if (text !== text.trim()) return 'not a valid CIDR (remove the spaces around it)';
  if (parseCidr(text) !== undefined) return undefined;
  return text.includes('/')
    ? 'not a valid CIDR'
    : 'not a valid CIDR (a CIDR needs a prefix length, like 10.0.0.5/32)';
}

function readIpBlock(report: ObjectReporter, value: YamlValue, path: string): IPBlock | undefined {
  const map = asMap(report, value, path);
  if (map === undefined) return undefined;
  const unknown = checkFields(report, map, 'ipBlock', path);
  const cidrValue = field(map, 'cidr');
  const cidr = asString(report, cidrValue, `${path}.cidr`);
  if (cidrValue === undefined && unknown > 0) return undefined; // a misspelt `cidr` has its error already
  if (cidrValue === undefined || cidr === '') {
    report.error(
      'policy.required',
      `${path}.cidr`,
      cidrValue?.position ?? map.position,
      'Required value: a CIDR such as 10.0.0.0/16',
    );
    return undefined;
  }
  const cidrWrong = cidr === undefined ? undefined : cidrProblem(cidr);
  const parsed = cidr === undefined || cidrWrong !== undefined ? undefined : parseCidr(cidr);
  if (cidrWrong !== undefined) invalidValue(report, `${path}.cidr`, cidrValue, cidrWrong);
  const except: string[] = [];
  asList(report, field(map, 'except'), `${path}.except`)?.items.forEach((item, index) => {
    const itemPath = `${path}.except[${index}]`;
    const text = asString(report, emptyIfNull(item), itemPath);
    if (text === undefined) return;
    const exceptWrong = cidrProblem(text);
    const exceptParsed = exceptWrong === undefined ? parseCidr(text) : undefined;
    if (exceptWrong !== undefined) invalidValue(report, itemPath, item, exceptWrong);
    else if (
      exceptParsed !== undefined &&
      parsed !== undefined &&
      !cidrIsStrictSubset(exceptParsed, parsed)
    ) {
      invalidValue(
        report,
        itemPath,
        item,
        `must be strictly inside cidr ${parsed.text} (a narrower range within it)`,
      );
    }
    except.push(text.trim());
  });
  return cidr === undefined ? undefined : { cidr: cidr.trim(), except };
}

function readPeer(report: ObjectReporter, item: YamlValue, path: string): NetworkPolicyPeer | undefined {
  const map = itemMap(report, item, path);
  if (map === undefined) return undefined;
  const unknown = checkFields(report, map, 'peer', path);
  const podValue = field(map, 'podSelector');
  const namespaceValue = field(map, 'namespaceSelector');
  const ipBlockValue = field(map, 'ipBlock');
  const podSelector =
    podValue === undefined ? undefined : readSelector(report, podValue, `${path}.podSelector`);
  const namespaceSelector =
    namespaceValue === undefined
      ? undefined
      : readSelector(report, namespaceValue, `${path}.namespaceSelector`);
  const ipBlock =
    ipBlockValue === undefined ? undefined : readIpBlock(report, ipBlockValue, `${path}.ipBlock`);
  const count = [podValue, namespaceValue, ipBlockValue].filter((value) => value !== undefined).length;
  if (count === 0 && unknown > 0) {
    // A misspelt or misplaced field already has its error; "a peer needs …" would say it again.
  } else if (count === 0) {
    const nulls = ['podSelector', 'namespaceSelector', 'ipBlock'].filter(
      (key) => entryOf(map, key) !== undefined,
    );
    const hint =
      nulls.length > 0
        ? ` (${nulls[0]} is empty; write ${nulls[0]}: {} to mean "all")`
        : ' ({} is not a peer; omit "from"/"to" to allow every peer)';
    report.error(
      'policy.required',
      path,
      map.position,
      `Required value: a peer needs podSelector, namespaceSelector or ipBlock${hint}`,
    );
  } else if (count > 1 && ipBlockValue !== undefined) {
    report.error(
      'policy.forbidden',
      path,
      map.position,
      'Forbidden: may not specify both ipBlock and another peer (use separate list items)',
    );
  }
  return {
    ...(podSelector === undefined ? {} : { podSelector }),
    ...(namespaceSelector === undefined ? {} : { namespaceSelector }),
    ...(ipBlock === undefined ? {} : { ipBlock }),
    position: map.position,
  };
}

/** A hexadecimal number as text, `0x50`: a valid port name that reads like a number. */
const HEX_NUMBER = /^0x[0-9a-f]+$/;

function validPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

function readPort(report: ObjectReporter, item: YamlValue, path: string): NetworkPolicyPort | undefined {
  const map = itemMap(report, item, path);
  if (map === undefined) return undefined;
  checkFields(report, map, 'port', path);
  let protocol: Protocol = 'TCP';
  const protocolValue = field(map, 'protocol');
  const protocolText = asString(report, protocolValue, `${path}.protocol`);
  if (protocolValue !== undefined && protocolText !== undefined) {
    const known = PROTOCOLS.find((candidate) => candidate === protocolText);
    if (known === undefined) unsupportedValue(report, `${path}.protocol`, protocolValue, PROTOCOLS);
    else protocol = known;
  }
  const portValue = field(map, 'port');
  const endPortValue = field(map, 'endPort');
  let port: number | string | undefined;
  if (portValue !== undefined) {
    if (
      portValue.kind === 'scalar' &&
      typeof portValue.value === 'number' &&
      Number.isInteger(portValue.value)
    ) {
      port = portValue.value;
      if (!validPortNumber(port))
        invalidValue(report, `${path}.port`, portValue, 'must be between 1 and 65535');
    } else if (portValue.kind === 'scalar' && typeof portValue.value === 'string') {
      port = portValue.value;
      const problem = checkPortText(port);
      if (problem !== undefined) invalidValue(report, `${path}.port`, portValue, problem);
      else if (HEX_NUMBER.test(port) && validPortNumber(Number(port))) {
        // The API server takes "0x50" as a port name (it has a letter); the learner likely meant 80.
        report.add(
          'policy.port-name-like-number',
          'warning',
          `${path}.port`,
          portValue.position,
          `${shown(portValue)} is read as a port name, not the number ${Number(port)}: ports are decimal numbers without quotes (write ${Number(port)} if you meant the number)`,
        );
      }
    } else invalidType(report, `${path}.port`, portValue, 'a port number or a port name');
  }
  let endPort: number | undefined;
  if (endPortValue !== undefined) {
    if (
      endPortValue.kind !== 'scalar' ||
      typeof endPortValue.value !== 'number' ||
      !Number.isInteger(endPortValue.value)
    ) {
      invalidType(report, `${path}.endPort`, endPortValue, 'an integer');
    } else {
      endPort = endPortValue.value;
      // One problem per value: the first that applies, from the range itself to how it pairs with port.
      if (!validPortNumber(endPort))
        invalidValue(report, `${path}.endPort`, endPortValue, 'must be between 1 and 65535');
      else if (portValue === undefined)
        invalidValue(report, `${path}.endPort`, endPortValue, 'needs a numeric "port" to start the range');
      else if (typeof port === 'string')
        invalidValue(report, `${path}.endPort`, endPortValue, 'cannot be used with a named port');
      else if (typeof port === 'number' && endPort < port) {
        invalidValue(
          report,
          `${path}.endPort`,
          endPortValue,
          `must be greater than or equal to port (${port})`,
        );
      }
    }
  }
  return {
    protocol,
    ...(port === undefined ? {} : { port }),
    ...(endPort === undefined ? {} : { endPort }),
    position: map.position,
  };
}

// ---------------------------------------------------------------------------------------------
// Rules and the whole policy

function readRule(
  report: ObjectReporter,
  item: YamlValue,
  direction: Direction,
  path: string,
): NetworkPolicyRule | undefined {
  const map = itemMap(report, item, path);
  if (map === undefined) return undefined;
  const peerKey = direction === 'Ingress' ? 'from' : 'to';
  checkFields(report, map, direction === 'Ingress' ? 'ingress' : 'egress', path);
  const peersList = asList(report, field(map, peerKey), `${path}.${peerKey}`);
  const portsList = asList(report, field(map, 'ports'), `${path}.ports`);
  const peers = peersList?.items.map((peer, index) => readPeer(report, peer, `${path}.${peerKey}[${index}]`));
  const ports = portsList?.items.map((port, index) => readPort(report, port, `${path}.ports[${index}]`));
  return {
    ...(peers === undefined ? {} : { peers: peers.filter((peer) => peer !== undefined) }),
    ...(ports === undefined ? {} : { ports: ports.filter((port) => port !== undefined) }),
    position: map.position,
  };
}

function readRules(report: ObjectReporter, spec: YamlMap, direction: Direction): NetworkPolicyRule[] {
  const key = direction === 'Ingress' ? 'ingress' : 'egress';
  const list = asList(report, field(spec, key), `spec.${key}`);
  const rules: NetworkPolicyRule[] = [];
  list?.items.forEach((item, index) => {
    const rule = readRule(report, item, direction, `spec.${key}[${index}]`);
    if (rule !== undefined) rules.push(rule);
  });
  return rules;
}

function readPolicyTypes(report: ObjectReporter, spec: YamlMap): Direction[] {
  const value = field(spec, 'policyTypes');
  const list = asList(report, value, 'spec.policyTypes');
  const types: Direction[] = [];
  if (list === undefined) return types;
  if (list.items.length > 2)
    invalidValue(report, 'spec.policyTypes', list, 'at most two entries (Ingress and Egress)');
  list.items.forEach((item, index) => {
    const text = asString(report, item, `spec.policyTypes[${index}]`);
    if (text === undefined) return;
    if (text !== 'Ingress' && text !== 'Egress')
      unsupportedValue(report, `spec.policyTypes[${index}]`, item, ['Ingress', 'Egress']);
    else if (!types.includes(text)) types.push(text);
  });
  return types;
}

/** What validating one NetworkPolicy document produced. `policy` is set only when it had no errors. */
export interface PolicyValidation {
  readonly policy?: NetworkPolicy;
  readonly diagnostics: readonly Diagnostic[];
  /** The identity read from metadata, for duplicate detection even when invalid. */
  readonly namespace: string;
  readonly name?: string;
}

const API_VERSION = 'networking.k8s.io/v1';

/**
 * Validates one NetworkPolicy object (the mapping of a document or a `List` item) and normalises it:
 * selectors with both parts, `policyTypes` defaulted (Ingress always; Egress iff `spec.egress` has a
 * rule) unless written, `peers`/`ports` undefined when absent and `[]` when empty, protocol TCP.
 */
export function validateNetworkPolicy(document: YamlMap, source: string): PolicyValidation {
  const metadata = field(document, 'metadata');
  const metadataMap = metadata?.kind === 'map' ? metadata : undefined;
  const nameValue = metadataMap === undefined ? undefined : field(metadataMap, 'name');
  const namespaceValue = metadataMap === undefined ? undefined : field(metadataMap, 'namespace');
  const rawName =
    nameValue?.kind === 'scalar' && typeof nameValue.value === 'string' ? nameValue.value : undefined;
  const rawNamespace =
    namespaceValue?.kind === 'scalar' &&
    typeof namespaceValue.value === 'string' &&
    namespaceValue.value !== ''
      ? namespaceValue.value
      : undefined;
  const namespace = rawNamespace ?? 'default';
  const report = new ObjectReporter(describeObject('NetworkPolicy', namespace, rawName), source);
  checkFields(report, document, 'top', '');
  const apiVersion = field(document, 'apiVersion');
  if (apiVersion === undefined) {
    report.error(
      'policy.required',
      'apiVersion',
      document.position,
      `Required value: write apiVersion: ${API_VERSION}`,
    );
  } else if (apiVersion.kind !== 'scalar' || apiVersion.value !== API_VERSION) {
    report.error(
      'manifest.api-version',
      'apiVersion',
      apiVersion.position,
      `Invalid value: ${shown(apiVersion)}: NetworkPolicy is served as ${API_VERSION}`,
    );
  }

  const metadataChecked = asMap(report, metadata, 'metadata');
  if (metadata === undefined)
    report.error('policy.required', 'metadata', document.position, 'Required value: metadata with a name');
  if (metadataChecked !== undefined) {
    checkFields(report, metadataChecked, 'metadata', 'metadata');
    const name = asString(report, nameValue, 'metadata.name');
    if (nameValue === undefined || name === '') {
      report.error(
        'policy.required',
        'metadata.name',
        nameValue?.position ?? metadataChecked.position,
        'Required value: a name',
      );
    } else if (name !== undefined) {
      invalidValue(report, 'metadata.name', nameValue, checkDns1123Subdomain(name));
    }
    const namespaceText = asString(report, namespaceValue, 'metadata.namespace');
    if (namespaceText !== undefined && namespaceValue !== undefined && namespaceText !== '') {
      invalidValue(report, 'metadata.namespace', namespaceValue, checkDns1123Label(namespaceText));
    }
    readLabelMap(report, field(metadataChecked, 'labels'), 'metadata.labels');
  }

  const specValue = field(document, 'spec');
  const spec = asMap(report, specValue, 'spec') ?? {
    kind: 'map' as const,
    entries: [],
    position: document.position,
  };
  if (specValue === undefined) {
    report.add(
      'policy.no-spec',
      'warning',
      'spec',
      document.position,
      'no spec: the policy selects every pod and denies all their ingress',
    );
  }
  checkFields(report, spec, 'spec', 'spec');
  const podSelectorValue = field(spec, 'podSelector');
  // A mis-cased `podselector` already has its own error; warning about the absence too would be noise.
  const misspelt = spec.entries.some((entry) => entry.key.toLowerCase() === 'podselector');
  if (specValue !== undefined && podSelectorValue === undefined && !misspelt) {
    report.add(
      'policy.no-pod-selector',
      'warning',
      'spec.podSelector',
      spec.position,
      'no podSelector: the policy selects every pod in its namespace (write podSelector: {} to say so)',
    );
  }
  const podSelector = readSelector(report, podSelectorValue, 'spec.podSelector');
  const writtenTypes = readPolicyTypes(report, spec);
  const ingress = readRules(report, spec, 'Ingress');
  const egress = readRules(report, spec, 'Egress');
  const policyTypesExplicit = writtenTypes.length > 0;
  const policyTypes: Direction[] = policyTypesExplicit
    ? (['Ingress', 'Egress'] as const).filter((type) => writtenTypes.includes(type))
    : egress.length > 0
      ? ['Ingress', 'Egress']
      : ['Ingress'];

  const identity = { namespace, ...(rawName === undefined ? {} : { name: rawName }) };
  if (report.errorCount > 0 || podSelector === undefined || rawName === undefined) {
    return { diagnostics: report.diagnostics, ...identity };
  }
  const policy: NetworkPolicy = {
    namespace,
    name: rawName,
    podSelector,
    policyTypes,
    policyTypesExplicit,
    ingress,
    egress,
    ...(rawNamespace === undefined ? { namespaceDefaulted: true } : {}),
    position: document.position,
    source,
  };
  return { policy, diagnostics: report.diagnostics, ...identity };
}
