/**
 * Running one command inside a pod, for `kubectl exec` and `kubectl run … -- CMD`: the network
 * tools (curl, wget, nc, ping, nslookup), a few read-only files, `timeout N CMD`, and `sh -c` with
 * a single plain command. Every pod has every tool. Anything else is reported as the container
 * runtime would report a missing executable.
 */
import type { Pod } from '../../netpol/types.ts';
import type { ClusterState } from '../types.ts';
import { runCurl } from './curl.ts';
import { runNc } from './nc.ts';
import { runCat, runNslookup } from './nslookup.ts';
import { runPing } from './ping.ts';
import type { ToolOutput } from './probe.ts';
import { runWget } from './wget.ts';

/** The commands a pod can run, for help and completion. */
export const POD_COMMANDS: readonly string[] = [
  'curl',
  'wget',
  'nc',
  'ping',
  'nslookup',
  'cat',
  'hostname',
  'timeout',
  'sh',
  'bash',
];

const SHELL_SPECIAL = /["'`$|&;<>(){}\\*?!]/;

function notFound(command: string, code = 127): ToolOutput {
  return {
    stdout: '',
    stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${command}": executable file not found in $PATH: unknown\n`,
    exitCode: code,
  };
}

/** Runs `argv` in `pod`; `terminal` is true when kubectl was given `-t`. */
export function runInPod(
  state: ClusterState,
  pod: Pod,
  argv: readonly string[],
  terminal: boolean,
  depth = 0,
): ToolOutput {
  const [command = '', ...args] = argv;
  const base = command.split('/').at(-1) ?? command;
  switch (base) {
    case 'curl':
      return runCurl(state, pod, args, terminal);
    case 'wget':
      return runWget(state, pod, args);
    case 'nc':
    case 'netcat':
      return runNc(state, pod, args);
    case 'ping':
      return runPing(state, pod, args);
    case 'nslookup':
      return runNslookup(state, pod, args);
    case 'cat':
      return runCat(state, pod, args);
    case 'hostname':
      return { stdout: `${pod.name}\n`, stderr: '', exitCode: 0 };
    case 'timeout': {
      const [limit = '', ...inner] = args;
      const seconds = Number(limit.replace(/s$/, ''));
      if (!Number.isFinite(seconds) || inner.length === 0 || depth > 2) {
        return { stdout: '', stderr: 'Usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n', exitCode: 1 };
      }
      const output = runInPod(state, pod, inner, terminal, depth + 1);
      if ((output.delayMs ?? 0) <= seconds * 1000) return output;
      return {
        stdout: '',
        stderr: '',
        exitCode: 124,
        delayMs: seconds * 1000,
        ...(output.effect === undefined ? {} : { effect: output.effect }),
      };
    }
    case 'sh':
    case 'bash':
    case 'ash': {
      if (args[0] !== '-c' || args[1] === undefined) {
        return {
          stdout: '',
          stderr:
            "error: the lab's pods run one command per exec and have no interactive shell; run the tool directly, e.g. kubectl exec POD -- curl -s -m 2 http://web\n",
          exitCode: 1,
        };
      }
      const line = args[1].trim();
      if (SHELL_SPECIAL.test(line) || depth > 2) {
        return {
          stdout: '',
          stderr: `${base}: the lab runs a single plain command inside pods (no quotes, pipes, variables or redirects): ${line}\n`,
          exitCode: 2,
        };
      }
      return runInPod(state, pod, line.split(/\s+/), terminal, depth + 1);
    }
    default:
      return notFound(command);
  }
}
