/**
 * Reads `checks` and resolves what they name against the exercise's cluster: a reach check's ends
 * must be pods, externals or IPs, and a policy check's `selects` must list pods that exist.
 */
import type { Cluster, Direction } from '../netpol/types.ts';
import { PROTOCOLS } from '../netpol/types.ts';
import { resolveEndpoint } from '../netpol/endpoints.ts';
import type { YamlValue } from '../netpol/read/yaml-source.ts';
import { entryOf } from '../netpol/read/yaml-source.ts';
import type { Check, Expectation } from './types.ts';
import type { FieldReader } from './field-reader.ts';
import { DNS_LABEL, DNS_SUBDOMAIN, KEBAB_CASE, join } from './field-reader.ts';

const COMMON_KEYS = ['id', 'type', 'explain', 'informational', 'weight'];
const KEYS: Record<Check['type'], readonly string[]> = {
  reach: [...COMMON_KEYS, 'from', 'to', 'port', 'protocol', 'expect'],
  policy: [...COMMON_KEYS, 'namespace', 'name', 'policyTypes', 'selects'],
  'policy-count': [...COMMON_KEYS, 'count'],
};
const CHECK_TYPES = Object.keys(KEYS) as Check['type'][];
const EXPECTATIONS: readonly Expectation[] = ['allow', 'deny'];
const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];

/** Reads one check; `undefined` (with diagnostics) when it is unusable. */
export function readCheck(reader: FieldReader, value: YamlValue, path: string): Check | undefined {
  const map = reader.asMap(value, path);
  if (map === undefined) return undefined;
  const type = reader.choice(map, 'type', path, true, CHECK_TYPES);
  reader.checkKeys(map, path, type === undefined ? [...new Set(Object.values(KEYS).flat())] : KEYS[type]);
  const id = reader.text(map, 'id', path, true, {
    pattern: KEBAB_CASE,
    patternHint: 'a check id is kebab-case (lowercase words joined by "-")',
    maxLength: 100,
  });
  const explain = reader.text(map, 'explain', path, false);
  const informational = reader.boolean(map, 'informational', path) ?? false;
  const weight = reader.integer(map, 'weight', path, false, { minimum: 1, maximum: 100 }) ?? 1;
  if (type === undefined || id === undefined) return undefined;
  const base = {
    id,
    ...(explain === undefined ? {} : { explain }),
    informational,
    weight,
    position: map.position,
  };
  if (type === 'reach') {
    const from = reader.text(map, 'from', path, true);
    const to = reader.text(map, 'to', path, true);
    const port = reader.integer(map, 'port', path, true, { minimum: 1, maximum: 65535 });
    const protocol = reader.choice(map, 'protocol', path, false, PROTOCOLS) ?? 'TCP';
    const expect = reader.choice(map, 'expect', path, true, EXPECTATIONS);
    if (from === undefined || to === undefined || port === undefined || expect === undefined)
      return undefined;
    return { ...base, type, from, to, port, protocol, expect };
  }
  if (type === 'policy') {
    const namespace =
      reader.text(map, 'namespace', path, false, { pattern: DNS_LABEL, maxLength: 63 }) ?? 'default';
    const name = reader.text(map, 'name', path, true, { pattern: DNS_SUBDOMAIN, maxLength: 253 });
    const policyTypes = reader.list(map, 'policyTypes', path, false, (item, itemPath) =>
      reader.choiceValue(item, itemPath, DIRECTIONS),
    );
    const selects = reader.list(map, 'selects', path, false, (item, itemPath) =>
      reader.textValue(item, itemPath),
    );
    if (policyTypes !== undefined && new Set(policyTypes).size !== policyTypes.length) {
      reader.error(
        'duplicate',
        join(path, 'policyTypes'),
        'Duplicate value: list each type once',
        entryOf(map, 'policyTypes')?.value.position,
      );
    }
    if (name === undefined) return undefined;
    return {
      ...base,
      type,
      namespace,
      name,
      ...(policyTypes === undefined ? {} : { policyTypes }),
      ...(selects === undefined ? {} : { selects }),
    };
  }
  const count = reader.integer(map, 'count', path, true, { minimum: 0, maximum: 100 });
  if (count === undefined) return undefined;
  return { ...base, type, count };
}

/** Checks what checks name against the cluster, and that ids are unique. */
export function resolveChecks(reader: FieldReader, checks: readonly Check[], cluster: Cluster): void {
  const seen = new Set<string>();
  checks.forEach((check, index) => {
    const path = `checks[${index}]`;
    if (seen.has(check.id)) {
      reader.error(
        'duplicate',
        join(path, 'id'),
        `Duplicate value: ${JSON.stringify(check.id)}: check ids are unique within an exercise`,
        check.position,
      );
    }
    seen.add(check.id);
    if (check.type === 'reach') {
      for (const side of ['from', 'to'] as const) {
        const resolution = resolveEndpoint(cluster, check[side]);
        if (!resolution.ok)
          reader.error(
            'unknown-endpoint',
            join(path, side),
            `Not found: ${resolution.error}`,
            check.position,
          );
      }
    }
    if (check.type === 'policy') {
      for (const [selectIndex, reference] of (check.selects ?? []).entries()) {
        const resolution = resolveEndpoint(cluster, reference);
        if (!resolution.ok || resolution.endpoint.kind !== 'pod') {
          reader.error(
            'unknown-endpoint',
            `${path}.selects[${selectIndex}]`,
            `Not found: ${JSON.stringify(reference)} is not a pod of the cluster (write namespace/pod)`,
            check.position,
          );
        } else if (resolution.endpoint.pod.namespace !== check.namespace) {
          reader.error(
            'invalid-value',
            `${path}.selects[${selectIndex}]`,
            `Invalid value: ${JSON.stringify(reference)}: a podSelector only selects pods of the policy's namespace ${JSON.stringify(check.namespace)}`,
            check.position,
          );
        }
      }
    }
  });
}
