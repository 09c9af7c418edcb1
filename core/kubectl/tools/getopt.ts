/**
 * Options of the tools inside a pod (curl, wget, nc, ping), as getopt reads them: clustered short
 * options (`-sS`, `-zv`), a short option's value attached or next (`-m2`, `-m 2`, `-qO-`), long
 * options with `=` or a following value, and `--` ending the options.
 */

/** `true` for an option with a value, `false` for a switch. */
export interface OptionTable {
  readonly short: Readonly<Record<string, { readonly name: string; readonly value: boolean }>>;
  readonly long: Readonly<Record<string, { readonly name: string; readonly value: boolean }>>;
}

export type OptionParse =
  | {
      readonly ok: true;
      readonly options: ReadonlyMap<string, string | true>;
      readonly operands: readonly string[];
    }
  | { readonly ok: false; readonly option: string; readonly problem: 'unknown' | 'missing-value' };

/** Parses a tool's arguments; the last value of a repeated option wins. */
export function getopt(args: readonly string[], table: OptionTable): OptionParse {
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      operands.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      const entry = table.long[name];
      if (entry === undefined) return { ok: false, option: `--${name}`, problem: 'unknown' };
      if (!entry.value) options.set(entry.name, true);
      else if (equals !== -1) options.set(entry.name, arg.slice(equals + 1));
      else if (index + 1 < args.length) options.set(entry.name, args[++index] as string);
      else return { ok: false, option: `--${name}`, problem: 'missing-value' };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let position = 1; position < arg.length; position++) {
        const letter = arg[position] as string;
        const entry = table.short[letter];
        if (entry === undefined) return { ok: false, option: `-${letter}`, problem: 'unknown' };
        if (!entry.value) {
          options.set(entry.name, true);
          continue;
        }
        const attached = arg.slice(position + 1);
        if (attached !== '') options.set(entry.name, attached);
        else if (index + 1 < args.length) options.set(entry.name, args[++index] as string);
        else return { ok: false, option: `-${letter}`, problem: 'missing-value' };
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { ok: true, options, operands };
}

/** Seconds as a tool takes them (`2`, `0.5`) in milliseconds, or undefined when not a number. */
export function secondsToMs(value: string | true | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}
