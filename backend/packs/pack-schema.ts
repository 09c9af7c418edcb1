/**
 * `exercises/pack.schema.json` applied with Ajv: a second, independent reading of a pack's shape
 * (the code in core/pack is the first), its errors mapped back to the pack's line:column.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../core/netpol/index.ts';
import { packProblem } from '../../core/pack/index.ts';
import type { PackText } from '../../core/pack/index.ts';
import packSchema from '../../exercises/pack.schema.json' with { type: 'json' };

let validator: ValidateFunction | undefined;

function packValidator(): ValidateFunction {
  if (validator === undefined) {
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(packSchema);
  }
  return validator;
}

function segments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function dotted(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

function describe(error: ErrorObject): { message: string; property?: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return { message: 'is not a known field', property: String(params['additionalProperty']) };
  if (error.keyword === 'required')
    return { message: 'is required', property: String(params['missingProperty']) };
  if (error.keyword === 'const') return { message: `must be ${JSON.stringify(params['allowedValue'])}` };
  return { message: error.message ?? error.keyword };
}

/** The schema's findings about a parsed pack; empty when it conforms. */
export function packSchemaDiagnostics(text: PackText, source: string): Diagnostic[] {
  const validate = packValidator();
  if (validate(text.data)) return [];
  return (validate.errors ?? []).map((error) => {
    const { message, property } = describe(error);
    const path = segments(error.instancePath);
    const full = property === undefined ? path : [...path, property];
    return packProblem(
      `schema.${error.keyword}`,
      `${message} (pack.schema.json)`,
      text.locate(full),
      source,
      dotted(full),
    );
  });
}
