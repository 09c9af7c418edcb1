/**
 * The path patterns of the route table: matching a path against one, and filling one in.
 * `:name` is one percent-encoded segment, a trailing slash is optional, and `*name` (a whole
 * pattern) stands for any path, kept as it is.
 */

/** The parameters a pattern matched, by name. */
export type PathParams = Readonly<Record<string, string>>;

interface Compiled {
  readonly regex: RegExp;
  readonly names: readonly string[];
  /** The `*name` rest parameter, when the pattern is one. */
  readonly rest: string | null;
}

const compiled = new Map<string, Compiled>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(pattern: string): Compiled {
  const known = compiled.get(pattern);
  if (known) return known;
  let result: Compiled;
  if (pattern.startsWith('*')) {
    result = { regex: /^.*$/s, names: [], rest: pattern.slice(1) };
  } else {
    const names: string[] = [];
    const segments = pattern
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => {
        if (!segment.startsWith(':')) return `/${escapeRegex(segment)}`;
        names.push(segment.slice(1));
        return '/([^/]+)';
      });
    result = { regex: new RegExp(`^${segments.join('')}/?$`), names, rest: null };
  }
  compiled.set(pattern, result);
  return result;
}

/**
 * The parameters of `path` under `pattern`, or null when the path does not match (or one of its
 * segments is not valid percent-encoding).
 */
export function matchPath(pattern: string, path: string): PathParams | null {
  const { regex, names, rest } = compile(pattern);
  const match = regex.exec(path);
  if (!match) return null;
  if (rest !== null) return { [rest]: path };
  const params: Record<string, string> = {};
  try {
    names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1] ?? '')));
  } catch {
    return null;
  }
  return params;
}

/** The path `pattern` names with `params` filled in (each segment percent-encoded). */
export function buildPath(pattern: string, params: PathParams): string {
  const { rest } = compile(pattern);
  if (rest !== null) return params[rest] ?? '';
  const path = pattern
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) =>
      segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment,
    )
    .join('/');
  return `/${path}`;
}
