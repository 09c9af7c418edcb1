/**
 * `kubectl create -f FILE`, `create namespace NAME`, `create deployment NAME --image=…` and
 * `create service clusterip NAME --tcp=PORT:TARGET`. The generated objects go through the same
 * checks as a manifest; `--dry-run=client -o yaml` prints them as kubectl generates them.
 */
import { applyFiles, applyManifests, dryRunOf } from '../apply/apply-files.ts';
import { done, failed, namespaceOf } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { listFlag, stringFlag } from '../command-line/flags.ts';
import type { FlagSpec, ParsedArgs } from '../command-line/flags.ts';
import { parseOutputFormat, printObjects } from '../command-line/output-format.ts';
import { toYamlText } from '../text/object-output.ts';
import type { JsonObject } from '../text/object-output.ts';
import type { KubectlResult } from '../types.ts';
import { DRY_RUN_FLAG, FILENAME_FLAG } from './apply.ts';

const OUTPUT: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  defaultText: "''",
};

/** The container name kubectl derives from an image: `registry/team/nginx:1.27` → `nginx`. */
export function containerNameOf(image: string): string {
  const last = image.split('/').at(-1) ?? image;
  return (last.split('@')[0] ?? last).split(':')[0] ?? last;
}

/**
 * Prints a generated object for `--dry-run=client` (with `creationTimestamp: null` and empty
 * status, as kubectl's generators write them), or creates it.
 */
export function createGenerated(
  context: CommandContext,
  parsed: ParsedArgs,
  manifest: JsonObject,
): KubectlResult {
  const dryRun = dryRunOf(parsed);
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server')
    return failed(context.state, `error: ${dryRun}`);
  const output = parseOutputFormat(stringFlag(parsed, 'output'), ['name', 'yaml', 'json', 'jsonpath']);
  if (!output.ok) return failed(context.state, `error: ${output.error}`);
  if (dryRun === 'client' && output.format.kind !== 'default') {
    const metadata = { ...(manifest.metadata as JsonObject), creationTimestamp: null };
    const shown = { ...manifest, metadata, status: {} };
    if (output.format.kind === 'name') {
      const kind = String(manifest.kind).toLowerCase();
      const group = String(manifest.apiVersion).includes('/')
        ? `.${String(manifest.apiVersion).split('/')[0]}`
        : '';
      return done(context.state, `${kind}${group}/${String((manifest.metadata as JsonObject).name)}\n`);
    }
    const printed = printObjects(output.format, [shown], true);
    return printed.ok ? done(context.state, printed.text) : failed(context.state, `error: ${printed.error}`);
  }
  return applyManifests(context, parsed, 'create', [
    { source: 'STDIN', text: toYamlText(manifest), generated: true },
  ]);
}

const namespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  summary: 'Create a namespace with the specified name',
  description: 'Create a namespace with the specified name.',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
  flags: [DRY_RUN_FLAG, OUTPUT],
  run(context, parsed) {
    const [name, ...rest] = parsed.positionals;
    if (name === undefined || rest.length > 0)
      return failed(
        context.state,
        `error: exactly one NAME is required, got ${parsed.positionals.length}\nSee 'kubectl create namespace -h' for help and examples`,
      );
    return createGenerated(context, parsed, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
      spec: {},
    });
  },
};

const deploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  summary: 'Create a deployment with the specified name',
  description: 'Create a deployment with the specified name.',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  examples:
    '  # Create a deployment named web that runs the nginx image with 3 replicas\n  kubectl create deployment web --image=nginx --replicas=3 --port=80',
  flags: [
    {
      name: 'image',
      type: 'stringArray',
      usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
      defaultText: '[]',
    },
    {
      name: 'replicas',
      short: 'r',
      type: 'int',
      usage: 'Number of replicas to create. Default is 1.',
      defaultText: '1',
    },
    {
      name: 'port',
      type: 'int',
      usage: 'The containerPort that this deployment exposes.',
      defaultText: '-1',
    },
    DRY_RUN_FLAG,
    OUTPUT,
  ],
  run(context, parsed) {
    const [name] = parsed.positionals;
    if (name === undefined)
      return failed(
        context.state,
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples",
      );
    const images = listFlag(parsed, 'image');
    if (images.length === 0) return failed(context.state, 'error: required flag(s) "image" not set');
    const port =
      typeof parsed.flags.port === 'number' && parsed.flags.port > 0 ? parsed.flags.port : undefined;
    const replicas = typeof parsed.flags.replicas === 'number' ? parsed.flags.replicas : 1;
    const labels = { app: name };
    const containers = images.map((image) => ({
      image,
      name: containerNameOf(image),
      ...(port === undefined ? {} : { ports: [{ containerPort: port }] }),
      resources: {},
    }));
    return createGenerated(context, parsed, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        labels,
        name,
        ...(stringFlag(parsed, 'namespace') === undefined ? {} : { namespace: namespaceOf(context, parsed) }),
      },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      },
    });
  },
};

const serviceCommand: Command = {
  name: 'service',
  aliases: ['svc'],
  summary: 'Create a service using a specified subcommand',
  description:
    'Create a ClusterIP service: kubectl create service clusterip NAME --tcp=PORT:TARGET_PORT. It selects the pods labelled app=NAME.',
  usage:
    'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  examples:
    '  # Create a new ClusterIP service named my-cs\n  kubectl create service clusterip my-cs --tcp=5678:8080',
  flags: [
    {
      name: 'tcp',
      type: 'stringArray',
      usage: "Port pairs can be specified as '<port>:<targetPort>'.",
      defaultText: '[]',
    },
    {
      name: 'clusterip',
      type: 'string',
      usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
      defaultText: "''",
    },
    DRY_RUN_FLAG,
    OUTPUT,
  ],
  run(context, parsed) {
    const [type, name] = parsed.positionals;
    if (type !== 'clusterip')
      return failed(
        context.state,
        'error: the lab creates ClusterIP services only: kubectl create service clusterip NAME --tcp=PORT:TARGET',
      );
    if (name === undefined)
      return failed(
        context.state,
        "error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples",
      );
    const ports = listFlag(parsed, 'tcp').map((pair) => {
      const [port = '', target = port] = pair.split(':');
      return {
        name: `${port}-${target}`,
        port: Number(port),
        protocol: 'TCP',
        targetPort: /^\d+$/.test(target) ? Number(target) : target,
      };
    });
    if (ports.some((port) => !Number.isInteger(port.port)))
      return failed(context.state, 'error: --tcp takes <port>:<targetPort>, such as 80:8080');
    const clusterIP = stringFlag(parsed, 'clusterip');
    return createGenerated(context, parsed, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: name }, name },
      spec: {
        ...(clusterIP === undefined ? {} : { clusterIP }),
        ports,
        selector: { app: name },
        type: 'ClusterIP',
      },
    });
  },
};

export const createCommand: Command = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  description: 'Create a resource from a file or from stdin.\n\nJSON and YAML formats are accepted.',
  usage: 'kubectl create -f FILENAME [options]',
  examples: `  # Create the objects of a manifest
  kubectl create -f ./policy.yaml

  # Write a Deployment's YAML to a file, to edit and apply it
  kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml`,
  flags: [
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    OUTPUT,
    {
      name: 'save-config',
      type: 'bool',
      usage:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged.',
      defaultText: 'false',
    },
  ],
  subcommands: [namespaceCommand, deploymentCommand, serviceCommand],
  run(context, parsed) {
    if (parsed.positionals.length > 0) {
      return failed(
        context.state,
        `error: unknown command "${parsed.positionals[0]}" for "kubectl create"\nSee 'kubectl create -h' for help and examples`,
      );
    }
    return applyFiles(context, parsed, 'create');
  },
};
