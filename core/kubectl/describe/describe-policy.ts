/**
 * `kubectl describe networkpolicy`: kubectl's layout, line for line — the pod selector, then for
 * each direction either "Allowing … traffic:" with every rule's ports and peers, or "Not affecting
 * … traffic", then the policy types.
 */
import type { NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule } from '../../netpol/types.ts';
import { formatLabelSelector } from '../text/labels-text.ts';
import { goTimeText } from '../text/time-format.ts';
import type { NetworkPolicyObject } from '../types.ts';
import { DescribeWriter, writeAnnotations, writeLabels } from './describe-writer.ts';

function writePorts(
  writer: DescribeWriter,
  ports: readonly NetworkPolicyPort[] | undefined,
  indent: string,
): void {
  if (ports === undefined || ports.length === 0) {
    writer.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const port of ports) {
    // An entry without a port prints Go's text for the missing value.
    const number = port.port === undefined ? '<nil>' : String(port.port);
    if (port.endPort === undefined) writer.write(0, `${indent}To Port: ${number}/${port.protocol}\n`);
    else writer.write(0, `${indent}To Port Range: ${number}-${port.endPort}/${port.protocol}\n`);
  }
}

function writePeer(writer: DescribeWriter, peer: NetworkPolicyPeer, title: string, indent: string): void {
  writer.write(0, `${indent}${title}:\n`);
  if (peer.podSelector !== undefined && peer.namespaceSelector !== undefined) {
    writer.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    writer.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
  } else if (peer.podSelector !== undefined) {
    writer.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
  } else if (peer.namespaceSelector !== undefined) {
    writer.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
  } else if (peer.ipBlock !== undefined) {
    writer.write(1, `${indent}IPBlock:\n`);
    writer.write(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
    writer.write(2, `${indent}Except: ${peer.ipBlock.except.join(', ')}\n`);
  }
}

function writeRules(
  writer: DescribeWriter,
  rules: readonly NetworkPolicyRule[],
  direction: 'ingress' | 'egress',
  indent: string,
): void {
  if (rules.length === 0) {
    writer.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const title = direction === 'ingress' ? 'From' : 'To';
  rules.forEach((rule, index) => {
    writePorts(writer, rule.ports, indent);
    if (rule.peers === undefined || rule.peers.length === 0) {
      const what = direction === 'ingress' ? 'source' : 'destination';
      writer.write(0, `${indent}${title}: <any> (traffic not restricted by ${what})\n`);
    } else for (const peer of rule.peers) writePeer(writer, peer, title, indent);
    if (index !== rules.length - 1) writer.write(0, `${indent}----------\n`);
  });
}

/** The describe page of a NetworkPolicy. */
export function describeNetworkPolicy(object: NetworkPolicyObject): string {
  const writer = new DescribeWriter();
  const { policy, metadata } = object;
  writer.write(0, `Name:\t${metadata.name}\n`);
  writer.write(0, `Namespace:\t${metadata.namespace ?? 'default'}\n`);
  writer.write(0, `Created on:\t${goTimeText(metadata.createdAt)}\n`);
  writeLabels(writer, 'Labels', metadata.labels);
  writeAnnotations(writer, 'Annotations', metadata.annotations);
  writer.write(0, 'Spec:\n');
  writer.write(1, 'PodSelector: ');
  const selector = formatLabelSelector(policy.podSelector);
  writer.write(
    2,
    selector === '<none>'
      ? '<none> (Allowing the specific traffic to all pods in this namespace)\n'
      : `${selector}\n`,
  );
  const ingress = policy.policyTypes.includes('Ingress');
  const egress = policy.policyTypes.includes('Egress');
  if (ingress) {
    writer.write(1, 'Allowing ingress traffic:\n');
    writeRules(writer, policy.ingress, 'ingress', '    ');
  } else writer.write(1, 'Not affecting ingress traffic\n');
  if (egress) {
    writer.write(1, 'Allowing egress traffic:\n');
    writeRules(writer, policy.egress, 'egress', '    ');
  } else writer.write(1, 'Not affecting egress traffic\n');
  writer.write(1, `Policy Types: ${policy.policyTypes.join(', ')}\n`);
  return writer.finish();
}
