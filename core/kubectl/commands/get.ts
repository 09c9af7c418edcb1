/**
 * `kubectl get`: tables in kubectl's columns (with `-o wide`, `--show-labels`, `-L`, `-A`,
 * `--no-headers`), `-o name|yaml|json|jsonpath|custom-columns`, `-l` selectors, simple field
 * selectors and `--sort-by`, and kubectl's wording when nothing is found.
 */
import { selectorMatches } from '../../netpol/selector.ts';
import type { LabelSelector } from '../../netpol/types.ts';
import { done, failed, namespaceOf, notFoundMessage, usageError } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { boolFlag, listFlag, stringFlag } from '../command-line/flags.ts';
import type { FlagSpec, ParsedArgs } from '../command-line/flags.ts';
import { parseOutputFormat, printObjects } from '../command-line/output-format.ts';
import type { OutputFormat } from '../command-line/output-format.ts';
import { parseResourceArgs } from '../command-line/resource-args.ts';
import { qualifiedSingular } from '../command-line/resources.ts';
import { headersOf, listObjects } from '../objects/listing.ts';
import type { Listed } from '../objects/listing.ts';
import { renderJsonPath } from '../text/jsonpath.ts';
import { formatLabels } from '../text/labels-text.ts';
import { parseLabelSelector } from '../text/parse-selector.ts';
import { formatTable } from '../text/tabwriter.ts';

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).',
  defaultText: "''",
};

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage:
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
  defaultText: "''",
};

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  usage:
    'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
  defaultText: 'false',
};

const FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  {
    name: 'show-labels',
    type: 'bool',
    usage: 'When printing, show all labels as the last column (default hide labels column).',
    defaultText: 'false',
  },
  {
    name: 'label-columns',
    short: 'L',
    type: 'stringArray',
    usage: 'Accepts a comma separated list of labels that are going to be presented as columns.',
    defaultText: '[]',
  },
  {
    name: 'no-headers',
    type: 'bool',
    usage:
      "When using the default or custom-column output format, don't print headers (default print headers).",
    defaultText: 'false',
  },
  {
    name: 'field-selector',
    type: 'string',
    usage:
      "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2).",
    defaultText: "''",
  },
  {
    name: 'sort-by',
    type: 'string',
    usage:
      "If non-empty, sort list types using this field specification. The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}').",
    defaultText: "''",
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    usage: 'If set to true, suppresses NotFound error for specific objects that do not exist.',
    defaultText: 'false',
  },
  {
    name: 'watch',
    short: 'w',
    type: 'bool',
    usage: 'After listing/getting the requested object, watch for changes.',
    defaultText: 'false',
  },
];

type FieldTest = (row: Listed) => boolean;

function fieldSelector(text: string | undefined): FieldTest | string {
  if (text === undefined || text === '') return () => true;
  const tests: FieldTest[] = [];
  for (const term of text.split(',')) {
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
    if (match === null) return `invalid selector: '${text}'; can't understand '${term}'`;
    const [, field = '', operator, value = ''] = match;
    const read: ((row: Listed) => string) | undefined = {
      'metadata.name': (row: Listed) => row.name,
      'metadata.namespace': (row: Listed) => row.namespace ?? '',
      'status.phase': () => 'Running',
      'spec.nodeName': (row: Listed) => (row.stored?.kind === 'Pod' ? row.stored.nodeName : ''),
      'status.podIP': (row: Listed) => (row.stored?.kind === 'Pod' ? (row.stored.ips[0] ?? '') : ''),
    }[field];
    if (read === undefined) return `field label not supported: ${field}`;
    tests.push((row) => (operator === '!=' ? read(row) !== value : read(row) === value));
  }
  return (row) => tests.every((test) => test(row));
}

