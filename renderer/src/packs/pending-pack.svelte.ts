/**
 * The pack waiting for the import preview: chosen with the file input or dropped anywhere on the
 * window, held here while the app moves to `#/packs/import`, which previews it.
 */
import { LAB_API_LIMITS } from '../../../core/lab-api/index.ts';

/** Reads a chosen or dropped file as text, refusing anything larger than a pack may be. */
export async function readPackFile(file: File): Promise<string> {
  if (file.size > LAB_API_LIMITS.maxPackBytes) {
    const megabytes = Math.round(LAB_API_LIMITS.maxPackBytes / 1_000_000);
    throw new Error(`${file.name} is larger than ${megabytes} MB, the most a pack may be.`);
  }
  return file.text();
}

export class PendingPack {
  /** The pack's text, or null when none is waiting. */
  text = $state<string | null>(null);
  /** The file it came from, for the preview's heading. */
  fileName = $state('');

  set(fileName: string, text: string): void {
    this.fileName = fileName;
    this.text = text;
  }

  clear(): void {
    this.text = null;
    this.fileName = '';
  }
}

/** The app's one pending pack. */
export const pendingPack = new PendingPack();
