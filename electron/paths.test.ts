import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLabPaths } from './paths.ts';

describe('resolveLabPaths', () => {
  it('uses the repository in development', () => {
    const appPath = path.resolve('/work/netpol-lab');
    const paths = resolveLabPaths({
      isPackaged: false,
      appPath,
      resourcesPath: path.resolve('/opt/electron/resources'),
      userDataPath: path.resolve('/home/learner/.config/NetPol Lab'),
    });
    expect(paths.exercisesRoot).toBe(path.join(appPath, 'exercises'));
    expect(paths.rendererIndexFile).toBe(path.join(appPath, 'dist', 'renderer', 'index.html'));
    expect(paths.preloadFile).toBe(path.join(appPath, 'dist-electron', 'preload.cjs'));
    expect(paths.databaseFile).toBe(
      path.join(path.resolve('/home/learner/.config/NetPol Lab'), 'progress.sqlite'),
    );
  });

  it('reads exercises from the resources folder when packaged', () => {
    const resourcesPath = path.resolve('/opt/NetPol Lab/resources');
    const paths = resolveLabPaths({
      isPackaged: true,
      appPath: path.join(resourcesPath, 'app.asar'),
      resourcesPath,
      userDataPath: path.resolve('/tmp/profile'),
    });
    expect(paths.exercisesRoot).toBe(path.join(resourcesPath, 'exercises'));
    expect(paths.rendererIndexFile).toBe(
      path.join(resourcesPath, 'app.asar', 'dist', 'renderer', 'index.html'),
    );
  });

  it('shows the page under the app scheme, never as a file: URL', () => {
    const paths = resolveLabPaths({
      isPackaged: true,
      appPath: path.resolve('/opt/NetPol Lab/resources/app.asar'),
      resourcesPath: path.resolve('/opt/NetPol Lab/resources'),
      userDataPath: path.resolve('/tmp/profile'),
    });
    expect(paths.rendererIndexUrl).toBe('app://lab/index.html');
    expect(paths.rendererRoot).toBe(path.resolve('/opt/NetPol Lab/resources/app.asar/dist/renderer'));
  });
});
