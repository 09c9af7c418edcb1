/**
 * Deterministic identities for pods the learner did not write out: replica names as Kubernetes
 * would generate them, and IPs for pods without one. No randomness, so results are reproducible.
 */
import type { Pod } from '../types.ts';
import type { WorkloadKind } from './read-workloads.ts';

// Kubernetes builds generated names from this alphabet (no vowels, no look-alike characters).
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A deterministic FNV-1a hash, so generated names and IPs do not change between runs. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function generatedSuffix(seed: string, length: number): string {
  let text = '';
  let hash = stableHash(seed);
  for (let index = 0; index < length; index++) {
    text += NAME_ALPHABET[hash % NAME_ALPHABET.length];
    hash = stableHash(`${seed}:${index}:${hash}`);
  }
  return text;
}

/** The name Kubernetes would give replica `index` of a workload (deterministic here). */
export function replicaName(kind: WorkloadKind, namespace: string, name: string, index: number): string {
  const seed = `${kind}/${namespace}/${name}`;
  switch (kind) {
    case 'StatefulSet':
      return `${name}-${index}`;
    case 'Deployment':
      return `${name}-${generatedSuffix(seed, 10)}-${generatedSuffix(`${seed}#${index}`, 5)}`;
    default:
      return `${name}-${generatedSuffix(`${seed}#${index}`, 5)}`;
  }
}

/** The pod network that pods without a written IP get addresses from. */
export const ASSIGNED_POD_NETWORK = '10.244.0.0/16';

function ipFromOffset(offset: number): string {
  return `10.244.${Math.floor(offset / 256)}.${offset % 256}`;
}

/**
 * Gives each pod without an IP one from 10.244.0.0/16, chosen by a hash of `namespace/name` so it
 * stays the same as other objects come and go, and never one that another pod already has.
 * Hosts ending in .0 or .255 are skipped so the addresses look ordinary.
 */
export function assignPodIps(pods: readonly Pod[]): Pod[] {
  const used = new Set(pods.flatMap((pod) => pod.ips));
  const assigned = new Map<Pod, string>();
  const waiting = pods
    .filter((pod) => pod.ips.length === 0)
    .sort((left, right) => (`${left.namespace}/${left.name}` < `${right.namespace}/${right.name}` ? -1 : 1));
  const size = 256 * 256;
  for (const pod of waiting) {
    let offset = stableHash(`${pod.namespace}/${pod.name}`) % size;
    for (let tries = 0; tries < size; tries++, offset = (offset + 1) % size) {
      const host = offset % 256;
      const ip = ipFromOffset(offset);
      if (host === 0 || host === 255 || used.has(ip)) continue;
      used.add(ip);
      assigned.set(pod, ip);
      break;
    }
  }
  return pods.map((pod) => {
    const ip = assigned.get(pod);
    return ip === undefined ? pod : { ...pod, ips: [ip], ipAssigned: true };
  });
}
