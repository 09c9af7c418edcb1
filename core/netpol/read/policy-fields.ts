/**
 * Strict field validation for NetworkPolicy objects (like `kubectl apply --validate=strict`), with
 * hints for the classic mistakes: wrong case, `to` under ingress, labels straight under a selector.
 */
import type { ObjectReporter } from './object-reporter.ts';
import type { YamlMap } from './yaml-source.ts';
import { editDistance } from '../edit-distance.ts';
import { clipText } from './shown-text.ts';

/** Where in a NetworkPolicy a mapping sits, which decides its allowed fields. */
export type Context =
  | 'top'
  | 'metadata'
  | 'spec'
  | 'ingress'
  | 'egress'
  | 'peer'
  | 'ipBlock'
  | 'port'
  | 'selector'
  | 'requirement';

const FIELDS: Readonly<Record<Context, readonly string[]>> = {
  top: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  metadata: [
    'name',
    'namespace',
    'labels',
    'annotations',
    'generateName',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'ownerReferences',
    'finalizers',
    'managedFields',
    'selfLink',
  ],
  spec: ['podSelector', 'policyTypes', 'ingress', 'egress'],
  ingress: ['from', 'ports'],
  egress: ['to', 'ports'],
  peer: ['podSelector', 'namespaceSelector', 'ipBlock'],
  ipBlock: ['cidr', 'except'],
  port: ['protocol', 'port', 'endPort'],
  selector: ['matchLabels', 'matchExpressions'],
  requirement: ['key', 'operator', 'values'],
};

/** Where a field that does not belong here probably belongs, keyed by context then field. */
const MISPLACED: Partial<Record<Context, Readonly<Record<string, string>>>> = {
  top: {
    podSelector: 'it belongs under "spec" (check the indentation)',
    ingress: 'it belongs under "spec" (check the indentation)',
    egress: 'it belongs under "spec" (check the indentation)',
    policyTypes: 'it belongs under "spec" (check the indentation)',
    name: 'it belongs under "metadata"',
    namespace: 'it belongs under "metadata"',
  },
  spec: {
    from: 'peers go inside an ingress rule: ingress: [{from: [...]}]',
    to: 'peers go inside an egress rule: egress: [{to: [...]}]',
    ports: 'ports go inside a rule: ingress: [{ports: [...]}]',
    namespaceSelector: 'namespaceSelector is a peer: put it in a rule\'s "from" or "to" list',
  },
  ingress: {
    to: 'ingress rules use "from" ("to" belongs to egress rules)',
    podSelector: 'a peer goes in the "from" list: from: [{podSelector: …}]',
    namespaceSelector: 'a peer goes in the "from" list: from: [{namespaceSelector: …}]',
    ipBlock: 'a peer goes in the "from" list: from: [{ipBlock: …}]',
    port: 'ports go in the "ports" list: ports: [{port: …}]',
    protocol: 'ports go in the "ports" list: ports: [{protocol: …}]',
  },
  egress: {
    from: 'egress rules use "to" ("from" belongs to ingress rules)',
    podSelector: 'a peer goes in the "to" list: to: [{podSelector: …}]',
    namespaceSelector: 'a peer goes in the "to" list: to: [{namespaceSelector: …}]',
    ipBlock: 'a peer goes in the "to" list: to: [{ipBlock: …}]',
    port: 'ports go in the "ports" list: ports: [{port: …}]',
    protocol: 'ports go in the "ports" list: ports: [{protocol: …}]',
  },
  peer: {
    cidr: 'it belongs under "ipBlock": ipBlock: {cidr: …}',
    except: 'it belongs under "ipBlock"',
    matchLabels: 'it belongs under "podSelector" or "namespaceSelector"',
    matchExpressions: 'it belongs under "podSelector" or "namespaceSelector"',
    ports: 'ports belong to the rule, next to "from"/"to", not inside a peer',
  },
};

function unknownFieldHint(context: Context, key: string): string {
  const hints = MISPLACED[context];
  const misplaced = hints !== undefined && Object.hasOwn(hints, key) ? hints[key] : undefined;
  if (misplaced !== undefined) return `: ${misplaced}`;
  const allowed = FIELDS[context];
  const sameCase = allowed.find((field) => field.toLowerCase() === key.toLowerCase());
  if (sameCase !== undefined) return `: did you mean "${sameCase}"? field names are case-sensitive`;
  const close = allowed.find(
    (field) => key.length > 2 && editDistance(field.toLowerCase(), key.toLowerCase()) <= 2,
  );
  if (close !== undefined) return `: did you mean "${close}"?`;
  if (context === 'selector')
    return `: labels go under "matchLabels", like matchLabels: {${clipText(key)}: …}`;
  return `: allowed fields here are ${allowed.map((field) => `"${field}"`).join(', ')}`;
}

/**
 * Reports every field of `map` not allowed in `context`, with a hint where one helps; returns how
 * many there were, so a caller can leave out a "Required value" the misspelt field already explains.
 */
export function checkFields(report: ObjectReporter, map: YamlMap, context: Context, path: string): number {
  const allowed = FIELDS[context];
  let unknown = 0;
  for (const entry of map.entries) {
    if (allowed.includes(entry.key)) continue;
    unknown++;
    const key = clipText(entry.key);
    const fieldPath = path === '' ? key : `${path}.${key}`;
    report.error(
      'manifest.unknown-field',
      fieldPath,
      entry.keyPosition,
      `Unknown field${unknownFieldHint(context, entry.key)}`,
    );
  }
  return unknown;
}
