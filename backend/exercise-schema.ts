/**
 * The JSON Schemas of `exercise.yaml` and `track.yaml`, applied with Ajv as a second, independent
 * reading of the format (the code in core/exercise is the first). Errors are mapped back to the
 * YAML's line:column so they read like every other diagnostic.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import type { Diagnostic, SourcePosition, YamlValue } from '../core/netpol/index.ts';
import { formatPosition, readYamlDocuments } from '../core/netpol/index.ts';
import exerciseSchema from '../exercises/exercise.schema.json' with { type: 'json' };
import trackSchema from '../exercises/track.schema.json' with { type: 'json' };

export type SchemaKind = 'exercise' | 'track';

/**
 * The schemas sit next to the content (`<repo>/exercises/*.schema.json`) and are imported, so every
 * build carries them inside its bundle and nothing looks for them on disk at run time.
 */
const SCHEMAS: Record<SchemaKind, object> = { exercise: exerciseSchema, track: trackSchema };

const validators = new Map<SchemaKind, ValidateFunction>();

function validatorFor(kind: SchemaKind): ValidateFunction {
  let validator = validators.get(kind);
  if (validator === undefined) {
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMAS[kind]);
    validators.set(kind, validator);
  }
  return validator;
}

/** Follows a JSON pointer through the located YAML; the key's position for a missing property. */
function locate(root: YamlValue | undefined, pointer: string, property?: string): SourcePosition | undefined {
  let node = root;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/');
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.kind === 'map') node = node.entries.find((entry) => entry.key === segment)?.value;
    else if (node?.kind === 'list') node = node.items[Number(segment)];
    else return node?.position;
  }
  if (property !== undefined && node?.kind === 'map') {
    return node.entries.find((entry) => entry.key === property)?.keyPosition ?? node.position;
  }
  return node?.position;
}

function dottedPath(pointer: string, property?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/');
  let path = '';
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path === '' ? part : `.${part}`;
  if (property !== undefined) path += path === '' ? property : `.${property}`;
  return path;
}

function describe(error: ErrorObject): { message: string; property?: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return { message: 'is not a known field', property: String(params['additionalProperty']) };
  }
  if (error.keyword === 'required') {
    return { message: 'is required', property: String(params['missingProperty']) };
  }
  if (error.keyword === 'enum') {
    const allowed = (params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ');
    return { message: `must be one of ${allowed}` };
  }
  return { message: error.message ?? error.keyword };
}

/**
 * Validates a YAML text against a schema. YAML that does not parse yields no schema diagnostics
 * (the syntax error is reported by the format reader).
 */
export function schemaDiagnostics(kind: SchemaKind, text: string, source: string): Diagnostic[] {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false });
  } catch {
    return [];
  }
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  const located = readYamlDocuments(text, source).documents[0]?.value;
  // `if`/`then` failures only repeat the errors found inside the chosen branch.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  return errors.map((error) => {
    const { message, property } = describe(error);
    const path = dottedPath(error.instancePath, property);
    const position = locate(located, error.instancePath, property);
    return {
      id: `schema.${error.keyword}`,
      severity: 'error',
      message: `${path === '' ? '' : `${path}: `}${message} (${kind}.schema.json)${formatPosition(position)}`,
      ...(path === '' ? {} : { path }),
      ...(position === undefined ? {} : { position }),
      source,
    } satisfies Diagnostic;
  });
}
