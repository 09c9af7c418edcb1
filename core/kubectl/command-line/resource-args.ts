/**
 * Resource arguments as kubectl reads them: `pods`, `pods web db`, `po,svc`, `pods/web svc/web`,
 * and `all` (the workload and Service types). The two forms do not mix.
 */
import { RESOURCE_TYPES, findResourceType } from './resources.ts';
import type { ResourceKind, ResourceType } from './resources.ts';

export interface ResourceRequest {
  readonly type: ResourceType;
  /** Empty: every object of the type. */
  readonly names: readonly string[];
}

export type ResourceArgs =
  | { readonly ok: true; readonly requests: readonly ResourceRequest[]; readonly multipleTypes: boolean }
  | { readonly ok: false; readonly error: string };

/** What `all` stands for, in the order `kubectl get all` prints them. */
const ALL_KINDS: readonly ResourceKind[] = [
  'Pod',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'Job',
];

function typesOf(text: string, allowAll: boolean): ResourceType[] | string {
  const types: ResourceType[] = [];
  for (const part of text.split(',')) {
    if (part === 'all' && allowAll) {
      types.push(
        ...ALL_KINDS.map((kind) => RESOURCE_TYPES.find((type) => type.kind === kind) as ResourceType),
      );
      continue;
    }
    const type = findResourceType(part);
    if (type === undefined) return `the server doesn't have a resource type "${part}"`;
    types.push(type);
  }
  return types;
}

/** Reads the resource arguments of get, describe, delete, label, annotate and edit. */
export function parseResourceArgs(
  positionals: readonly string[],
  options: { allowAll?: boolean } = {},
): ResourceArgs {
  const allowAll = options.allowAll ?? false;
  const first = positionals[0];
  if (first === undefined) return { ok: true, requests: [], multipleTypes: false };
  const slashed = positionals.filter((argument) => argument.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== positionals.length) {
      return {
        ok: false,
        error:
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      };
    }
    const requests: ResourceRequest[] = [];
    for (const argument of positionals) {
      const slash = argument.indexOf('/');
      const type = findResourceType(argument.slice(0, slash));
      const name = argument.slice(slash + 1);
      if (type === undefined)
        return { ok: false, error: `the server doesn't have a resource type "${argument.slice(0, slash)}"` };
      if (name === '')
        return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
      const existing = requests.find((request) => request.type.kind === type.kind);
      if (existing === undefined) requests.push({ type, names: [name] });
      else (existing.names as string[]).push(name);
    }
    return { ok: true, requests, multipleTypes: requests.length > 1 };
  }
  const types = typesOf(first, allowAll);
  if (typeof types === 'string') return { ok: false, error: types };
  const names = positionals.slice(1);
  const unique = types.filter(
    (type, index) => types.findIndex((other) => other.kind === type.kind) === index,
  );
  return {
    ok: true,
    requests: unique.map((type) => ({ type, names })),
    multipleTypes: unique.length > 1 || first.split(',').includes('all'),
  };
}
