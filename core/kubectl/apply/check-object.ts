/**
 * The API server's side of receiving one object: strict decoding (unknown fields, wrong types are
 * a 400 BadRequest) and validation (a 422 Invalid with every cause), done by the engine's readers,
 * then the object as it would be stored — a draft the writer turns into a stored object.
 */
import type {
  ContainerPort,
  Diagnostic,
  Labels,
  NetworkPolicy,
  Protocol,
  ServicePort,
} from '../../netpol/types.ts';
import { PROTOCOLS } from '../../netpol/types.ts';
import { validateNetworkPolicy } from '../../netpol/read/validate-policy.ts';
import { readNamespace, readPod, readWorkload } from '../../netpol/read/read-workloads.ts';
import { readService } from '../../netpol/read/read-service.ts';
import { canonicalIp, isValidIp } from '../../netpol/ip.ts';
import { policySpecJson, strippedPolicy } from '../objects/policy-spec.ts';
import { defaultImage } from '../objects/cluster-facts.ts';
import type { Json, JsonObject } from '../text/object-output.ts';
import type { Container, WorkloadKind } from '../types.ts';
import type { ManifestObject } from './read-manifest.ts';

/** The kind-specific part of an object about to be stored. */
export type DraftBody =
  | { readonly kind: 'Namespace' }
  | { readonly kind: 'Pod'; readonly containers: readonly Container[]; readonly ips: readonly string[] }
  | {
      readonly kind: WorkloadKind;
      readonly replicas: number;
      readonly selector: Labels;
      readonly template: { readonly labels: Labels; readonly containers: readonly Container[] };
    }
  | {
      readonly kind: 'Service';
      readonly type: string;
      readonly selector?: Labels;
      readonly ports: readonly ServicePort[];
      readonly clusterIP: string;
    }
  | {
      readonly kind: 'NetworkPolicy';
      readonly policy: NetworkPolicy;
      readonly spec: JsonObject;
      readonly sourceYaml: string;
    };

/** An object checked and ready to store. */
export interface Draft {
  readonly name: string;
  /** Absent for Namespaces. */
  readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly body: DraftBody;
}

export type CheckResult =
  | { readonly ok: true; readonly draft: Draft }
  | { readonly ok: false; readonly reason: 'BadRequest' | 'Invalid'; readonly message: string };

function asObject(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

function asList(value: Json | undefined): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

function stringMap(value: Json | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(asObject(value))) if (typeof item === 'string') map[key] = item;
  return map;
}

/** `spec.ingress[0].from: Invalid value: …` — a diagnostic without its `Kind ns/name: ` prefix. */
function cause(diagnostic: Diagnostic): string {
  const prefix = diagnostic.object === undefined ? '' : `${diagnostic.object}: `;
  return diagnostic.message.startsWith(prefix) ? diagnostic.message.slice(prefix.length) : diagnostic.message;
}

const DECODING_IDS = new Set(['manifest.unknown-field', 'policy.invalid-type', 'manifest.invalid-type']);

/** Turns the engine's errors into the API server's answer, or undefined when there are none. */
function rejection(object: ManifestObject, diagnostics: readonly Diagnostic[]): CheckResult | undefined {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0) return undefined;
  const kind = object.type.kind;
  const decoding = errors.filter((diagnostic) => DECODING_IDS.has(diagnostic.id));
  if (decoding.length > 0) {
    const unknown = decoding.filter((diagnostic) => diagnostic.id === 'manifest.unknown-field');
    const detail =
      unknown.length > 0
        ? `strict decoding error: ${unknown
            .map(
              (diagnostic) =>
                `unknown field "${diagnostic.path ?? ''}"${diagnostic.position === undefined ? '' : ` (line ${diagnostic.position.line}, column ${diagnostic.position.column})`}`,
            )
            .join(', ')}`
        : decoding.map(cause).join(', ');
    return {
      ok: false,
      reason: 'BadRequest',
      message: `${kind} in version "${object.type.version}" cannot be handled as a ${kind}: ${detail}`,
    };
  }
  const causes = errors.map(cause);
  const head = `The ${kind} "${object.name}" is invalid: `;
  return {
    ok: false,
    reason: 'Invalid',
    message:
      causes.length === 1
        ? `${head}${causes[0]}`
        : `${head}\n${causes.map((text) => `* ${text}`).join('\n')}`,
  };
}

