/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes, an existing key needs
 * `--overwrite`; by name, `TYPE/NAME`, `--all` or `-l`. Label keys and values are checked with the
 * engine's rules; a namespace keeps its `kubernetes.io/metadata.name` label whatever is asked.
 */
import { selectorMatches } from '../../netpol/selector.ts';
import { checkLabelKey, checkLabelValue } from '../../netpol/read/object-names.ts';
import { NAMESPACE_NAME_LABEL } from '../../netpol/types.ts';
import { done, failed, namespaceOf, notFoundMessage } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { boolFlag, stringFlag } from '../command-line/flags.ts';
import type { FlagSpec, ParsedArgs } from '../command-line/flags.ts';
import { parseResourceArgs } from '../command-line/resource-args.ts';
import { qualifiedSingular, typeOf } from '../command-line/resources.ts';
import { findObject, objectsOf, putObject } from '../state/store.ts';
import type { StoredKind, StoredObject } from '../state/store.ts';
import { parseLabelSelector } from '../text/parse-selector.ts';
import { ALL_NAMESPACES_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from './get.ts';

type Field = 'labels' | 'annotations';

interface Change {
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

function readChanges(words: readonly string[], field: Field): Change | string {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const word of words) {
    if (word.endsWith('-') && !word.includes('=')) {
      remove.push(word.slice(0, -1));
      continue;
    }
    const equals = word.indexOf('=');
    const key = word.slice(0, equals);
    const value = word.slice(equals + 1);
    const keyProblems = checkLabelKey(key);
    if (keyProblems.length > 0)
      return `invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${word}: ${keyProblems.join('; ')}`;
    if (field === 'labels') {
      const valueProblems = checkLabelValue(value);
      if (valueProblems.length > 0) return `invalid label value: "${word}": ${valueProblems.join('; ')}`;
    }
    set[key] = value;
  }
  return { set, remove };
}

function applyChange(
  object: StoredObject,
  field: Field,
  change: Change,
  overwrite: boolean,
): { object: StoredObject; changed: boolean; notes: string[] } | string {
  const current = object.metadata[field];
  const next: Record<string, string> = { ...current };
  const notes: string[] = [];
  for (const [key, value] of Object.entries(change.set)) {
    if (Object.hasOwn(current, key) && current[key] !== value && !overwrite) {
      return `'${key}' already has a value (${current[key]}), and --overwrite is false`;
    }
    next[key] = value;
  }
  for (const key of change.remove) {
    if (!Object.hasOwn(next, key))
      notes.push(`${field === 'labels' ? 'label' : 'annotation'} "${key}" not found.`);
    delete next[key];
  }
  if (object.kind === 'Namespace' && field === 'labels') next[NAMESPACE_NAME_LABEL] = object.metadata.name;
  const changed =
    JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(current).sort());
  return {
    object: { ...object, metadata: { ...object.metadata, [field]: next } } as StoredObject,
    changed,
    notes,
  };
}

