/**
 * Fixtures for the pack tests: a temporary library copied from a few real exercises, and helpers to
 * snapshot a folder tree so a test can prove that nothing was written.
 */
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../exercises');

/** A write, a fix and a predict exercise from two tracks, plus a second track. */
export const SAMPLE_FOLDERS = [
  '01-foundations/01-internal-egress',
  '01-foundations/02-db-ingress-from-api',
  '08-troubleshooting/03-missing-policy-types',
  '09-reading-policies/01-and-or',
] as const;

/** A fresh temporary folder. */
export function temporaryFolder(prefix = 'netpol-pack-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Copies the sample exercises (with their track files) into `<parent>/library`; returns that path. */
export async function copySampleLibrary(
  parent: string,
  folders: readonly string[] = SAMPLE_FOLDERS,
): Promise<string> {
  const root = path.join(parent, 'library');
  for (const folder of folders) {
    const track = folder.split('/')[0] as string;
    await cp(path.join(BUNDLED_ROOT, track, 'track.yaml'), path.join(root, track, 'track.yaml'));
    await cp(path.join(BUNDLED_ROOT, folder), path.join(root, folder), { recursive: true });
  }
  return root;
}

/** Every file under `root` with its content, keyed by relative path; `{}` when it does not exist. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true, recursive: true });
  } catch {
    return snapshot;
  }
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    snapshot[relative] = entry.isFile() ? await readFile(full, 'utf8') : '<dir>';
  }
  return snapshot;
}
