/**
 * `kubectl explain TYPE[.FIELD…] [--recursive]`: a kind's or a field's documentation in kubectl's
 * layout (GROUP/KIND/VERSION, FIELD, DESCRIPTION, FIELDS), descriptions wrapped at 80 columns.
 */
import { done, failed } from '../command-line/command.ts';
import type { Command } from '../command-line/command.ts';
import { boolFlag } from '../command-line/flags.ts';
import { findResourceType } from '../command-line/resources.ts';
import { KIND_DOCS } from '../explain/field-docs.ts';
import type { FieldDoc, KindDoc } from '../explain/field-docs.ts';

function wrap(text: string, indent: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return `${lines.join('\n')}\n`;
}

function typeText(field: FieldDoc): string {
  return `<${field.type}>${field.required === true ? ' -required-' : ''}`;
}

function fieldList(fields: readonly FieldDoc[]): string {
  return fields
    .map((field) => `  ${field.name}\t${typeText(field)}\n${wrap(field.description, '    ')}`)
    .join('\n');
}

function recursiveList(fields: readonly FieldDoc[], depth: number): string {
  return fields
    .map(
      (field) =>
        `${'  '.repeat(depth + 1)}${field.name}\t${typeText(field)}\n${field.fields === undefined ? '' : recursiveList(field.fields, depth + 1)}`,
    )
    .join('');
}

function page(doc: KindDoc, field: FieldDoc, path: readonly string[], recursive: boolean): string {
  let text = `GROUP:      ${doc.group}\nKIND:       ${doc.kind}\nVERSION:    ${doc.version}\n\n`;
  if (path.length > 0) text += `FIELD: ${field.name} ${typeText(field)}\n\n`;
  text += `DESCRIPTION:\n${wrap(field.description, '    ')}    \n`;
  if (field.fields !== undefined && field.fields.length > 0) {
    text += `FIELDS:\n${recursive ? recursiveList(field.fields, 0) : fieldList(field.fields)}\n`;
  }
  return text;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Get documentation for a resource',
  description:
    "Describe fields and structure of various resources.\n\nThis command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n\nInformation about each field is retrieved from the lab's own documentation of the API.",
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [options]',
  examples: `  # Get the documentation of the resource and its fields
  kubectl explain networkpolicies

  # Get the documentation of a specific field of a resource
  kubectl explain networkpolicy.spec.ingress.from

  # Get all the fields in the resource
  kubectl explain netpol --recursive`,
  flags: [
    {
      name: 'recursive',
      type: 'bool',
      usage:
        'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
      defaultText: 'false',
    },
    {
      name: 'api-version',
      type: 'string',
      usage: 'Use given api-version (group/version) of the resource.',
      defaultText: "''",
    },
  ],
  takesResource: true,
  run(context, parsed) {
    const [argument] = parsed.positionals;
    if (argument === undefined) {
      return failed(
        context.state,
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples',
      );
    }
    const [typeName = '', ...path] = argument.split('.');
    const type = findResourceType(typeName);
    const doc = type === undefined ? undefined : KIND_DOCS[type.kind];
    if (doc === undefined)
      return failed(context.state, `error: the server doesn't have a resource type "${typeName}"`);
    let field = doc.root;
    for (const name of path) {
      const next = field.fields?.find((candidate) => candidate.name === name);
      if (next === undefined) return failed(context.state, `error: field "${name}" does not exist`);
      field = next;
    }
    return done(context.state, page(doc, field, path, boolFlag(parsed, 'recursive')));
  },
};
