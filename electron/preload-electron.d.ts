/**
 * The part of Electron's API the sandboxed preload uses, for electron/tsconfig.preload.json alone.
 *
 * Electron's own declarations start with `/// <reference types="node" />`, so compiling the preload
 * against them brings every Node global back (`process`, `Buffer`, `require`) whatever `types` says.
 * The preload configuration maps `electron` here instead; electron/tsconfig.json still checks
 * preload.ts against the real declarations, so each use must satisfy both.
 */

/** An event of the IPC channel; the preload never reads it. */
export type PreloadIpcEvent = unknown;

export declare const contextBridge: {
  exposeInMainWorld(apiKey: string, api: unknown): void;
};

export declare const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: PreloadIpcEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: never[]) => void): unknown;
};
