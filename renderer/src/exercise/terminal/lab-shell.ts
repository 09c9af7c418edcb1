/**
 * The terminal's shell: just-bash (the shell language, an in-memory file system, the usual
 * commands) with `kubectl` and `k` running the lab's simulated kubectl over the exercise's
 * cluster, and `vim`, `vi` and `nano` opening the host's editor on a file of the shell. One
 * `run` per command line; variables, aliases, the directory and the history carry over between
 * lines, as in an interactive bash.
 */
import { Bash, defineCommand } from 'just-bash';
import type { Command, IFileSystem, ResolvedCommandContext } from 'just-bash';
import { createClusterState, finishEdit, runKubectl } from '../../../../core/kubectl/index.ts';
import type { ClusterState, KubectlIo, KubectlResult } from '../../../../core/kubectl/index.ts';
import type { Cluster, NetworkPolicy } from '../../../../core/netpol/index.ts';
import { needsMoreInput, remember } from '../../../../core/terminal/index.ts';
import type { TerminalSession } from '../../../../core/terminal/index.ts';
import { completeLine, type Completion } from './shell-completion.ts';
import { decodeLatin1, preloadFiles, resolvePath } from './shell-files.ts';

/** The editor the shell asks for: vim keys for `vim`/`vi` and `kubectl edit`, ordinary keys for `nano`. */
export type EditorMode = 'vim' | 'nano';

export interface EditorRequest {
  /** Absolute path of the file (a temporary name for `kubectl edit`). */
  readonly path: string;
  readonly text: string;
  readonly mode: EditorMode;
}

