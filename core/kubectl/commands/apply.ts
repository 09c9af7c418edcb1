/**
 * `kubectl apply -f FILE|DIR|-`: creates or updates each object declaratively, recording the
 * last-applied configuration, as `kubectl apply` does.
 */
import { applyFiles } from '../apply/apply-files.ts';
import type { Command } from '../command-line/command.ts';
import type { FlagSpec } from '../command-line/flags.ts';

export const FILENAME_FLAG: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'stringArray',
  usage: 'The files that contain the configurations to apply (a file, a directory, or - for standard input).',
  defaultText: '[]',
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  noValue: 'client',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  defaultText: "'none'",
};

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  description:
    "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\nJSON and YAML formats are accepted.",
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  examples: `  # Apply the configuration in policy.yaml
  kubectl apply -f ./policy.yaml

  # Apply every manifest of a directory
  kubectl apply -f /opt/course/7/

  # Apply the YAML passed into stdin
  cat <<EOF | kubectl apply -f -
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
  spec:
    podSelector: {}
  EOF`,
  flags: [
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    {
      name: 'output',
      short: 'o',
      type: 'string',
      usage: 'Output format. One of: (json, yaml, name, jsonpath).',
      defaultText: "''",
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      usage: 'Process the directory used in -f, --filename recursively.',
      defaultText: 'false',
    },
    {
      name: 'validate',
      type: 'string',
      noValue: 'strict',
      usage: 'Must be one of: strict (or true), warn, ignore (or false).',
      defaultText: "'strict'",
    },
  ],
  run: (context, parsed) => applyFiles(context, parsed, 'apply'),
};
