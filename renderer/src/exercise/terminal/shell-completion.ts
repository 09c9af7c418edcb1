/**
 * Tab completion for the shell: command names (the shell's, kubectl, the editors and the
 * aliases), kubectl's own completion (commands, kinds, names, flags, namespaces) after `kubectl`
 * or an alias of it, and file paths everywhere else (and after `-f`).
 */
import { getCommandNames } from 'just-bash';
import type { IFileSystem } from 'just-bash';
import { completeKubectl } from '../../../../core/kubectl/index.ts';
import type { ClusterState } from '../../../../core/kubectl/index.ts';
import { completionWords } from '../../../../core/terminal/index.ts';
import { resolvePath } from './shell-files.ts';

/** One possible completion of the word under the cursor. */
export interface CompletionItem {
  /** The whole word as it would read after completing. */
  readonly value: string;
  /** False for a directory (`dir/`): the learner keeps typing, so no space follows. */
  readonly final: boolean;
}

export interface Completion {
  /** Where the word starts in the text before the cursor. */
  readonly from: number;
  readonly word: string;
  readonly items: readonly CompletionItem[];
}

export interface CompletionContext {
  readonly state: ClusterState;
  readonly fs: IFileSystem;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly kubectlNames: readonly string[];
}

const EDITORS = ['vim', 'vi', 'nano'];
const ALIAS_PREFIX = 'BASH_ALIAS_';

function aliases(env: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(
    Object.entries(env)
      .filter(([name]) => name.startsWith(ALIAS_PREFIX))
      .map(([name, value]) => [name.slice(ALIAS_PREFIX.length), value]),
  );
}

async function completePath(word: string, context: CompletionContext): Promise<CompletionItem[]> {
  const slash = word.lastIndexOf('/');
  const directoryPart = slash === -1 ? '' : word.slice(0, slash + 1);
  const namePart = slash === -1 ? word : word.slice(slash + 1);
  const directory = resolvePath(context.cwd, directoryPart === '' ? '.' : directoryPart);
  let names: string[];
  try {
    names = await context.fs.readdir(directory);
  } catch {
    return [];
  }
  const items: CompletionItem[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(namePart) || (name.startsWith('.') && !namePart.startsWith('.'))) continue;
    let isDirectory = false;
    try {
      isDirectory = (await context.fs.stat(`${directory === '/' ? '' : directory}/${name}`)).isDirectory;
    } catch {
      // Listed but gone: offer it as a file.
    }
    items.push({ value: `${directoryPart}${name}${isDirectory ? '/' : ''}`, final: !isDirectory });
  }
  return items;
}

function finals(values: readonly string[]): CompletionItem[] {
  return [...new Set(values)].sort().map((value) => ({ value, final: true }));
}

/** Completions for the word that ends at the cursor. */
export async function completeLine(beforeCursor: string, context: CompletionContext): Promise<Completion> {
  const { from, word, words, isCommand } = completionWords(beforeCursor);
  const known = aliases(context.env);
  if (isCommand) {
    const names = [...getCommandNames(), ...context.kubectlNames, ...EDITORS, ...known.keys()];
    const commands = finals(names.filter((name) => name.startsWith(word)));
    return {
      from,
      word,
      items: commands.length > 0 || word === '' ? commands : await completePath(word, context),
    };
  }
  const command = words[0] as string;
  const expanded = (known.get(command) ?? command).split(/\s+/).filter((part) => part !== '');
  const previous = words.at(-2);
  const afterFile = previous === '-f' || previous === '--filename';
  if (context.kubectlNames.includes(expanded[0] ?? '') && !afterFile) {
    const kubectlWords = [...expanded.slice(1), ...words.slice(1)];
    const found = completeKubectl(context.state, kubectlWords);
    if (found.length > 0) return { from, word, items: finals(found) };
  }
  return { from, word, items: await completePath(word, context) };
}
