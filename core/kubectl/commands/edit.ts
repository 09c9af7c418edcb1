/**
 * `kubectl edit TYPE NAME`: asks the UI to open an editor on the live object's YAML (an `edit`
 * effect), and {@link finishEdit} stores what the learner saved — or reopens the editor with the
 * API server's complaints on top, as kubectl does, or cancels when nothing changed.
 */
import { checkObject } from '../apply/check-object.ts';
import { readManifest } from '../apply/read-manifest.ts';
import { writeDraft } from '../apply/write-object.ts';
import { done, failed, namespaceOf, notFoundMessage } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { stringFlag } from '../command-line/flags.ts';
import type { ParsedArgs } from '../command-line/flags.ts';
import { parseResourceArgs } from '../command-line/resource-args.ts';
import { qualifiedPlural, qualifiedSingular, typeOf } from '../command-line/resources.ts';
import { apiObject } from '../objects/api-objects.ts';
import { stableHash } from '../../netpol/read/pod-identity.ts';
import { findObject } from '../state/store.ts';
import type { StoredKind } from '../state/store.ts';
import { toYamlText } from '../text/object-output.ts';
import type { ClusterState, EditSession, KubectlIo, KubectlResult } from '../types.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function fileName(session: Pick<EditSession, 'kind' | 'namespace' | 'name'>): string {
  return `/tmp/kubectl-edit-${stableHash(`${session.kind}/${session.namespace ?? ''}/${session.name}`) % 10_000_000_000}.yaml`;
}

function reopen(
  state: ClusterState,
  session: EditSession,
  body: string,
  problems: readonly string[],
): KubectlResult {
  const type = typeOf(session.kind);
  const notes = problems
    .flatMap((problem) => problem.split('\n'))
    .map((line) => `# ${line.startsWith('* ') ? line : `* ${line}`}`);
  const text = `${HEADER}# ${qualifiedPlural(type)} "${session.name}" was not valid:\n${notes.join('\n')}\n#\n${body}`;
  const next: EditSession = { ...session, original: text, reopened: true };
  return done(state, '', '', {
    effects: [{ kind: 'edit', fileName: fileName(session), text, session: next }],
  });
}

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/**
 * Finishes a `kubectl edit` with the text the learner saved in the editor. Returns kubectl's
 * output; when the text is invalid the result carries a new `edit` effect to reopen the editor.
 */
export function finishEdit(
  state: ClusterState,
  session: EditSession,
  edited: string,
  io: KubectlIo,
): KubectlResult {
  const type = typeOf(session.kind);
  const body = withoutComments(edited);
  if (edited === session.original || body.trim() === '') {
    return session.reopened === true && body.trim() !== ''
      ? failed(state, `error: Edit cancelled, no valid changes were saved.`)
      : done(state, 'Edit cancelled, no changes made.\n');
  }
  const source = fileName(session);
  const read = readManifest(body, source);
  if (read.fatal || read.objects.length !== 1) {
    const problem = read.errors[0]?.replace(/^error: /, '') ?? 'the file must hold exactly one object';
    return reopen(state, session, body, [`The edited file had a syntax error: ${problem}`]);
  }
  const object = read.objects[0] as (typeof read.objects)[number];
  const namespace = object.namespace ?? session.namespace;
  if (
    object.type.kind !== session.kind ||
    object.name !== session.name ||
    (type.namespaced && namespace !== session.namespace)
  ) {
    return failed(
      state,
      `error: At least one of apiVersion, kind and name was changed\nA copy of your changes has been stored to "${source}"`,
    );
  }
  const checked = checkObject(object, namespace ?? '');
  if (!checked.ok) return reopen(state, session, body, [checked.message]);
  const draft = type.namespaced ? checked.draft : (({ namespace: _dropped, ...rest }) => rest)(checked.draft);
  const written = writeDraft(state, type, draft, 'replace', { now: io.now });
  if (!written.ok) return reopen(state, session, body, [written.message]);
  if (written.verb === 'unchanged') return done(state, 'Edit cancelled, no changes made.\n');
  const reference = `${qualifiedSingular(type)}/${session.name}`;
  return done(written.state, session.output === 'name' ? `${reference}\n` : `${reference} edited\n`);
}

function run(context: CommandContext, parsed: ParsedArgs): KubectlResult {
  const resources = parseResourceArgs(parsed.positionals);
  if (!resources.ok) return failed(context.state, `error: ${resources.error}`);
  const request = resources.requests[0];
  const name = request?.names[0];
  if (
    request === undefined ||
    name === undefined ||
    resources.requests.length > 1 ||
    request.names.length > 1
  ) {
    return failed(
      context.state,
      "error: the lab's editor opens one object at a time: kubectl edit TYPE NAME",
    );
  }
  const type = request.type;
  if (type.kind === 'Node' || type.kind === 'ReplicaSet')
    return failed(context.state, `error: the lab does not edit ${type.plural}`);
  const namespace = type.namespaced ? namespaceOf(context, parsed) : undefined;
  const object = findObject(context.state, type.kind as StoredKind, namespace, name);
  if (object === undefined) return failed(context.state, notFoundMessage(type, name));
  const text = `${HEADER}${toYamlText(apiObject(context.state, object))}`;
  const output = stringFlag(parsed, 'output');
  const session: EditSession = {
    kind: object.kind,
    ...(namespace === undefined ? {} : { namespace }),
    name,
    original: text,
    ...(output === undefined ? {} : { output }),
  };
  return done(context.state, '', '', {
    effects: [{ kind: 'edit', fileName: fileName(session), text, session }],
  });
}

export const editCommand: Command = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  description:
    'Edit a resource from the default editor.\n\nThe edit command allows you to directly edit any API resource you can retrieve via the command-line tools. The lab opens its editor on the live object; save and close to apply the change. If an error occurs while saving, the editor reopens with the relevant failures at the top; an empty file, or leaving it as it was, cancels the edit.',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  examples: `  # Edit a network policy of namespace prod
  kubectl edit netpol allow-dns -n prod

  # Edit the labels of a pod
  kubectl edit pod/web`,
  flags: [
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage: 'Output format. One of: (name).',
      defaultText: "''",
    },
  ],
  takesResource: true,
  run,
};
