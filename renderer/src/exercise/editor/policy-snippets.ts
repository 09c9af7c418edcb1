/**
 * Whole-policy snippets offered at the top level of a document: the recipes a learner reaches for
 * first. Each is a CodeMirror snippet template: `${name}` fields are visited with Tab, in order.
 */

/** A snippet as the completion list shows it. */
export interface PolicySnippet {
  readonly label: string;
  readonly detail: string;
  readonly template: string;
}

const HEAD = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n';

/** The snippets, in the order the list shows them. */
export const POLICY_SNIPPETS: readonly PolicySnippet[] = [
  {
    label: 'deny all ingress',
    detail: 'snippet: every pod in a namespace',
    template: `${HEAD}  name: \${default-deny-ingress}\n  namespace: \${default}\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n`,
  },
  {
    label: 'deny all egress',
    detail: 'snippet: every pod in a namespace',
    template: `${HEAD}  name: \${default-deny-egress}\n  namespace: \${default}\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n`,
  },
  {
    label: 'allow DNS',
    detail: 'snippet: egress to kube-dns on 53',
    template:
      `${HEAD}  name: \${allow-dns}\n  namespace: \${default}\nspec:\n  podSelector: {}\n  policyTypes:\n    - Egress\n` +
      '  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n' +
      '              kubernetes.io/metadata.name: kube-system\n          podSelector:\n' +
      '            matchLabels:\n              k8s-app: kube-dns\n      ports:\n' +
      '        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n',
  },
  {
    label: 'allow from a namespace',
    detail: 'snippet: ingress from every pod of one namespace',
    template:
      `${HEAD}  name: \${allow-from-namespace}\n  namespace: \${default}\nspec:\n  podSelector:\n` +
      '    matchLabels:\n      ${app}: ${web}\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n' +
      '        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ${other}\n',
  },
];
