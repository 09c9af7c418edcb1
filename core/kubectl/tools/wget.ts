/**
 * BusyBox `wget` inside a pod (`wget -qO- --timeout=2 http://web`, `wget --spider`): the same
 * resolution and engine decision as curl, BusyBox's messages and exit code 1 on any failure.
 */
import type { Pod } from '../../netpol/types.ts';
import type { ClusterState } from '../types.ts';
import { getopt, secondsToMs } from './getopt.ts';
import type { OptionTable } from './getopt.ts';
import { httpAnswer } from './http-answer.ts';
import { DEFAULT_TIMEOUT_MS, probeEffect, runProbe, toolUsage } from './probe.ts';
import type { ToolOutput } from './probe.ts';

const OPTIONS: OptionTable = {
  short: {
    q: { name: 'quiet', value: false },
    O: { name: 'output-document', value: true },
    T: { name: 'timeout', value: true },
    S: { name: 'server-response', value: false },
    t: { name: 'tries', value: true },
    U: { name: 'user-agent', value: true },
  },
  long: {
    quiet: { name: 'quiet', value: false },
    'output-document': { name: 'output-document', value: true },
    timeout: { name: 'timeout', value: true },
    spider: { name: 'spider', value: false },
    'server-response': { name: 'server-response', value: false },
    tries: { name: 'tries', value: true },
    'no-check-certificate': { name: 'no-check-certificate', value: false },
    'user-agent': { name: 'user-agent', value: true },
  },
};

/** Runs wget from `source`. */
export function runWget(state: ClusterState, source: Pod, args: readonly string[]): ToolOutput {
  const parsed = getopt(args, OPTIONS);
  if (!parsed.ok)
    return toolUsage(
      `wget: unrecognized option '${parsed.option.replace(/^-+/, '')}'\nBusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n`,
      1,
    );
  const target = parsed.operands[0];
  if (target === undefined)
    return toolUsage(
      'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n',
      1,
    );
  const match = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?(\/.*)?$/i.exec(target);
  if (match === null) return toolUsage(`wget: bad address '${target}'\n`, 1);
  const host = (match[2] ?? '').replace(/^\[|\]$/g, '');
  const port =
    match[3] === undefined ? ((match[1] ?? 'http').toLowerCase() === 'https' ? 443 : 80) : Number(match[3]);
  const quiet = parsed.options.get('quiet') === true;
  const document = parsed.options.get('output-document');
  const toStdout = document === '-';
  const timeoutMs = secondsToMs(parsed.options.get('timeout')) ?? DEFAULT_TIMEOUT_MS;
  const run = runProbe(state, source, host, port, 'TCP', timeoutMs);
  const effect = probeEffect('wget', source, run);
  const fail = (message: string, delayMs = 0): ToolOutput => ({
    stdout: '',
    stderr: `${message}\n`,
    exitCode: 1,
    delayMs,
    effect,
  });
  const connecting =
    run.phase === 'dns-timeout' || run.phase === 'nxdomain'
      ? ''
      : `Connecting to ${host}${host === run.ip ? '' : ` (${run.ip}:${port})`}\n`;
  const say = (text: string): string => (quiet ? '' : text);
  if (run.phase === 'dns-timeout') return fail(`wget: bad address '${host}'`, run.delayMs);
  if (run.phase === 'nxdomain') return fail(`wget: bad address '${host}'`);
  if (run.phase === 'refused')
    return {
      ...fail(`wget: can't connect to remote host (${run.ip}): Connection refused`),
      stderr: say(connecting) + `wget: can't connect to remote host (${run.ip}): Connection refused\n`,
    };
  if (run.phase === 'timed-out')
    return {
      ...fail('wget: download timed out', run.delayMs),
      stderr: say(connecting) + 'wget: download timed out\n',
    };
  const answer = httpAnswer(
    run.result.answeredBy ?? { kind: 'ip', ip: run.ip },
    run.result.target.targetPort ?? port,
  );
  if (answer.empty)
    return {
      stdout: '',
      stderr: say(connecting) + 'wget: error getting response: Connection reset by peer\n',
      exitCode: 1,
      effect,
    };
  if (answer.status >= 400)
    return {
      stdout: '',
      stderr: say(connecting) + `wget: server returned error: HTTP/1.1 ${answer.status} ${answer.reason}\n`,
      exitCode: 1,
      effect,
    };
  if (parsed.options.get('spider') === true)
    return { stdout: '', stderr: say(`${connecting}remote file exists\n`), exitCode: 0, effect };
  const name = toStdout ? 'stdout' : typeof document === 'string' ? `'${document}'` : "'index.html'";
  const size = answer.body.length;
  const progress = `${(toStdout ? '-' : typeof document === 'string' ? document : 'index.html').padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  const stderr = say(
    `${connecting}${toStdout ? 'writing to stdout' : `saving to ${name}`}\n${progress}${toStdout ? 'written to stdout' : `${name} saved`}\n`,
  );
  return { stdout: toStdout ? answer.body : '', stderr, exitCode: 0, effect };
}
