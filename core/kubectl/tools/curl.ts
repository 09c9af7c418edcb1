/**
 * `curl` inside a pod: the URL's host resolved (DNS is a policy decision too), the connection
 * decided by the engine, and curl's own output — the answer, `-I`/`-i` headers, `-w` variables,
 * the progress meter when stdout is not a terminal, and its error messages and exit codes
 * (6 cannot resolve, 7 refused, 28 timed out, 22 with `-f` on an HTTP error).
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
    s: { name: 'silent', value: false },
    S: { name: 'show-error', value: false },
    v: { name: 'verbose', value: false },
    I: { name: 'head', value: false },
    i: { name: 'include', value: false },
    f: { name: 'fail', value: false },
    k: { name: 'insecure', value: false },
    L: { name: 'location', value: false },
    m: { name: 'max-time', value: true },
    o: { name: 'output', value: true },
    w: { name: 'write-out', value: true },
    X: { name: 'request', value: true },
    H: { name: 'header', value: true },
    d: { name: 'data', value: true },
    '4': { name: 'ipv4', value: false },
    '6': { name: 'ipv6', value: false },
  },
  long: Object.fromEntries(
    [
      ['silent', false],
      ['show-error', false],
      ['verbose', false],
      ['head', false],
      ['include', false],
      ['fail', false],
      ['insecure', false],
      ['location', false],
      ['max-time', true],
      ['connect-timeout', true],
      ['output', true],
      ['write-out', true],
      ['request', true],
      ['header', true],
      ['data', true],
      ['retry', true],
      ['ipv4', false],
      ['ipv6', false],
    ].map(([name, value]) => [name as string, { name: name as string, value: value as boolean }]),
  ),
};

interface Url {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function parseUrl(text: string): Url | string {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]+\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(text);
  if (match === null) return `curl: (3) URL rejected: Malformed input to a URL function`;
  const scheme = (match[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `curl: (1) Protocol "${scheme}" not supported`;
  const host = match[2] ?? '';
  if (host === '') return 'curl: (3) URL rejected: No host part in the URL';
  const port = match[3] === undefined || match[3] === '' ? (scheme === 'https' ? 443 : 80) : Number(match[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535';
  return { scheme, host, port, path: match[4] ?? '/' };
}

function meterLine(size: number, seconds: number, speed: number): string {
  const column = (value: number | string, width: number): string => String(value).padStart(width);
  const clock = seconds === 0 ? '--:--:--' : ` 0:00:${String(seconds).padStart(2, '0')}`;
  const percent = size === 0 ? 0 : 100;
  return `${column(percent, 3)} ${column(size, 5)} ${column(percent, 4)} ${column(size, 5)}    0     0 ${column(speed, 6)}      0 --:--:-- ${clock.padStart(8)} --:--:-- ${column(speed, 5)}\n`;
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function writeOut(format: string, values: { code: number; ip: string; seconds: number }): string {
  return format
    .replaceAll('%{http_code}', String(values.code).padStart(3, '0'))
    .replaceAll('%{response_code}', String(values.code).padStart(3, '0'))
    .replaceAll('%{remote_ip}', values.ip)
    .replaceAll('%{time_total}', values.seconds.toFixed(6))
    .replaceAll('\\n', '\n')
    .replaceAll('\\t', '\t');
}

/** Runs curl from `source`. `terminal`: kubectl exec was given `-t`, so curl shows no progress meter. */
export function runCurl(
  state: ClusterState,
  source: Pod,
  args: readonly string[],
  terminal: boolean,
): ToolOutput {
  const parsed = getopt(args, OPTIONS);
  if (!parsed.ok) {
    return toolUsage(
      parsed.problem === 'unknown'
        ? `curl: option ${parsed.option}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`
        : `curl: option ${parsed.option}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
      2,
    );
  }
  const option = (name: string) => parsed.options.get(name);
  const target = parsed.operands[0];
  if (target === undefined)
    return toolUsage(
      "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      2,
    );
  const url = parseUrl(target);
  if (typeof url === 'string') return toolUsage(`${url}\n`, Number(/\((\d+)\)/.exec(url)?.[1] ?? 3));
  const maxTime = secondsToMs(option('max-time'));
  const connectTimeout = secondsToMs(option('connect-timeout'));
  const timeoutMs = Math.min(
    maxTime ?? Infinity,
    connectTimeout ?? Infinity,
    maxTime === undefined && connectTimeout === undefined ? DEFAULT_TIMEOUT_MS : Infinity,
  );
  const silent = option('silent') === true;
  const showErrors = !silent || option('show-error') === true;
  const meter = !silent && !terminal && option('verbose') !== true;
  const run = runProbe(state, source, url.host.replace(/^\[|\]$/g, ''), url.port, 'TCP', timeoutMs);
  const effect = probeEffect('curl', source, run);
  const writeOutFormat = option('write-out');
  const seconds = Math.round(
    (run.phase === 'dns-timeout' || run.phase === 'timed-out' ? run.delayMs : 4) / 1000,
  );
  const fail = (code: number, message: string, delayMs = 0, ip = ''): ToolOutput => {
    const stdout =
      typeof writeOutFormat === 'string'
        ? writeOut(writeOutFormat, { code: 0, ip, seconds: delayMs / 1000 })
        : '';
    const stderr =
      (meter ? METER_HEAD + meterLine(0, seconds, 0) : '') +
      (showErrors ? `curl: (${code}) ${message}\n` : '');
    return { stdout, stderr, exitCode: code, delayMs, effect };
  };
  if (run.phase === 'dns-timeout') {
    return maxTime !== undefined && maxTime <= run.delayMs
      ? fail(28, `Resolving timed out after ${run.delayMs} milliseconds`, run.delayMs)
      : fail(6, `Could not resolve host: ${url.host}`, run.delayMs);
  }
  if (run.phase === 'nxdomain') return fail(6, `Could not resolve host: ${url.host}`);
  if (run.phase === 'refused')
    return fail(
      7,
      `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
      0,
      run.ip,
    );
  if (run.phase === 'timed-out') {
    const ms = run.delayMs;
    if (maxTime !== undefined && maxTime <= (connectTimeout ?? Infinity))
      return fail(28, `Connection timed out after ${ms} milliseconds`, ms, run.ip);
    const why = connectTimeout !== undefined ? 'Timeout was reached' : "Couldn't connect to server";
    return fail(28, `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: ${why}`, ms, run.ip);
  }
  const answer = httpAnswer(
    run.result.answeredBy ?? { kind: 'ip', ip: run.ip },
    run.result.target.targetPort ?? url.port,
  );
  if (answer.empty) return fail(52, 'Empty reply from server', 0, run.ip);
  if (option('fail') === true && answer.status >= 400)
    return fail(22, `The requested URL returned error: ${answer.status}`, 0, run.ip);
  const head = `HTTP/1.1 ${answer.status} ${answer.reason}\r\n${answer.headers.map((header) => `${header}\r\n`).join('')}\r\n`;
  const onlyHead = option('head') === true;
  let body = onlyHead ? head : option('include') === true ? head + answer.body : answer.body;
  if (typeof option('output') === 'string') body = '';
  const size = onlyHead ? 0 : answer.body.length;
  const verbose =
    option('verbose') === true
      ? `*   Trying ${run.ip}:${url.port}...\n* Connected to ${url.host} (${run.ip}) port ${url.port}\n> ${onlyHead ? 'HEAD' : 'GET'} ${url.path} HTTP/1.1\n> Host: ${url.host}${url.port === 80 ? '' : `:${url.port}`}\n> User-Agent: curl/8.5.0\n> Accept: */*\n>\n< HTTP/1.1 ${answer.status} ${answer.reason}\n${answer.headers.map((header) => `< ${header}\n`).join('')}<\n`
      : '';
  const stdout =
    body +
    (typeof writeOutFormat === 'string'
      ? writeOut(writeOutFormat, { code: answer.status, ip: run.ip, seconds: 0.004 })
      : '');
  const stderr =
    verbose +
    (meter ? METER_HEAD + meterLine(size, 0, size * 250) : '') +
    (option('verbose') === true ? `* Connection #0 to host ${url.host} left intact\n` : '');
  return { stdout, stderr, exitCode: 0, effect };
}
