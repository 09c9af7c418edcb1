/**
 * The informational commands: `version`, `api-resources`, `cluster-info`, and `config`
 * (`current-context`, `get-contexts`, `view`, `use-context`, `set-context --current --namespace`,
 * the last one changing the namespace later commands use).
 */
import { done, failed } from '../command-line/command.ts';
import type { Command } from '../command-line/command.ts';
import { boolFlag, stringFlag } from '../command-line/flags.ts';
import { parseOutputFormat, printObjects } from '../command-line/output-format.ts';
import { RESOURCE_TYPES, apiVersionOf } from '../command-line/resources.ts';
import {
  API_SERVER_URL,
  CLIENT_VERSION,
  CLUSTER_NAME,
  CONTEXT_NAME,
  KUSTOMIZE_VERSION,
  SERVER_VERSION,
  USER_NAME,
} from '../objects/cluster-facts.ts';
import { formatTable } from '../text/tabwriter.ts';
import type { JsonObject } from '../text/object-output.ts';
import type { ClusterState } from '../types.ts';

const OUTPUT = {
  name: 'output',
  short: 'o',
  type: 'string' as const,
  usage: 'Output format.',
  defaultText: "''",
};

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the client and server version information',
  description: 'Print the client and server version information for the current context.',
  usage: 'kubectl version [flags] [options]',
  examples: '  # Print the client and server versions for the current context\n  kubectl version',
  flags: [
    {
      name: 'client',
      type: 'bool',
      usage: 'If true, shows client version only (no server required).',
      defaultText: 'false',
    },
    OUTPUT,
  ],
  run(context, parsed) {
    const client = boolFlag(parsed, 'client');
    const format = stringFlag(parsed, 'output');
    if (format === 'yaml' || format === 'json') {
      const info = (version: string) => ({
        gitVersion: version,
        goVersion: 'go1.22.10',
        major: '1',
        minor: version.split('.')[1] ?? '',
        platform: 'linux/amd64',
      });
      const data: JsonObject = {
        clientVersion: info(CLIENT_VERSION),
        kustomizeVersion: KUSTOMIZE_VERSION,
        ...(client ? {} : { serverVersion: info(SERVER_VERSION) }),
      };
      const printed = printObjects({ kind: format }, [data], true);
      return done(context.state, printed.ok ? printed.text : '');
    }
    if (format !== undefined) return failed(context.state, `error: --output must be 'yaml' or 'json'`);
    return done(
      context.state,
      `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n${client ? '' : `Server Version: ${SERVER_VERSION}\n`}`,
    );
  },
};

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  description: 'Print the supported API resources on the server.',
  usage: 'kubectl api-resources [flags] [options]',
  examples:
    '  # Print the supported API resources\n  kubectl api-resources\n\n  # Print the supported namespaced resources\n  kubectl api-resources --namespaced=true',
  flags: [
    OUTPUT,
    {
      name: 'namespaced',
      type: 'bool',
      usage:
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
      defaultText: 'true',
    },
    {
      name: 'no-headers',
      type: 'bool',
      usage:
        "When using the default or custom-column output format, don't print headers (default print headers).",
      defaultText: 'false',
    },
  ],
  run(context, parsed) {
    const namespaced = parsed.flags.namespaced;
    const types = RESOURCE_TYPES.filter(
      (type) => typeof namespaced !== 'boolean' || type.namespaced === namespaced,
    );
    const format = stringFlag(parsed, 'output');
    if (format === 'name') {
      return done(
        context.state,
        types.map((type) => `${type.group === '' ? type.plural : `${type.plural}.${type.group}`}\n`).join(''),
      );
    }
    const wide = format === 'wide';
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS'] : [])];
    const rows = types.map((type) => [
      type.plural,
      type.shortNames.join(','),
      apiVersionOf(type),
      String(type.namespaced),
      type.kind,
      ...(wide ? [`[${type.verbs.join(' ')}]`] : []),
    ]);
    return done(context.state, formatTable(boolFlag(parsed, 'no-headers') ? rows : [header, ...rows]));
  },
};

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  summary: 'Display cluster information',
  description:
    'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
  usage: 'kubectl cluster-info [flags] [options]',
  examples: '  # Print the address of the control plane and cluster services\n  kubectl cluster-info',
  flags: [],
  run(context) {
    const dns = context.state.services.some(
      (service) => service.metadata.namespace === 'kube-system' && service.metadata.name === 'kube-dns',
    );
    const lines = [`Kubernetes control plane is running at ${API_SERVER_URL}`];
    if (dns)
      lines.push(
        `CoreDNS is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy`,
      );
    return done(
      context.state,
      `${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
    );
  },
};

function kubeconfig(state: ClusterState): JsonObject {
  const namespace: JsonObject =
    state.currentNamespace === 'default' ? {} : { namespace: state.currentNamespace };
  return {
    apiVersion: 'v1',
    clusters: [
      {
        cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: API_SERVER_URL },
        name: CLUSTER_NAME,
      },
    ],
    contexts: [{ context: { cluster: CLUSTER_NAME, ...namespace, user: USER_NAME }, name: CONTEXT_NAME }],
    'current-context': CONTEXT_NAME,
    kind: 'Config',
    preferences: {},
    users: [
      {
        name: USER_NAME,
        user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
      },
    ],
  };
}

const configSubcommands: readonly Command[] = [
  {
    name: 'current-context',
    summary: 'Display the current-context',
    description: 'Display the current-context.',
    usage: 'kubectl config current-context [options]',
    examples: '  # Display the current-context\n  kubectl config current-context',
    flags: [],
    run: (context) => done(context.state, `${CONTEXT_NAME}\n`),
  },
  {
    name: 'get-contexts',
    summary: 'Describe one or many contexts',
    description: 'Display one or many contexts from the kubeconfig file.',
    usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
    examples: '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts',
    flags: [
      OUTPUT,
      {
        name: 'no-headers',
        type: 'bool',
        usage:
          "When using the default or custom-column output format, don't print headers (default print headers).",
        defaultText: 'false',
      },
    ],
    run(context, parsed) {
      if (stringFlag(parsed, 'output') === 'name') return done(context.state, `${CONTEXT_NAME}\n`);
      const namespace = context.state.currentNamespace === 'default' ? '' : context.state.currentNamespace;
      const rows = [['*', CONTEXT_NAME, CLUSTER_NAME, USER_NAME, namespace]];
      return done(
        context.state,
        formatTable(
          boolFlag(parsed, 'no-headers')
            ? rows
            : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows],
        ),
      );
    },
  },
  {
    name: 'view',
    summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
    description: 'Display merged kubeconfig settings or a specified kubeconfig file.',
    usage: 'kubectl config view [flags] [options]',
    examples:
      "  # Show the namespace of the current context\n  kubectl config view --minify -o jsonpath='{..namespace}'",
    flags: [
      OUTPUT,
      {
        name: 'minify',
        type: 'bool',
        usage: 'Remove all information not used by current-context from the output',
        defaultText: 'false',
      },
      { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data', defaultText: 'false' },
    ],
    run(context, parsed) {
      const output = parseOutputFormat(stringFlag(parsed, 'output') ?? 'yaml', ['yaml', 'json', 'jsonpath']);
      if (!output.ok) return failed(context.state, `error: ${output.error}`);
      const printed = printObjects(output.format, [kubeconfig(context.state)], true);
      return printed.ok
        ? done(context.state, printed.text)
        : failed(context.state, `error: ${printed.error}`);
    },
  },
  {
    name: 'use-context',
    summary: 'Set the current-context in a kubeconfig file',
    description: 'Set the current-context in a kubeconfig file.',
    usage: 'kubectl config use-context CONTEXT_NAME [options]',
    examples: `  # Use the context of the lab's cluster\n  kubectl config use-context ${CONTEXT_NAME}`,
    flags: [],
    run(context, parsed) {
      const [name] = parsed.positionals;
      if (name !== CONTEXT_NAME)
        return failed(context.state, `error: no context exists with the name: "${name ?? ''}"`);
      return done(context.state, `Switched to context "${CONTEXT_NAME}".\n`);
    },
  },
  {
    name: 'set-context',
    summary: 'Set a context entry in kubeconfig',
    description:
      'Set a context entry in kubeconfig. The lab has one context; --current --namespace=NAME changes the namespace every later command uses by default.',
    usage:
      'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
    examples:
      '  # Work in namespace prod from now on\n  kubectl config set-context --current --namespace=prod',
    flags: [
      { name: 'current', type: 'bool', usage: 'Modify the current context', defaultText: 'false' },
      {
        name: 'cluster',
        type: 'string',
        usage: 'cluster for the context entry in kubeconfig',
        defaultText: "''",
      },
      { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig', defaultText: "''" },
    ],
    run(context, parsed) {
      const [name] = parsed.positionals;
      if (!boolFlag(parsed, 'current') && name !== CONTEXT_NAME) {
        return failed(
          context.state,
          `error: the lab's kubeconfig has one context; use --current (or the name ${CONTEXT_NAME})`,
        );
      }
      const namespace = stringFlag(parsed, 'namespace');
      const state =
        namespace === undefined
          ? context.state
          : { ...context.state, currentNamespace: namespace === '' ? 'default' : namespace };
      return done(state, `Context "${CONTEXT_NAME}" modified.\n`);
    },
  },
];

export const configCommand: Command = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  description:
    'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".',
  usage: 'kubectl config SUBCOMMAND [options]',
  examples: '',
  flags: [],
  subcommands: configSubcommands,
  run(context, parsed) {
    const [word] = parsed.positionals;
    if (word !== undefined)
      return failed(context.state, `error: unknown command "${word}" for "kubectl config"`);
    const list = configSubcommands.map((sub) => `  ${sub.name.padEnd(17)} ${sub.summary}`).join('\n');
    return done(
      context.state,
      `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n${list}\n\nUsage:\n  kubectl config SUBCOMMAND [options]\n`,
    );
  },
};