function containersOf(spec: JsonObject, fallbackName: string, labels: Labels): Container[] {
  return asList(spec.containers).map((item, index) => {
    const container = asObject(item);
    const ports: ContainerPort[] = asList(container.ports).flatMap((entry) => {
      const port = asObject(entry);
      const number = port.containerPort;
      const protocol = PROTOCOLS.find((candidate) => candidate === (port.protocol ?? 'TCP')) as
        Protocol | undefined;
      if (typeof number !== 'number' || protocol === undefined) return [];
      return [{ ...(typeof port.name === 'string' ? { name: port.name } : {}), port: number, protocol }];
    });
    return {
      name: typeof container.name === 'string' ? container.name : `${fallbackName}-${index}`,
      image: typeof container.image === 'string' ? container.image : defaultImage(labels),
      ports,
    };
  });
}

function invalid(object: ManifestObject, causes: readonly string[]): CheckResult {
  const head = `The ${object.type.kind} "${object.name}" is invalid: `;
  return {
    ok: false,
    reason: 'Invalid',
    message:
      causes.length === 1
        ? `${head}${causes[0]}`
        : `${head}\n${causes.map((text) => `* ${text}`).join('\n')}`,
  };
}

/**
 * Checks one object as the API server would and drafts what it would store. `namespace` is the
 * namespace it lands in (the manifest's, else `-n`, else the context's).
 */
export function checkObject(object: ManifestObject, namespace: string): CheckResult {
  const { value, json, source } = object;
  const metadata = asObject(json.metadata);
  const labels = stringMap(metadata.labels);
  const annotations = stringMap(metadata.annotations);
  const spec = asObject(json.spec);
  const base = { name: object.name, labels, annotations };
  const placed = { ...base, namespace };
  switch (object.type.kind) {
    case 'NetworkPolicy': {
      const validation = validateNetworkPolicy(value, source);
      const rejected = rejection(object, validation.diagnostics);
      if (rejected !== undefined) return rejected;
      const policy = { ...strippedPolicy(validation.policy as NetworkPolicy), namespace };
      return {
        ok: true,
        draft: {
          ...placed,
          body: { kind: 'NetworkPolicy', policy, spec: policySpecJson(policy), sourceYaml: object.text },
        },
      };
    }
    case 'Namespace': {
      const read = readNamespace(value, source);
      return (
        rejection(object, read.diagnostics) ?? { ok: true, draft: { ...base, body: { kind: 'Namespace' } } }
      );
    }
    case 'Pod': {
      const read = readPod(value, source);
      const rejected = rejection(object, read.diagnostics);
      if (rejected !== undefined) return rejected;
      const containers = containersOf(spec, object.name, labels);
      if (containers.length === 0) return invalid(object, ['spec.containers: Required value']);
      const ips = (read.pods[0]?.ips ?? []).filter(isValidIp).map(canonicalIp);
      return { ok: true, draft: { ...placed, body: { kind: 'Pod', containers, ips } } };
    }
    case 'Service': {
      const read = readService(value, source);
      const rejected = rejection(object, read.diagnostics);
      if (rejected !== undefined || read.service === undefined)
        return rejected ?? invalid(object, ['spec: Invalid value']);
      const service = read.service;
      return {
        ok: true,
        draft: {
          ...placed,
          body: {
            kind: 'Service',
            type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
            ...(service.selector === undefined ? {} : { selector: service.selector }),
            ports: service.ports,
            clusterIP: service.clusterIP,
          },
        },
      };
    }
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job': {
      const kind = object.type.kind;
      const read = readWorkload(kind, value, source);
      const rejected = rejection(object, read.diagnostics);
      if (rejected !== undefined) return rejected;
      const template = asObject(spec.template);
      const templateLabels = stringMap(asObject(template.metadata).labels);
      const selectorJson = asObject(spec.selector);
      const selector = stringMap(selectorJson.matchLabels);
      const causes: string[] = [];
      if (kind !== 'Job' && Object.keys(selectorJson).length === 0)
        causes.push('spec.selector: Required value');
      else if (Object.entries(selector).some(([key, item]) => templateLabels[key] !== item)) {
        causes.push(
          `spec.template.metadata.labels: Invalid value: ${JSON.stringify(templateLabels)}: \`selector\` does not match template \`labels\``,
        );
      }
      const containers = containersOf(asObject(template.spec), object.name, templateLabels);
      if (containers.length === 0) causes.push('spec.template.spec.containers: Required value');
      if (causes.length > 0) return invalid(object, causes);
      const replicas =
        kind === 'Job'
          ? typeof spec.parallelism === 'number'
            ? spec.parallelism
            : 1
          : typeof spec.replicas === 'number'
            ? spec.replicas
            : 1;
      return {
        ok: true,
        draft: {
          ...placed,
          body: {
            kind,
            replicas: Math.min(replicas, read.pods.length === 0 ? replicas : read.pods.length),
            selector: kind === 'Job' ? templateLabels : selector,
            template: { labels: templateLabels, containers },
          },
        },
      };
    }
    default:
      return invalid(object, [`kind: Unsupported value: "${object.type.kind}"`]);
  }
}