function run(context: CommandContext, parsed: ParsedArgs, field: Field) {
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  const isChange = (word: string): boolean => word.includes('=') || (word.endsWith('-') && word.length > 1);
  const resourceWords = parsed.positionals.filter((word) => !isChange(word));
  const changeWords = parsed.positionals.filter(isChange);
  const resources = parseResourceArgs(resourceWords);
  if (!resources.ok) return failed(context.state, `error: ${resources.error}`);
  if (resources.requests.length === 0) {
    return failed(
      context.state,
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${context.path} -h' for help and examples`,
    );
  }
  if (changeWords.length === 0) {
    return failed(
      context.state,
      `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${context.path} -h' for help and examples`,
    );
  }
  const change = readChanges(changeWords, field);
  if (typeof change === 'string') return failed(context.state, `error: ${change}`);
  const selectorText = stringFlag(parsed, 'selector');
  const selector = selectorText === undefined ? undefined : parseLabelSelector(selectorText);
  if (selector !== undefined && !selector.ok) return failed(context.state, `error: ${selector.error}`);
  const namespace = namespaceOf(context, parsed);
  const allNamespaces = boolFlag(parsed, 'all-namespaces');
  const targets: StoredObject[] = [];
  const errors: string[] = [];
  for (const { type, names } of resources.requests) {
    if (type.kind === 'Node' || type.kind === 'ReplicaSet') {
      errors.push(`error: the lab does not change ${type.plural}`);
      continue;
    }
    const kind = type.kind as StoredKind;
    if (names.length > 0) {
      for (const name of names) {
        const object = findObject(context.state, kind, type.namespaced ? namespace : undefined, name);
        if (object === undefined) errors.push(notFoundMessage(type, name));
        else targets.push(object);
      }
    } else if (boolFlag(parsed, 'all') || selector !== undefined) {
      targets.push(
        ...objectsOf(context.state, kind).filter(
          (object) =>
            (!type.namespaced || allNamespaces || object.metadata.namespace === namespace) &&
            (selector === undefined ||
              !selector.ok ||
              selectorMatches(selector.selector, object.metadata.labels)),
        ),
      );
    } else {
      return failed(context.state, `error: resource(s) were provided, but no name was specified`);
    }
  }
  let state = context.state;
  const lines: string[] = [];
  const notes: string[] = [];
  for (const target of targets) {
    const result = applyChange(target, field, change, boolFlag(parsed, 'overwrite'));
    if (typeof result === 'string') {
      errors.push(`error: ${result}`);
      continue;
    }
    notes.push(...result.notes);
    const reference = `${qualifiedSingular(typeOf(target.kind))}/${target.metadata.name}`;
    if (stringFlag(parsed, 'output') === 'name') lines.push(`${reference}\n`);
    else lines.push(`${reference} ${result.changed ? verb : `not ${verb}`}\n`);
    if (result.changed && stringFlag(parsed, 'dry-run') === undefined)
      state = putObject(state, result.object);
  }
  const stderr = [...notes, ...errors].map((line) => `${line}\n`).join('');
  return done(state, lines.join(''), stderr, { exitCode: errors.length > 0 ? 1 : 0 });
}

function flags(field: Field): FlagSpec[] {
  const noun = field === 'labels' ? 'labels' : 'annotations';
  return [
    {
      name: 'overwrite',
      type: 'bool',
      usage: `If true, allow ${noun} to be overwritten, otherwise reject ${field === 'labels' ? 'label' : 'annotation'} updates that overwrite existing ${noun}.`,
      defaultText: 'false',
    },
    {
      name: 'all',
      type: 'bool',
      usage: 'Select all resources, in the namespace of the specified resource types',
      defaultText: 'false',
    },
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    OUTPUT_FLAG,
    {
      name: 'dry-run',
      type: 'string',
      noValue: 'client',
      usage: 'Must be "none", "server", or "client".',
      defaultText: "'none'",
    },
  ];
}

export const labelCommand: Command = {
  name: 'label',
  summary: 'Update the labels on a resource',
  description:
    "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.",
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  examples: `  # Label a pod so a policy selects it
  kubectl label pods web role=frontend

  # Change a label that is already there
  kubectl label pods web role=backend --overwrite

  # Label a namespace, for a namespaceSelector
  kubectl label namespace prod team=payments

  # Remove the label named 'role'
  kubectl label pods web role-`,
  flags: flags('labels'),
  takesResource: true,
  run: (context, parsed) => run(context, parsed, 'labels'),
};

export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'Update the annotations on a resource',
  description:
    'Update the annotations on one or more resources.\n\nAll Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON.\n\nAttempting to set an annotation that already exists will fail unless --overwrite is set.',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  examples: `  # Annotate a network policy with a description
  kubectl annotate netpol allow-dns description='lets every pod resolve names'

  # Remove the annotation named 'description'
  kubectl annotate netpol allow-dns description-`,
  flags: flags('annotations'),
  takesResource: true,
  run: (context, parsed) => run(context, parsed, 'annotations'),
};
