/**
 * Where the desktop app finds its pieces on disk. Kept free of Electron imports so the rules are
 * testable: main passes in what `app` reports.
 */
import path from 'node:path';
import { RENDERER_INDEX_URL } from './app-protocol.ts';

/** What the app knows about its install at start. */
export interface InstallFacts {
  /** `app.isPackaged`. */
  readonly isPackaged: boolean;
  /** `app.getAppPath()`: the repository in development, `…/resources/app.asar` when packaged. */
  readonly appPath: string;
  /** `process.resourcesPath`: holds the unpacked `exercises/` folder when packaged. */
  readonly resourcesPath: string;
  /** `app.getPath('userData')`. */
  readonly userDataPath: string;
}

/** The files the app opens. */
export interface LabPaths {
  /** The exercise catalogue root (`…/exercises`). */
  readonly exercisesRoot: string;
  /** The learner's progress database. */
  readonly databaseFile: string;
  /** The bundled preload script. */
  readonly preloadFile: string;
  /** The built renderer folder: the only files the app's scheme serves. */
  readonly rendererRoot: string;
  /** The built renderer page. */
  readonly rendererIndexFile: string;
  /** The renderer page under the app's own scheme, as the window shows it; IPC senders must be on it. */
  readonly rendererIndexUrl: string;
}

/**
 * The folder that holds `exercises/`. Exercises stay outside the asar archive when packaged
 * (electron-builder `extraResources`) so the catalogue can be read and updated as plain files.
 */
export function contentRoot(facts: Pick<InstallFacts, 'isPackaged' | 'appPath' | 'resourcesPath'>): string {
  return facts.isPackaged ? facts.resourcesPath : facts.appPath;
}

/** Resolves every path the app needs from the install facts. */
export function resolveLabPaths(facts: InstallFacts): LabPaths {
  const rendererRoot = path.join(facts.appPath, 'dist', 'renderer');
  return {
    exercisesRoot: path.join(contentRoot(facts), 'exercises'),
    databaseFile: path.join(facts.userDataPath, 'progress.sqlite'),
    preloadFile: path.join(facts.appPath, 'dist-electron', 'preload.cjs'),
    rendererRoot,
    rendererIndexFile: path.join(rendererRoot, 'index.html'),
    rendererIndexUrl: RENDERER_INDEX_URL,
  };
}
