/**
 * What answers an HTTP request in the simulated cluster: every pod runs a small web server that
 * says who it is (so a probe shows which pod a Service picked), the API server behind the
 * `kubernetes` Service refuses anonymous requests, and addresses outside the cluster answer plainly.
 */
import type { Endpoint } from '../../netpol/types.ts';

export interface HttpAnswer {
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly string[];
  readonly body: string;
  /** True when the server closes without answering (e.g. HTTP sent to a DNS port). */
  readonly empty: boolean;
}

const API_FORBIDDEN = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",
  "reason": "Forbidden",
  "details": {},
  "code": 403
}`;

/** The answer of `endpoint` to a request on `port`. */
export function httpAnswer(endpoint: Endpoint, port: number): HttpAnswer {
  if (port === 53) return { status: 0, reason: '', headers: [], body: '', empty: true };
  if (endpoint.kind === 'ip' && endpoint.name === 'kube-apiserver') {
    return {
      status: 403,
      reason: 'Forbidden',
      headers: [
        'Audit-Id: 6f1b2c1e-6a0e-4a53-9c3e-2f5d2c7b9a10',
        'Cache-Control: no-cache, private',
        'Content-Type: application/json',
        `Content-Length: ${API_FORBIDDEN.length + 1}`,
      ],
      body: `${API_FORBIDDEN}\n`,
      empty: false,
    };
  }
  const who =
    endpoint.kind === 'pod'
      ? `${endpoint.pod.name} (pod ${endpoint.pod.namespace}/${endpoint.pod.name}, ${endpoint.pod.ips[0] ?? 'no IP'})`
      : `${endpoint.name ?? endpoint.ip} (${endpoint.ip}, outside the cluster)`;
  const body = `Hello from ${who} on port ${port}\n`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      'Server: netpol-lab',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${body.length}`,
    ],
    body,
    empty: false,
  };
}
