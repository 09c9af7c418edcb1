/**
 * A lab host for one test: `backend/serve.ts` in a child process on a free port, with its own data
 * folder. It can be stopped and started again on the same data, as a learner closing and reopening
 * the lab would.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from './paths.ts';

const READY_LINE = /^NetPol Lab is running at (http:\/\/127\.0\.0\.1:\d+\/)$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface LabHostOptions {
  /** Folder for `progress.sqlite`. */
  readonly dataDir: string;
  /** Exercise library; the bundled one when absent. */
  readonly exercisesDir?: string;
}

/** One `serve.ts` process at a time, restartable on the same data folder. */
export class LabHost {
  readonly #options: LabHostOptions;
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  #url: string | null = null;
  #stderr = '';

  constructor(options: LabHostOptions) {
    this.#options = options;
  }

  /** The address printed by the running host. */
  get url(): string {
    if (this.#url === null) throw new Error('The lab host is not running.');
    return this.#url;
  }

  /** The data folder the host keeps its database in. */
  get dataDir(): string {
    return this.#options.dataDir;
  }

  /** What the host wrote to stderr since it last started. */
  get stderr(): string {
    return this.#stderr;
  }

  /** Starts the host on `port` (0: any free port) and waits until it prints its address. */
  async start(port = 0): Promise<string> {
    if (this.#child !== null) throw new Error('The lab host is already running.');
    const args = ['backend/serve.ts', '--port', String(port), '--data', this.#options.dataDir];
    if (this.#options.exercisesDir !== undefined) args.push('--exercises', this.#options.exercisesDir);
    const child = spawn(path.join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'), args, {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a forced stop also reaches the Node process tsx starts.
      detached: true,
    });
    this.#child = child;
    this.#stderr = '';
    this.#url = null;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.#stderr += chunk;
    });
    const ready = new Promise<string>((resolve, reject) => {
      let stdout = '';
      const fail = (reason: string): void => {
        clearTimeout(timer);
        reject(
          new Error(
            `${reason}\n--- lab host stderr ---\n${this.#stderr || '(empty)'}\n--- stdout ---\n${stdout}`,
          ),
        );
      };
      const timer = setTimeout(
        () => fail(`The lab host did not print its address within ${START_TIMEOUT_MS / 1000} s.`),
        START_TIMEOUT_MS,
      );
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => {
        stdout += chunk;
        const match = READY_LINE.exec(stdout);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('error', (error) => fail(`The lab host could not start: ${error.message}`));
      child.once('exit', (code, signal) =>
        fail(`The lab host exited early (code ${code}, signal ${signal}).`),
      );
    });
    try {
      this.#url = await ready;
      return this.#url;
    } catch (error) {
      this.#forceStop(child);
      await this.#exited;
      this.#child = null;
      throw error;
    }
  }

  /** SIGKILL to the host's whole process group (it is gone already when that fails). */
  #forceStop(child: ChildProcess): void {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has exited.
    }
  }

  /** Stops the host (SIGTERM, so it closes the database cleanly) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    this.#url = null;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = await Promise.race([
        this.#exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS)),
      ]);
      if (killed) {
        this.#forceStop(child);
        await this.#exited;
        throw new Error(`The lab host ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s.\n${this.#stderr}`);
      }
    }
  }

  /**
   * Stops the host and starts it again on the same data folder, on the same port when it is still
   * free (so the page can simply reload), else on any port; answers the address.
   */
  async restart(): Promise<string> {
    const previousPort = this.#url === null ? 0 : Number(new URL(this.#url).port);
    await this.stop();
    if (previousPort !== 0) {
      try {
        return await this.start(previousPort);
      } catch (error) {
        if (!this.#stderr.includes('EADDRINUSE') && !this.#stderr.includes('uses that port')) throw error;
      }
    }
    return this.start();
  }
}
