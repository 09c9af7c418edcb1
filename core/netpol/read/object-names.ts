/**
 * Name syntax the API server enforces (apimachinery's rules, in our own words) and how diagnostics
 * name an object. Each check returns the problems found, empty when the name is valid.
 */
import { clipText } from './shown-text.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Problems with a DNS-1123 label (namespace names): ≤63 lowercase alphanumerics and '-'. */
export function checkDns1123Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be at most 63 characters');
  if (!DNS_LABEL.test(value)) {
    problems.push("must be lowercase letters, digits and '-', starting and ending with a letter or digit");
  }
  return problems;
}

/** Problems with a DNS-1123 subdomain (object names): ≤253 characters, dot-separated DNS labels. */
export function checkDns1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 253) problems.push('must be at most 253 characters');
  if (value === '' || !value.split('.').every((part) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(part))) {
    problems.push(
      "must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (like my-app.v1)",
    );
  }
  return problems;
}

/** Problems with a label key: an optional DNS subdomain prefix and '/', then a name of ≤63 characters. */
export function checkLabelKey(key: string): string[] {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  const problems: string[] = [];
  if (prefix !== undefined) {
    if (prefix === '') problems.push("the prefix before '/' must not be empty");
    else for (const problem of checkDns1123Subdomain(prefix)) problems.push(`the prefix ${problem}`);
  }
  if (name === '') problems.push('the name part must not be empty');
  else {
    if (name.length > 63) problems.push('the name part must be at most 63 characters');
    if (!LABEL_NAME.test(name)) {
      problems.push(
        "the name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
      );
    }
  }
  return problems;
}

/** Problems with a label value: empty, or ≤63 letters, digits, '-', '_', '.' starting and ending alphanumeric. */
export function checkLabelValue(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be at most 63 characters');
  if (value !== '' && !LABEL_NAME.test(value)) {
    problems.push(
      "must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
    );
  }
  return problems;
}

/** Problems with a named port (an IANA service name). */
export function checkPortName(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('a port name must be at most 15 characters');
  if (!/^[a-z0-9-]*$/.test(name))
    problems.push("a port name may contain only lowercase letters, digits and '-'");
  if (name.includes('--')) problems.push("a port name must not contain '--'");
  if (!/[a-z]/.test(name)) problems.push('a port name needs at least one letter');
  if (name.startsWith('-') || name.endsWith('-')) problems.push("a port name must not start or end with '-'");
  return problems;
}

const PORT_NUMBER_RULE = 'must be a port number (1-65535) or a port name';

/**
 * What is wrong with a port written as text where a number or a name may stand (a policy's `port`, a
 * Service's `targetPort`), as one reason; `undefined` when it is a valid port name (IANA service name).
 */
export function checkPortText(text: string): string | undefined {
  const problems = checkPortName(text);
  if (problems.length === 0) return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const number = Number(trimmed);
    const what =
      trimmed === text
        ? 'a quoted number is a name without a letter'
        : 'a number with spaces in quotes is neither';
    const fix =
      number >= 1 && number <= 65535
        ? `: write ${number} without quotes${trimmed === text ? '' : ' or spaces'}`
        : ', and as a number it is outside 1-65535';
    return `${PORT_NUMBER_RULE}, and ${what}${fix}`;
  }
  const spaces = trimmed === text ? '' : ' (remove the spaces)';
  return `${PORT_NUMBER_RULE} (${problems.join('; ')})${spaces}`;
}

/** `NetworkPolicy prod/db`, `Namespace prod`: how diagnostics name an object (long names cut short). */
export function describeObject(
  kind: string,
  namespace: string | undefined,
  name: string | undefined,
): string {
  const shownName = name === undefined || name === '' ? '<no name>' : clipText(name);
  const shownKind = clipText(kind);
  return namespace === undefined
    ? `${shownKind} ${shownName}`
    : `${shownKind} ${clipText(namespace)}/${shownName}`;
}
