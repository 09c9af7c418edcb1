/**
 * `kubectl exec [-it] POD [-n NS] [-c CONTAINER] -- COMMAND [ARGS…]`: runs a probe tool inside the
 * pod (or the first pod of `deploy/NAME` and the like). The tool's connection is decided by the
 * engine; the result carries a `probe` effect and, for a timeout, the wait to show first.
 */
import { done, failed, namespaceOf, notFoundMessage } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { boolFlag, stringFlag } from '../command-line/flags.ts';
import type { ParsedArgs } from '../command-line/flags.ts';
import { findResourceType, typeOf } from '../command-line/resources.ts';
import { podsOf } from '../objects/workload-pods.ts';
import { podModel } from '../state/cluster-view.ts';
import { findObject } from '../state/store.ts';
import type { PodObject, WorkloadObject } from '../types.ts';
import { asExecResult } from '../tools/probe.ts';
import { runInPod } from '../tools/run-in-pod.ts';

function findPod(context: CommandContext, reference: string, namespace: string): PodObject | string {
  const slash = reference.indexOf('/');
  const type = slash === -1 ? typeOf('Pod') : findResourceType(reference.slice(0, slash));
  const name = slash === -1 ? reference : reference.slice(slash + 1);
  if (type === undefined)
    return `error: the server doesn't have a resource type "${reference.slice(0, slash)}"`;
  if (type.kind === 'Pod') {
    const pod = findObject(context.state, 'Pod', namespace, name);
    return pod === undefined ? notFoundMessage(type, name) : (pod as PodObject);
  }
  if (
    type.kind === 'Deployment' ||
    type.kind === 'StatefulSet' ||
    type.kind === 'DaemonSet' ||
    type.kind === 'Job'
  ) {
    const workload = findObject(context.state, type.kind, namespace, name);
    if (workload === undefined) return notFoundMessage(type, name);
    const pod = podsOf(context.state, workload as WorkloadObject)[0];
    return (
      pod ?? `error: cannot exec into a container in a completed pod; ${type.singular} ${name} has no pods`
    );
  }
  return `error: cannot attach to ${type.kind.toLowerCase()}: selector for ${type.plural} is not implemented`;
}

function run(context: CommandContext, parsed: ParsedArgs) {
  const [reference, ...extra] = parsed.positionals;
  if (reference === undefined) {
    return failed(
      context.state,
      "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (parsed.afterDash === undefined) {
    return failed(
      context.state,
      extra.length > 0
        ? "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples"
        : "error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (parsed.afterDash.length === 0)
    return failed(context.state, 'error: you must specify at least one command for the container');
  const pod = findPod(context, reference, namespaceOf(context, parsed));
  if (typeof pod === 'string') return failed(context.state, pod);
  const container = stringFlag(parsed, 'container');
  if (container !== undefined && !pod.containers.some((candidate) => candidate.name === container)) {
    return failed(context.state, `error: unable to upgrade connection: container not found ("${container}")`);
  }
  const output = runInPod(context.state, podModel(pod), parsed.afterDash, boolFlag(parsed, 'tty'));
  const result = asExecResult(context.state, output);
  return done(result.state, result.stdout, result.stderr, {
    exitCode: result.exitCode,
    ...(result.delayMs === undefined ? {} : { delayMs: result.delayMs }),
    ...(result.effects === undefined ? {} : { effects: result.effects }),
  });
}

export const execCommand: Command = {
  name: 'exec',
  summary: 'Execute a command in a container',
  description:
    "Execute a command in a container.\n\nIn the lab every pod has curl, wget, nc, ping and nslookup, and each connection they open is decided by the NetworkPolicies in force: an allowed one gets the tool's normal answer, a denied one times out after the tool's timeout (curl -m/--max-time, wget -T, nc -w; 10 s when none is given). Looking up a name is itself a connection to kube-dns on 53/UDP.",
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  examples: `  # Does web reach the api Service on port 8080?
  kubectl exec web -n shop -- curl -s -m 2 http://api:8080

  # The same with BusyBox wget
  kubectl exec web -n shop -- wget -qO- -T 2 http://api.shop.svc.cluster.local:8080

  # Is port 5432 of the database open?
  kubectl exec deploy/backend -- nc -zv -w 2 db 5432

  # Can the pod resolve names?
  kubectl exec web -- nslookup kubernetes.default`,
  flags: [
    {
      name: 'container',
      short: 'c',
      type: 'string',
      usage:
        'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen',
      defaultText: "''",
    },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container', defaultText: 'false' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY', defaultText: 'false' },
    {
      name: 'quiet',
      short: 'q',
      type: 'bool',
      usage: 'Only print output from the remote session',
      defaultText: 'false',
    },
  ],
  run,
};
