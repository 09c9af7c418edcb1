/**
 * `kubectl run NAME --image=IMAGE`: creates a pod labelled `run=NAME` (or `--labels`). With
 * `--dry-run=client -o yaml` it prints the pod as kubectl generates it. With `--rm -it … -- CMD`
 * it starts the pod, runs the command in it (a probe from a throwaway pod, the exam's favourite),
 * prints the output and deletes the pod again.
 */
import { done, failed, namespaceOf } from '../command-line/command.ts';
import type { Command } from '../command-line/command.ts';
import { boolFlag, stringFlag } from '../command-line/flags.ts';
import { podModel } from '../state/cluster-view.ts';
import { findObject } from '../state/store.ts';
import { asExecResult } from '../tools/probe.ts';
import { runInPod } from '../tools/run-in-pod.ts';
import type { PodObject } from '../types.ts';
import { DRY_RUN_FLAG } from './apply.ts';
import { createGenerated } from './create.ts';
import { deleteObject } from './delete.ts';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a particular image on the cluster',
  description: 'Create and run a particular image in a pod.',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  examples: `  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Write a pod's YAML to a file
  kubectl run web --image=nginx --port=80 --labels=app=web --dry-run=client -o yaml > web.yaml

  # Probe from a throwaway pod that is deleted afterwards
  kubectl run tmp --image=busybox --rm -it --restart=Never -- wget -qO- -T 2 http://web`,
  flags: [
    { name: 'image', type: 'string', usage: 'The image for the container to run.', defaultText: "''" },
    {
      name: 'labels',
      short: 'l',
      type: 'string',
      usage: 'Comma separated labels to apply to the pod. Will override previous values.',
      defaultText: "''",
    },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.', defaultText: "''" },
    {
      name: 'restart',
      type: 'string',
      usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
      defaultText: "'Always'",
    },
    {
      name: 'rm',
      type: 'bool',
      usage:
        "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
      defaultText: 'false',
    },
    {
      name: 'stdin',
      short: 'i',
      type: 'bool',
      usage: 'Keep stdin open on the container in the pod, even if nothing is attached.',
      defaultText: 'false',
    },
    {
      name: 'tty',
      short: 't',
      type: 'bool',
      usage: 'Allocate a TTY for the container in the pod.',
      defaultText: 'false',
    },
    {
      name: 'command',
      type: 'bool',
      usage:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
      defaultText: 'false',
    },
    {
      name: 'attach',
      type: 'bool',
      usage:
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.",
      defaultText: 'false',
    },
    DRY_RUN_FLAG,
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage: 'Output format. One of: (json, yaml, name, jsonpath).',
      defaultText: "''",
    },
  ],
  run(context, parsed) {
    const [name] = parsed.positionals;
    if (name === undefined)
      return failed(
        context.state,
        "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
      );
    const image = stringFlag(parsed, 'image');
    if (image === undefined || image === '')
      return failed(context.state, 'error: required flag(s) "image" not set');
    const labels: Record<string, string> = {};
    for (const pair of (stringFlag(parsed, 'labels') ?? `run=${name}`).split(',')) {
      const [key = '', value = ''] = pair.split('=');
      if (key !== '') labels[key] = value;
    }
    const restart = stringFlag(parsed, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart))
      return failed(context.state, `error: invalid restart policy: ${restart}`);
    const attach = boolFlag(parsed, 'stdin') || boolFlag(parsed, 'attach');
    if (boolFlag(parsed, 'rm') && !attach)
      return failed(context.state, 'error: --rm should only be used for attached containers');
    const port = stringFlag(parsed, 'port');
    const commandWords = parsed.afterDash ?? [];
    const container = {
      ...(commandWords.length === 0
        ? {}
        : boolFlag(parsed, 'command')
          ? { command: [...commandWords] }
          : { args: [...commandWords] }),
      image,
      name,
      ...(port === undefined || port === '' ? {} : { ports: [{ containerPort: Number(port) }] }),
      resources: {},
    };
    const namespace = namespaceOf(context, parsed);
    const manifest = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels, name, ...(stringFlag(parsed, 'namespace') === undefined ? {} : { namespace }) },
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    };
    if (stringFlag(parsed, 'dry-run') !== undefined || !attach)
      return createGenerated(context, parsed, manifest);
    if (commandWords.length === 0) {
      const created = createGenerated(context, parsed, manifest);
      if (created.exitCode !== 0) return created;
      return done(
        created.state,
        created.stdout,
        "If you don't see a command prompt, try pressing enter.\nerror: the lab's pods have no interactive shell; give the command after --, e.g. kubectl run tmp --image=busybox --rm -it -- wget -qO- -T 2 http://web\n",
        { exitCode: 1 },
      );
    }
    const created = createGenerated(
      context,
      { ...parsed, flags: { ...parsed.flags, output: 'name' } },
      manifest,
    );
    if (created.exitCode !== 0) return created;
    const pod = findObject(created.state, 'Pod', namespace, name) as PodObject;
    const output = asExecResult(
      created.state,
      runInPod(created.state, podModel(pod), commandWords, boolFlag(parsed, 'tty')),
    );
    let state = created.state;
    let stdout = output.stdout;
    let stderr = output.stderr.replace(/command terminated with exit code \d+\n$/, '');
    if (boolFlag(parsed, 'rm')) {
      const removed = deleteObject(state, pod, context.io.now);
      if (typeof removed !== 'string') state = removed;
      stdout += `pod "${name}" deleted\n`;
    }
    if (output.exitCode !== 0) stderr += `pod ${namespace}/${name} terminated (Error)\n`;
    return done(state, stdout, stderr, {
      exitCode: output.exitCode === 0 ? 0 : 1,
      ...(output.delayMs === undefined ? {} : { delayMs: output.delayMs }),
      ...(output.effects === undefined ? {} : { effects: output.effects }),
    });
  },
};
