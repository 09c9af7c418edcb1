/**
 * A NetworkPolicy's `spec` as the API server stores and serves it, built from the engine's
 * normalised model: `policyTypes` defaulted, `protocol: TCP` filled in, empty lists and empty
 * `matchLabels` left out (Go's `omitempty`), `podSelector` always present.
 */
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
} from '../../netpol/types.ts';
import type { Json, JsonObject } from '../text/object-output.ts';

/** A label selector as stored: only the parts that have something. */
export function selectorJson(selector: LabelSelector): JsonObject {
  const json: Record<string, Json> = {};
  if (Object.keys(selector.matchLabels).length > 0) json.matchLabels = { ...selector.matchLabels };
  if (selector.matchExpressions.length > 0) {
    json.matchExpressions = selector.matchExpressions.map((requirement) => ({
      key: requirement.key,
      operator: requirement.operator,
      ...(requirement.values.length === 0 ? {} : { values: [...requirement.values] }),
    }));
  }
  return json;
}

function peerJson(peer: NetworkPolicyPeer): JsonObject {
  const json: Record<string, Json> = {};
  if (peer.ipBlock !== undefined) {
    json.ipBlock = {
      cidr: peer.ipBlock.cidr,
      ...(peer.ipBlock.except.length === 0 ? {} : { except: [...peer.ipBlock.except] }),
    };
  }
  if (peer.namespaceSelector !== undefined) json.namespaceSelector = selectorJson(peer.namespaceSelector);
  if (peer.podSelector !== undefined) json.podSelector = selectorJson(peer.podSelector);
  return json;
}

function portJson(port: NetworkPolicyPort): JsonObject {
  return {
    ...(port.endPort === undefined ? {} : { endPort: port.endPort }),
    ...(port.port === undefined ? {} : { port: port.port }),
    protocol: port.protocol,
  };
}

function ruleJson(rule: NetworkPolicyRule, peerKey: 'from' | 'to'): JsonObject {
  const json: Record<string, Json> = {};
  if (rule.peers !== undefined && rule.peers.length > 0) json[peerKey] = rule.peers.map(peerJson);
  if (rule.ports !== undefined && rule.ports.length > 0) json.ports = rule.ports.map(portJson);
  return json;
}

/** The stored `spec` of a policy. */
export function policySpecJson(policy: NetworkPolicy): JsonObject {
  const json: Record<string, Json> = { podSelector: selectorJson(policy.podSelector) };
  if (policy.ingress.length > 0) json.ingress = policy.ingress.map((rule) => ruleJson(rule, 'from'));
  if (policy.egress.length > 0) json.egress = policy.egress.map((rule) => ruleJson(rule, 'to'));
  json.policyTypes = [...policy.policyTypes];
  return json;
}

/** The model without positions and sources, so it serializes small and compares by content. */
export function strippedPolicy(policy: NetworkPolicy): NetworkPolicy {
  const strip = <T extends { position?: unknown }>(item: T): T => {
    const { position: _position, ...rest } = item;
    return rest as T;
  };
  const rule = (item: NetworkPolicyRule): NetworkPolicyRule => ({
    ...strip(item),
    ...(item.peers === undefined ? {} : { peers: item.peers.map(strip) }),
    ...(item.ports === undefined ? {} : { ports: item.ports.map(strip) }),
  });
  const { position: _position, source: _source, ...rest } = policy;
  return { ...rest, ingress: policy.ingress.map(rule), egress: policy.egress.map(rule) };
}
