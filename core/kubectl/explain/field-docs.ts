/**
 * Field documentation for `kubectl explain`, written for the lab in our own words: every field of
 * a NetworkPolicy in full, and the top level of the other kinds.
 */

export interface FieldDoc {
  readonly name: string;
  /** As kubectl shows types: `string`, `[]string`, `LabelSelector`, `IntOrString`. */
  readonly type: string;
  readonly required?: boolean;
  readonly description: string;
  readonly fields?: readonly FieldDoc[];
}

/** A kind's documentation: its group, version and root. */
export interface KindDoc {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly root: FieldDoc;
}

function metadata(): FieldDoc {
  return {
    name: 'metadata',
    type: 'ObjectMeta',
    description:
      "Standard object metadata: the object's name, namespace, labels and annotations, and what the server records about it.",
    fields: [
      {
        name: 'annotations',
        type: 'map[string]string',
        description: 'Free-form key/value notes for tools and people. Not used to select objects.',
      },
      {
        name: 'creationTimestamp',
        type: 'string',
        description: 'When the server created the object (RFC 3339, UTC). Set by the server; read-only.',
      },
      {
        name: 'generation',
        type: 'integer',
        description:
          'A counter the server increases whenever the desired state (the spec) changes. Read-only.',
      },
      {
        name: 'labels',
        type: 'map[string]string',
        description:
          'Key/value pairs that selectors match on. NetworkPolicies pick pods and namespaces by their labels.',
      },
      {
        name: 'name',
        type: 'string',
        description:
          "The object's name, unique among objects of its kind in its namespace. Required when creating; cannot be changed.",
      },
      {
        name: 'namespace',
        type: 'string',
        description:
          'The namespace the object lives in. Left out, it is the namespace of the request (default unless -n says otherwise).',
      },
      {
        name: 'resourceVersion',
        type: 'string',
        description:
          'An opaque version the server changes on every write, used to detect conflicting updates. Read-only.',
      },
      {
        name: 'uid',
        type: 'string',
        description: 'A unique identifier the server gives the object for its whole life. Read-only.',
      },
    ],
  };
}

const API_VERSION: FieldDoc = {
  name: 'apiVersion',
  type: 'string',
  description:
    'The versioned schema of this object, such as networking.k8s.io/v1. The server rejects versions it does not serve.',
};
const KIND: FieldDoc = {
  name: 'kind',
  type: 'string',
  description: 'The type of this object, in CamelCase, such as NetworkPolicy. Kinds are case-sensitive.',
};

function selector(name: string, description: string): FieldDoc {
  return {
    name,
    type: 'LabelSelector',
    description,
    fields: [
      {
        name: 'matchExpressions',
        type: '[]LabelSelectorRequirement',
        description: 'Requirements on labels, all of which must hold. Combined with matchLabels by AND.',
        fields: [
          {
            name: 'key',
            type: 'string',
            required: true,
            description: 'The label key the requirement is about.',
          },
          {
            name: 'operator',
            type: 'string',
            required: true,
            description:
              'How the key relates to the values: In (the value is one of them), NotIn (the key is missing or its value is none of them), Exists (the key is present), DoesNotExist (the key is missing).',
          },
          {
            name: 'values',
            type: '[]string',
            description:
              'The values for In and NotIn, which need at least one. Exists and DoesNotExist take none.',
          },
        ],
      },
      {
        name: 'matchLabels',
        type: 'map[string]string',
        description:
          'Labels that must all be present with exactly these values. An empty selector ({}) matches everything.',
      },
    ],
  };
}

function peer(direction: 'from' | 'to'): FieldDoc {
  const side = direction === 'from' ? 'sources' : 'destinations';
  return {
    name: direction,
    type: '[]NetworkPolicyPeer',
    description: `The ${side} this rule allows. A connection matches when it matches any item of the list. Left out or empty, the rule matches every ${direction === 'from' ? 'source' : 'destination'}, inside or outside the cluster.`,
    fields: [
      {
        name: 'ipBlock',
        type: 'IPBlock',
        description:
          'A range of IP addresses. It matches pod IPs as well as addresses outside the cluster. It cannot be combined with podSelector or namespaceSelector in the same item.',
        fields: [
          {
            name: 'cidr',
            type: 'string',
            required: true,
            description: 'The range, as a CIDR such as 10.0.0.0/16 or 2001:db8::/64.',
          },
          {
            name: 'except',
            type: '[]string',
            description: 'Ranges inside cidr that are left out. Each must lie strictly within cidr.',
          },
        ],
      },
      selector(
        'namespaceSelector',
        'Selects namespaces by their labels; the item then matches pods in those namespaces. {} selects every namespace. Together with podSelector in the same item, both must hold: the pods podSelector picks, in the namespaces namespaceSelector picks.',
      ),
      selector(
        'podSelector',
        "Selects pods by their labels. Alone, it picks pods in the policy's own namespace only. Together with namespaceSelector in the same item, it picks pods in the selected namespaces.",
      ),
    ],
  };
}

