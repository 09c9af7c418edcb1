/**
 * `kubectl describe TYPE [NAME_PREFIX | -l selector]` and `describe TYPE/NAME`: a page per object
 * in kubectl's layout, pages separated by a blank line. A name that matches nothing exactly
 * describes the objects whose names start with it, as kubectl does.
 */
import { selectorMatches } from '../../netpol/selector.ts';
import { done, failed, namespaceOf, notFoundMessage } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { boolFlag, stringFlag } from '../command-line/flags.ts';
import type { ParsedArgs } from '../command-line/flags.ts';
import { parseResourceArgs } from '../command-line/resource-args.ts';
import { describeNetworkPolicy } from '../describe/describe-policy.ts';
import {
  describeNamespace,
  describePod,
  describeService,
  describeWorkload,
} from '../describe/describe-objects.ts';
import { listObjects } from '../objects/listing.ts';
import type { Listed } from '../objects/listing.ts';
import { parseLabelSelector } from '../text/parse-selector.ts';
import type { ClusterState } from '../types.ts';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from './get.ts';

function page(state: ClusterState, row: Listed): string | undefined {
  const object = row.stored;
  if (object === undefined) return undefined;
  switch (object.kind) {
    case 'NetworkPolicy':
      return describeNetworkPolicy(object);
    case 'Pod':
      return describePod(object);
    case 'Namespace':
      return describeNamespace(object);
    case 'Service':
      return describeService(state, object);
    default:
      return describeWorkload(object);
  }
}

function run(context: CommandContext, parsed: ParsedArgs) {
  const resources = parseResourceArgs(parsed.positionals);
  if (!resources.ok) return failed(context.state, `error: ${resources.error}`);
  const request = resources.requests[0];
  if (request === undefined) {
    return failed(
      context.state,
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples',
    );
  }
  const selectorText = stringFlag(parsed, 'selector');
  const selector = selectorText === undefined ? undefined : parseLabelSelector(selectorText);
  if (selector !== undefined && !selector.ok) return failed(context.state, `error: ${selector.error}`);
  const allNamespaces = boolFlag(parsed, 'all-namespaces');
  const namespace = namespaceOf(context, parsed);
  const pages: string[] = [];
  const errors: string[] = [];
  for (const { type, names } of resources.requests) {
    if (type.kind === 'ReplicaSet' || type.kind === 'Node') {
      errors.push(`error: the lab does not describe ${type.plural}; try kubectl get ${type.plural} -o yaml`);
      continue;
    }
    const rows = listObjects(
      context.state,
      type,
      allNamespaces ? undefined : namespace,
      context.io.now,
    ).filter(
      (row) => selector === undefined || !selector.ok || selectorMatches(selector.selector, row.labels),
    );
    const chosen: Listed[] = [];
    if (names.length === 0) chosen.push(...rows);
    for (const name of names) {
      const exact = rows.filter((row) => row.name === name);
      const matches = exact.length > 0 ? exact : rows.filter((row) => row.name.startsWith(name));
      if (matches.length === 0) errors.push(notFoundMessage(type, name));
      chosen.push(...matches);
    }
    for (const row of chosen) {
      const text = page(context.state, row);
      if (text !== undefined) pages.push(text);
    }
  }
  let stderr = errors.map((error) => `${error}\n`).join('');
  if (pages.length === 0 && errors.length === 0) {
    stderr +=
      allNamespaces || !request.type.namespaced
        ? 'No resources found\n'
        : `No resources found in ${namespace} namespace.\n`;
  }
  return done(context.state, pages.join('\n\n'), stderr, { exitCode: errors.length > 0 ? 1 : 0 });
}

export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  description:
    'Show details of a specific resource or group of resources.\n\nPrint a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector.',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  examples: `  # Describe a network policy
  kubectl describe networkpolicy allow-dns -n shop

  # Describe every network policy of a namespace
  kubectl describe netpol -n prod

  # Describe pods by label
  kubectl describe pods -l app=web

  # Describe a namespace, to see its labels
  kubectl describe ns prod`,
  flags: [SELECTOR_FLAG, ALL_NAMESPACES_FLAG],
  takesResource: true,
  run,
};
