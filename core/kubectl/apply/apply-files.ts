/**
 * `-f FILE|DIR|-` for apply, create and replace: reads each file from the shell, then checks and
 * stores object after object, reporting each one as kubectl does (`… created`, `… configured`,
 * `… unchanged`, errors on stderr) with `--dry-run` and `-o name|yaml|json`.
 */
import { sortKeys } from '../text/object-output.ts';
import type { Json, JsonObject } from '../text/object-output.ts';
import { apiObject } from '../objects/api-objects.ts';
import { findObject } from '../state/store.ts';
import type { StoredObject } from '../state/store.ts';
import { done, namespaceOf } from '../command-line/command.ts';
import type { CommandContext } from '../command-line/command.ts';
import { listFlag, stringFlag } from '../command-line/flags.ts';
import type { ParsedArgs } from '../command-line/flags.ts';
import { parseOutputFormat, printObjects } from '../command-line/output-format.ts';
import { qualifiedSingular } from '../command-line/resources.ts';
import type { ClusterState, KubectlResult } from '../types.ts';
import { checkObject } from './check-object.ts';
import { readManifest } from './read-manifest.ts';
import type { ManifestObject } from './read-manifest.ts';
import { writeDraft } from './write-object.ts';
import type { WriteMode } from './write-object.ts';

/** One manifest text with the name kubectl shows for it. */
export interface ManifestFile {
  readonly source: string;
  readonly text: string;
  /** Made by a generator (`create namespace`): server errors then name no file, as kubectl's do. */
  readonly generated?: boolean;
}

/** Reads the `-f` arguments (files, directories, `-` for stdin) from the shell. */
export function readFiles(
  context: CommandContext,
  paths: readonly string[],
): { files: ManifestFile[]; errors: string[] } {
  const files: ManifestFile[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ source: 'STDIN', text: context.io.stdin ?? '' });
      continue;
    }
    const entries = context.io.listDirectory?.(path);
    if (entries !== undefined) {
      for (const entry of [...entries].filter((name) => /\.(ya?ml|json)$/.test(name)).sort()) {
        const full = `${path.replace(/\/$/, '')}/${entry}`;
        const text = context.io.readFile(full);
        if (text !== undefined) files.push({ source: full, text });
      }
      continue;
    }
    const text = context.io.readFile(path);
    if (text === undefined) errors.push(`error: the path "${path}" does not exist`);
    else files.push({ source: path, text });
  }
  return { files, errors };
}

/** The last-applied annotation's JSON: the object as written, with its namespace, keys sorted. */
export function lastAppliedText(object: ManifestObject, namespace: string | undefined): string {
  const metadata = {
    ...(object.json.metadata as JsonObject | undefined),
    ...(namespace === undefined ? {} : { namespace }),
  };
  return `${JSON.stringify(sortKeys({ ...object.json, metadata } as Json))}\n`;
}

type DryRun = 'none' | 'client' | 'server';

/** Reads `--dry-run`, or an error in kubectl's words. */
export function dryRunOf(parsed: ParsedArgs): DryRun | string {
  const value = stringFlag(parsed, 'dry-run') ?? 'none';
  if (value === 'none' || value === 'client' || value === 'server') return value;
  return `Invalid dry-run value (${value}). Must be "none", "server", or "client".`;
}

/** Runs `apply`, `create -f` or `replace -f` over the `-f` files. */
export function applyFiles(context: CommandContext, parsed: ParsedArgs, mode: WriteMode): KubectlResult {
  const paths = listFlag(parsed, 'filename');
  if (paths.length === 0) {
    return done(
      context.state,
      '',
      `error: must specify one of -f and -k\n\nSee 'kubectl ${mode} -h' for help and examples\n`,
      { exitCode: 1 },
    );
  }
  const read = readFiles(context, paths);
  return applyManifests(context, parsed, mode, read.files, read.errors);
}

/** Checks and stores every object of the given manifest texts, reporting as kubectl does. */
export function applyManifests(
  context: CommandContext,
  parsed: ParsedArgs,
  mode: WriteMode,
  files: readonly ManifestFile[],
  readErrors: readonly string[] = [],
): KubectlResult {
  const verbName = mode;
  const dryRun = dryRunOf(parsed);
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server')
    return done(context.state, '', `error: ${dryRun}\n`, { exitCode: 1 });
  const output = parseOutputFormat(stringFlag(parsed, 'output'), ['name', 'yaml', 'json', 'jsonpath']);
  if (!output.ok) return done(context.state, '', `error: ${output.error}\n`, { exitCode: 1 });
  const stdout: string[] = [];
  const errors: string[] = [...readErrors];
  const warnings: string[] = [];
  const printed: JsonObject[] = [];
  let state: ClusterState = context.state;
  let count = 0;
  const flagNamespace = stringFlag(parsed, 'namespace');
  const defaultNamespace = namespaceOf(context, parsed);
  for (const file of files) {
    const manifest = readManifest(file.text, file.source);
    errors.push(...manifest.errors);
    if (manifest.fatal) continue;
    for (const object of manifest.objects) {
      count++;
      if (
        object.type.namespaced &&
        flagNamespace !== undefined &&
        object.namespace !== undefined &&
        object.namespace !== flagNamespace
      ) {
        errors.push(
          `error: the namespace from the provided object "${object.namespace}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${object.namespace}' to perform this operation.`,
        );
        continue;
      }
      const namespace = object.type.namespaced ? (object.namespace ?? defaultNamespace) : undefined;
      const checked = checkObject(object, namespace ?? '');
      const creating =
        findObject(state, object.type.kind as StoredObject['kind'], namespace, object.name) === undefined;
      if (!checked.ok) {
        const verb =
          mode === 'replace' ? 'replacing' : creating || mode === 'create' ? 'creating' : 'patching';
        errors.push(
          checked.reason === 'Invalid'
            ? checked.message
            : `Error from server (BadRequest): error when ${verb} "${file.source}": ${checked.message}`,
        );
        continue;
      }
      const draft =
        namespace === undefined ? (({ namespace: _dropped, ...rest }) => rest)(checked.draft) : checked.draft;
      const lastApplied =
        mode === 'apply' || parsed.flags['save-config'] === true
          ? lastAppliedText(object, namespace)
          : undefined;
      const written = writeDraft(state, object.type, draft, mode, {
        now: context.io.now,
        ...(lastApplied === undefined ? {} : { lastApplied }),
        ...(file.generated === true ? {} : { source: file.source }),
      });
      if (!written.ok) {
        errors.push(written.message);
        continue;
      }
      if (written.warning !== undefined) warnings.push(written.warning);
      const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
      const reference = `${qualifiedSingular(object.type)}/${object.name}`;
      const stored = findObject(
        written.state,
        object.type.kind as StoredObject['kind'],
        namespace,
        object.name,
      );
      if (output.format.kind === 'name') stdout.push(`${reference}\n`);
      else if (output.format.kind !== 'default' && stored !== undefined)
        printed.push(apiObject(written.state, stored));
      else stdout.push(`${reference} ${written.verb}${suffix}\n`);
      if (dryRun === 'none') state = written.state;
    }
  }
  if (count === 0 && errors.length === 0) errors.push(`error: no objects passed to ${verbName}`);
  if (printed.length > 0) {
    const text = printObjects(output.format, printed, printed.length === 1);
    stdout.push(text.ok ? text.text : '');
    if (!text.ok) errors.push(`error: ${text.error}`);
  }
  const stderr = [...warnings, ...errors].map((line) => `${line}\n`).join('');
  return done(state, stdout.join(''), stderr, { exitCode: errors.length > 0 ? 1 : 0 });
}