function sortRows(rows: Listed[], sortBy: string | undefined): Listed[] | string {
  if (sortBy === undefined || sortBy === '') return rows;
  const template = sortBy.startsWith('{') ? sortBy : `{${sortBy}}`;
  const keys = new Map<Listed, string>();
  for (const row of rows) {
    const rendered = renderJsonPath(template, row.api);
    if (!rendered.ok) return rendered.error;
    keys.set(row, rendered.text);
  }
  const numeric = [...keys.values()].every((key) => key !== '' && !Number.isNaN(Number(key)));
  return [...rows].sort((left, right) => {
    const a = keys.get(left) ?? '';
    const b = keys.get(right) ?? '';
    if (numeric) return Number(a) - Number(b);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The table section of one resource type. */
function tableSection(
  rows: readonly Listed[],
  parsed: ParsedArgs,
  options: { wide: boolean; allNamespaces: boolean; prefixed: boolean },
): string {
  const type = rows[0]?.type;
  if (type === undefined) return '';
  const headers = headersOf(type);
  const labelColumns = listFlag(parsed, 'label-columns');
  const showLabels = boolFlag(parsed, 'show-labels');
  const namespaced = options.allNamespaces && type.namespaced;
  const header = [
    ...(namespaced ? ['NAMESPACE'] : []),
    ...headers.normal,
    ...(options.wide ? headers.wide : []),
    ...labelColumns.map((key) => (key.split('/').at(-1) ?? key).toUpperCase()),
    ...(showLabels ? ['LABELS'] : []),
  ];
  const body = rows.map((row) => {
    const [name = '', ...rest] = row.cells;
    return [
      ...(namespaced ? [row.namespace ?? ''] : []),
      options.prefixed ? `${qualifiedSingular(type)}/${name}` : name,
      ...rest,
      ...(options.wide ? row.wideCells : []),
      ...labelColumns.map((key) => row.labels[key] ?? ''),
      ...(showLabels ? [formatLabels(row.labels)] : []),
    ];
  });
  return formatTable(boolFlag(parsed, 'no-headers') ? body : [header, ...body]);
}

function nothingFound(allNamespaces: boolean, namespace: string, namespaced: boolean): string {
  return allNamespaces || !namespaced
    ? 'No resources found\n'
    : `No resources found in ${namespace} namespace.\n`;
}

function print(
  context: CommandContext,
  parsed: ParsedArgs,
  format: OutputFormat,
  sections: readonly (readonly Listed[])[],
  options: { allNamespaces: boolean; prefixed: boolean; single: boolean },
): { stdout: string; error?: string } {
  const rows = sections.flat();
  if (format.kind === 'default' || format.kind === 'wide') {
    const wide = format.kind === 'wide';
    const text = sections
      .filter((section) => section.length > 0)
      .map((section) =>
        tableSection(section, parsed, {
          wide,
          allNamespaces: options.allNamespaces,
          prefixed: options.prefixed,
        }),
      )
      .join('\n');
    return { stdout: text };
  }
  if (format.kind === 'name') {
    return { stdout: rows.map((row) => `${qualifiedSingular(row.type)}/${row.name}\n`).join('') };
  }
  const printed = printObjects(
    format,
    rows.map((row) => row.api),
    options.single,
  );
  return printed.ok ? { stdout: printed.text } : { stdout: '', error: `error: ${printed.error}` };
}

function run(context: CommandContext, parsed: ParsedArgs) {
  const resources = parseResourceArgs(parsed.positionals, { allowAll: true });
  if (!resources.ok) return failed(context.state, `error: ${resources.error}`);
  if (resources.requests.length === 0) {
    return failed(
      context.state,
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const output = parseOutputFormat(stringFlag(parsed, 'output'));
  if (!output.ok) return failed(context.state, `error: ${output.error}`);
  const selectorText = stringFlag(parsed, 'selector');
  let selector: LabelSelector | undefined;
  if (selectorText !== undefined) {
    const read = parseLabelSelector(selectorText);
    if (!read.ok) return failed(context.state, `error: ${read.error}`);
    selector = read.selector;
  }
  const fields = fieldSelector(stringFlag(parsed, 'field-selector'));
  if (typeof fields === 'string') return failed(context.state, `Error from server (BadRequest): ${fields}`);
  const allNamespaces = boolFlag(parsed, 'all-namespaces');
  const namespace = namespaceOf(context, parsed);
  const errors: string[] = [];
  const sections: Listed[][] = [];
  const named = resources.requests.some((request) => request.names.length > 0);
  if (named && allNamespaces && resources.requests.some((request) => request.type.namespaced)) {
    return usageError(context, 'a resource cannot be retrieved by name across all namespaces');
  }
  for (const request of resources.requests) {
    const all = listObjects(
      context.state,
      request.type,
      allNamespaces ? undefined : namespace,
      context.io.now,
    );
    let rows: Listed[];
    if (request.names.length === 0) rows = all;
    else {
      rows = [];
      for (const name of request.names) {
        const row = all.find((candidate) => candidate.name === name);
        if (row !== undefined) rows.push(row);
        else if (!boolFlag(parsed, 'ignore-not-found')) errors.push(notFoundMessage(request.type, name));
      }
    }
    rows = rows.filter(
      (row) => (selector === undefined || selectorMatches(selector, row.labels)) && fields(row),
    );
    const sorted = sortRows(rows, stringFlag(parsed, 'sort-by'));
    if (typeof sorted === 'string') return failed(context.state, `error: ${sorted}`);
    sections.push(sorted);
  }
  const single = resources.requests.length === 1 && (resources.requests[0]?.names.length ?? 0) === 1;
  const printed = print(context, parsed, output.format, sections, {
    allNamespaces,
    prefixed: resources.multipleTypes,
    single,
  });
  if (printed.error !== undefined) return failed(context.state, printed.error);
  let stderr = errors.map((error) => `${error}\n`).join('');
  const empty = sections.every((section) => section.length === 0);
  const machine =
    output.format.kind !== 'default' && output.format.kind !== 'wide' && output.format.kind !== 'name';
  if (empty && errors.length === 0 && !named && !machine) {
    stderr += nothingFound(
      allNamespaces,
      namespace,
      resources.requests.some((request) => request.type.namespaced),
    );
  }
  if (boolFlag(parsed, 'watch'))
    stderr += 'note: the lab prints the list once; --watch does not keep running here\n';
  return done(context.state, printed.stdout, stderr, { exitCode: errors.length > 0 ? 1 : 0 });
}

export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  description:
    'Display one or many resources.\n\nPrints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.\n\nBy specifying the output as \'template\' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  examples: `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List the network policies of namespace prod with their labels
  kubectl get netpol -n prod --show-labels

  # List pods labelled app=web in every namespace
  kubectl get pods -A -l app=web

  # Print the IP of one pod
  kubectl get pod web -o jsonpath='{.status.podIP}'

  # List everything the lab runs in the current namespace
  kubectl get all`,
  flags: FLAGS,
  takesResource: true,
  run,
};
