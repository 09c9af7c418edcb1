/**
 * What `import.meta.url` becomes in the CommonJS main bundle (electron/build.mjs rewrites each use
 * into a call here). A module sees itself at its repository path under the content root: the
 * repository in development, `resources/` when packaged. So `new URL('../exercises/', import.meta.url)`
 * in `backend/` finds the exercises in both, as it does when the sources run directly.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';
import { contentRoot } from './paths.ts';

/** The `file:` URL a module at `repositoryPath` (e.g. `backend/exercise-schema.ts`) stands in for. */
export function moduleUrl(repositoryPath: string): string {
  const root = contentRoot({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  return pathToFileURL(path.join(root, ...repositoryPath.split('/'))).href;
}