function ports(direction: 'ingress' | 'egress'): FieldDoc {
  return {
    name: 'ports',
    type: '[]NetworkPolicyPort',
    description: `The ports this rule allows ${direction === 'ingress' ? 'on the selected pods' : 'on the destination'}. A connection matches when it matches any item. Left out or empty, every port and protocol is allowed.`,
    fields: [
      {
        name: 'endPort',
        type: 'integer',
        description:
          'Makes port the start of an inclusive range that ends here. Needs a numeric port no larger than endPort; not allowed with a named port.',
      },
      {
        name: 'port',
        type: 'IntOrString',
        description:
          'A port number, or the name of a container port on the destination pod (named ports always resolve against the pod receiving the connection). Left out, every port of the protocol matches.',
      },
      { name: 'protocol', type: 'string', description: 'TCP, UDP or SCTP. Defaults to TCP when left out.' },
    ],
  };
}

const NETWORK_POLICY: KindDoc = {
  group: 'networking.k8s.io',
  kind: 'NetworkPolicy',
  version: 'v1',
  root: {
    name: 'NetworkPolicy',
    type: 'NetworkPolicy',
    description:
      'NetworkPolicy says which connections the pods it selects may accept (ingress) and open (egress). Policies only allow: a pod selected for a direction accepts exactly what the rules of all its policies allow together.',
    fields: [
      API_VERSION,
      KIND,
      metadata(),
      {
        name: 'spec',
        type: 'NetworkPolicySpec',
        description: 'What the policy selects and allows.',
        fields: [
          {
            name: 'egress',
            type: '[]NetworkPolicyEgressRule',
            description:
              'Rules for connections the selected pods open. Each rule allows the connections that match both its to and its ports. Used only when policyTypes includes Egress.',
            fields: [ports('egress'), peer('to')],
          },
          {
            name: 'ingress',
            type: '[]NetworkPolicyIngressRule',
            description:
              'Rules for connections to the selected pods. Each rule allows the connections that match both its from and its ports. Used only when policyTypes includes Ingress.',
            fields: [peer('from'), ports('ingress')],
          },
          selector(
            'podSelector',
            "Selects the pods this policy applies to, in the policy's own namespace. {} selects every pod of the namespace.",
          ),
          {
            name: 'policyTypes',
            type: '[]string',
            description:
              'The directions this policy isolates: Ingress, Egress or both. A selected pod accepts (or opens) only what some policy allows for an isolated direction. Left out, it is Ingress, plus Egress when spec.egress has a rule; so a policy with only egress rules and no policyTypes also denies all ingress.',
          },
        ],
      },
    ],
  },
};

function generic(group: string, kind: string, description: string): KindDoc {
  return {
    group,
    kind,
    version: 'v1',
    root: {
      name: kind,
      type: kind,
      description,
      fields: [
        API_VERSION,
        KIND,
        metadata(),
        {
          name: 'spec',
          type: `${kind}Spec`,
          description: `The desired state of the ${kind}. The lab models only what network policy needs.`,
        },
        {
          name: 'status',
          type: `${kind}Status`,
          description: `The observed state of the ${kind}, written by the cluster. Read-only.`,
        },
      ],
    },
  };
}

/** Documentation per kind. */
export const KIND_DOCS: Readonly<Record<string, KindDoc>> = {
  NetworkPolicy: NETWORK_POLICY,
  Pod: generic(
    '',
    'Pod',
    "A pod is a group of containers sharing one network identity: one IP address, which NetworkPolicies select by the pod's labels.",
  ),
  Namespace: generic(
    '',
    'Namespace',
    'A namespace groups objects under one name. NetworkPolicies select namespaces by their labels; every namespace carries kubernetes.io/metadata.name with its own name.',
  ),
  Service: generic(
    '',
    'Service',
    'A Service gives the pods its selector picks one stable name and virtual IP. Policies never see Services: a connection to a Service is a connection to one of its pods on the target port.',
  ),
  Deployment: generic(
    'apps',
    'Deployment',
    'A Deployment runs a number of identical pods from a template and replaces them when the template changes.',
  ),
  StatefulSet: generic(
    'apps',
    'StatefulSet',
    'A StatefulSet runs pods with stable names (name-0, name-1, …) from a template.',
  ),
  DaemonSet: generic('apps', 'DaemonSet', 'A DaemonSet runs one pod from its template on every node.'),
  ReplicaSet: generic(
    'apps',
    'ReplicaSet',
    'A ReplicaSet keeps a number of pods from its template running; Deployments manage them.',
  ),
  Job: generic('batch', 'Job', 'A Job runs pods until a number of them complete.'),
  Node: generic('', 'Node', 'A node is a machine that runs pods.'),
};