export interface LabShellHost {
  /** Opens the editor; resolves to the saved text, or null when the learner quit without saving. */
  openEditor(request: EditorRequest): Promise<string | null>;
  now(): number;
  /** Waits `ms` (a probe timing out); resolves early when the signal aborts. */
  sleep?(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

export interface StartingPoint {
  readonly cluster: Cluster;
  readonly policies: readonly NetworkPolicy[];
}

export const HOME = '/root';
const KUBECTL_NAMES = ['kubectl', 'k'];
/** Editing a file in vim can take a while: the shell's own time limit must not end it. */
const DAY_MS = 24 * 60 * 60 * 1000;

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

function defaultEnv(): Record<string, string> {
  return {
    HOME,
    USER: 'root',
    HOSTNAME: 'controlplane',
    TERM: 'xterm-256color',
    EDITOR: 'vim',
    BASH_ALIAS_k: 'kubectl',
  };
}

export class LabShell {
  #bash: Bash;
  #host: LabShellHost;
  #start: StartingPoint;
  #state: ClusterState;
  #env: Record<string, string>;
  #cwd: string;
  #history: readonly string[];
  /** Paths a fresh shell already has (its /bin, /proc…), left out of a saved session. */
  #builtinPaths: Set<string>;

  constructor(start: StartingPoint, host: LabShellHost, session?: TerminalSession) {
    this.#host = host;
    this.#start = start;
    this.#bash = this.#newBash();
    (this.#bash.fs as IFileSystem & { mkdirSync?: (path: string) => void }).mkdirSync?.('/tmp');
    this.#builtinPaths = new Set(this.#bash.fs.getAllPaths());
    this.#state = session?.state ?? this.#freshState();
    this.#env = { ...defaultEnv(), ...session?.env };
    this.#cwd = session?.cwd ?? HOME;
    this.#history = session?.history ?? [];
    for (const [path, text] of Object.entries(session?.files ?? {})) this.#writeRestored(path, text);
  }

  get state(): ClusterState {
    return this.#state;
  }

  get cwd(): string {
    return this.#cwd;
  }

  get history(): readonly string[] {
    return this.#history;
  }

  get fs(): IFileSystem {
    return this.#bash.fs;
  }

  /** The prompt text without colours: `controlplane:~$ `. */
  promptPath(): string {
    return this.#cwd === HOME
      ? '~'
      : this.#cwd.startsWith(`${HOME}/`)
        ? `~${this.#cwd.slice(HOME.length)}`
        : this.#cwd;
  }

  /** True when Enter should ask for another line instead of running `text`. */
  needsMore(text: string): boolean {
    let error: string | undefined;
    try {
      this.#bash.transform(text);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    return needsMoreInput(text, error);
  }

  /** Runs one command line; resolves when it has finished (or was interrupted through `signal`). */
  async run(
    line: string,
    signal?: AbortSignal,
  ): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    this.#history = remember(this.#history, line.replace(/\n+$/, ''));
    if (line.trim() === '') return { stdout: '', stderr: '', exitCode: 0 };
    const env = { ...this.#env, BASH_HISTORY: JSON.stringify(this.#history) };
    try {
      // Aliases expand in interactive bash; just-bash runs each line as a script, so turn it on.
      const result = await this.#bash.exec(`shopt -s expand_aliases; ${line}`, {
        env,
        replaceEnv: true,
        cwd: this.#cwd,
        rawScript: true,
        ...(signal === undefined ? {} : { signal }),
      });
      const { BASH_HISTORY: _history, ...next } = result.env;
      this.#env = next;
      if (typeof next.PWD === 'string' && next.PWD.startsWith('/')) this.#cwd = next.PWD;
      if (signal?.aborted) return { stdout: '', stderr: '', exitCode: 130 };
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { stdout: '', stderr: `bash: ${detail}\n`, exitCode: 1 };
    }
  }

  /** Tab completion of the text before the cursor. */
  complete(beforeCursor: string): Promise<Completion> {
    return completeLine(beforeCursor, {
      state: this.#state,
      fs: this.#bash.fs,
      cwd: this.#cwd,
      env: this.#env,
      kubectlNames: KUBECTL_NAMES,
    });
  }

  /** Back to the exercise's starting cluster; files, variables and history stay. */
  resetCluster(): void {
    this.#state = this.#freshState();
  }

  /** Everything needed to continue later, but the screen's transcript (the view owns it). */
  async snapshot(): Promise<Omit<TerminalSession, 'transcript'>> {
    const files: Record<string, string> = {};
    for (const path of this.#bash.fs.getAllPaths()) {
      if (this.#builtinPaths.has(path)) continue;
      try {
        const stat = await this.#bash.fs.stat(path);
        if (stat.isFile) files[path] = await this.#bash.fs.readFile(path);
      } catch {
        // A file removed while we looked is simply not saved.
      }
    }
    return { state: this.#state, files, env: { ...this.#env }, cwd: this.#cwd, history: [...this.#history] };
  }

  #freshState(): ClusterState {
    return createClusterState(
      { cluster: this.#start.cluster, policies: this.#start.policies },
      { now: this.#host.now() },
    );
  }

  #writeRestored(path: string, text: string): void {
    const fs = this.#bash.fs as IFileSystem & { writeFileSync?: (path: string, text: string) => void };
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    void fs.mkdir(parent, { recursive: true }).catch(() => undefined);
    if (fs.writeFileSync !== undefined) fs.writeFileSync(path, text);
    else void fs.writeFile(path, text);
  }

  #newBash(): Bash {
    const kubectl = (name: string): Command => defineCommand(name, (args, ctx) => this.#kubectl(args, ctx));
    const editor = (name: string, mode: EditorMode): Command =>
      defineCommand(name, (args, ctx) => this.#edit(name, mode, args, ctx));
    return new Bash({
      cwd: HOME,
      env: defaultEnv(),
      executionLimits: { maxExecutionTimeMs: DAY_MS },
      customCommands: [
        ...KUBECTL_NAMES.map(kubectl),
        editor('vim', 'vim'),
        editor('vi', 'vim'),
        editor('nano', 'nano'),
      ],
    });
  }

  async #kubectl(args: string[], ctx: ResolvedCommandContext) {
    const files = await preloadFiles(args, ctx.fs, ctx.cwd);
    const io: KubectlIo = {
      now: this.#host.now(),
      stdin: decodeLatin1(ctx.stdin as unknown as string),
      readFile: (path) => files.files.get(resolvePath(ctx.cwd, path)),
      listDirectory: (path) => files.directories.get(resolvePath(ctx.cwd, path)),
    };
    let result: KubectlResult = runKubectl(this.#state, args, io);
    this.#state = result.state;
    let stdout = '';
    let stderr = '';
    for (;;) {
      if (result.delayMs !== undefined && result.delayMs > 0) {
        await (this.#host.sleep ?? wait)(result.delayMs, ctx.signal);
        if (ctx.signal?.aborted) return { stdout: '', stderr: '', exitCode: 130 };
      }
      stdout += result.stdout;
      stderr += result.stderr;
      const edit = result.effects?.find((effect) => effect.kind === 'edit');
      if (edit === undefined || edit.kind !== 'edit') break;
      const mode: EditorMode = /nano/.test(ctx.env.get('KUBE_EDITOR') ?? ctx.env.get('EDITOR') ?? '')
        ? 'nano'
        : 'vim';
      const saved = await this.#host.openEditor({ path: edit.fileName, text: edit.text, mode });
      result = finishEdit(this.#state, edit.session, saved ?? edit.session.original, io);
      this.#state = result.state;
    }
    return { stdout, stderr, exitCode: result.exitCode };
  }

  async #edit(name: string, mode: EditorMode, args: string[], ctx: ResolvedCommandContext) {
    const target = args.find((arg) => !arg.startsWith('-') && !arg.startsWith('+'));
    if (target === undefined) {
      return { stdout: '', stderr: `${name}: give the file to edit: ${name} FILE\n`, exitCode: 1 };
    }
    const path = resolvePath(ctx.cwd, target);
    let text = '';
    try {
      const stat = await ctx.fs.stat(path);
      if (stat.isDirectory) return { stdout: '', stderr: `${name}: ${target} is a directory\n`, exitCode: 1 };
      text = await ctx.fs.readFile(path);
    } catch {
      // A new file.
    }
    const saved = await this.#host.openEditor({ path, text, mode });
    if (saved !== null) {
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      try {
        await ctx.fs.mkdir(parent, { recursive: true });
        await ctx.fs.writeFile(path, saved);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { stdout: '', stderr: `${name}: "${target}" could not be written: ${detail}\n`, exitCode: 1 };
      }
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  }
}
