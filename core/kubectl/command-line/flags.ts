/**
 * Command-line flags with the rules and error wording of spf13/pflag, which kubectl uses: flags
 * anywhere among the arguments, `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`,
 * clustered booleans (`-it`), `--` ending the flags. The shell has already split the words.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** The value of a string flag written without one (`--dry-run` means `--dry-run=client`). */
  readonly noValue?: string;
  readonly usage: string;
  /** The default as help shows it (`'default'`, `false`, `[]`). */
  readonly defaultText?: string;
}

export type FlagValue = string | boolean | number | readonly string[];

export interface ParsedArgs {
  readonly flags: Readonly<Record<string, FlagValue>>;
  readonly positionals: readonly string[];
  /** The words after `--`, when `--` was given. */
  readonly afterDash?: readonly string[];
}

export type ArgsParse = ({ readonly ok: true } & ParsedArgs) | { readonly ok: false; readonly error: string };

/** Flags every kubectl command takes. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    usage: 'If present, the namespace scope for this CLI request',
    defaultText: "''",
  },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', defaultText: 'false' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use', defaultText: "''" },
  { name: 'v', short: 'v', type: 'int', usage: 'number for the log level verbosity', defaultText: '0' },
];

class FlagError extends Error {}

function display(spec: FlagSpec): string {
  return spec.short === undefined ? `--${spec.name}` : `-${spec.short}, --${spec.name}`;
}

function store(values: Record<string, FlagValue>, spec: FlagSpec, raw: string): void {
  switch (spec.type) {
    case 'bool': {
      const text = raw.toLowerCase();
      if (['1', 't', 'true'].includes(text)) values[spec.name] = true;
      else if (['0', 'f', 'false'].includes(text)) values[spec.name] = false;
      else
        throw new FlagError(
          `invalid argument "${raw}" for "${display(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
        );
      return;
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw))
        throw new FlagError(
          `invalid argument "${raw}" for "${display(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        );
      values[spec.name] = Number(raw);
      return;
    }
    case 'stringArray': {
      const before = values[spec.name];
      values[spec.name] = [...(Array.isArray(before) ? (before as string[]) : []), raw];
      return;
    }
    default:
      values[spec.name] = raw;
  }
}

/** Parses `args` against `specs` (the command's own flags plus {@link GLOBAL_FLAGS}). */
export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ArgsParse {
  const all = [...specs, ...GLOBAL_FLAGS];
  const values: Record<string, FlagValue> = {};
  const positionals: string[] = [];
  try {
    for (let index = 0; index < args.length; index++) {
      const arg = args[index] as string;
      if (arg === '--') {
        return { ok: true, flags: values, positionals, afterDash: args.slice(index + 1) };
      }
      if (arg.startsWith('--')) {
        const equals = arg.indexOf('=');
        const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
        const spec = all.find((candidate) => candidate.name === name);
        if (spec === undefined) throw new FlagError(`unknown flag: --${name}`);
        if (equals !== -1) store(values, spec, arg.slice(equals + 1));
        else if (spec.type === 'bool') values[spec.name] = true;
        else if (spec.noValue !== undefined) store(values, spec, spec.noValue);
        else if (index + 1 < args.length) store(values, spec, args[++index] as string);
        else throw new FlagError(`flag needs an argument: --${name}`);
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) {
        let rest = arg.slice(1);
        while (rest.length > 0) {
          const letter = rest[0] as string;
          const spec = all.find((candidate) => candidate.short === letter);
          if (spec === undefined) throw new FlagError(`unknown shorthand flag: '${letter}' in ${arg}`);
          rest = rest.slice(1);
          if (spec.type === 'bool') {
            if (rest.startsWith('=')) {
              store(values, spec, rest.slice(1));
              rest = '';
            } else values[spec.name] = true;
            continue;
          }
          if (rest.length > 0) store(values, spec, rest.startsWith('=') ? rest.slice(1) : rest);
          else if (spec.noValue !== undefined) store(values, spec, spec.noValue);
          else if (index + 1 < args.length) store(values, spec, args[++index] as string);
          else throw new FlagError(`flag needs an argument: '${letter}' in ${arg}`);
          rest = '';
        }
        continue;
      }
      positionals.push(arg);
    }
  } catch (error) {
    if (error instanceof FlagError) return { ok: false, error: error.message };
    throw error;
  }
  return { ok: true, flags: values, positionals };
}

/** A string flag's value, or `undefined`. */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean flag's value (false when absent). */
export function boolFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags[name] === true;
}

/** Every value of a repeatable flag, commas splitting values as kubectl's string slices do. */
export function listFlag(parsed: ParsedArgs, name: string): string[] {
  const value = parsed.flags[name];
  if (Array.isArray(value))
    return (value as string[]).flatMap((item) => item.split(',')).filter((item) => item !== '');
  return typeof value === 'string' ? value.split(',').filter((item) => item !== '') : [];
}
