/**
 * Dropping a pack file anywhere on the window opens the import preview. Only drags that carry files
 * are taken; text or links dragged inside the app (into an editor, say) are left alone.
 */
import { notices } from '../lib/notices.svelte.ts';
import { router } from '../lib/router.svelte.ts';
import { pendingPack, readPackFile } from './pending-pack.svelte.ts';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true;
}

/** `dragover` on the window: accept file drags so the drop reaches us instead of opening the file. */
export function onPackDragOver(event: DragEvent): void {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
}

/** `drop` on the window: read the first file and show the import preview. */
export async function onPackDrop(event: DragEvent): Promise<void> {
  // An editor that took the drop (CodeMirror inserts dropped files) keeps it.
  if (event.defaultPrevented || !carriesFiles(event)) return;
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file === undefined) return;
  try {
    pendingPack.set(file.name, await readPackFile(file));
    router.navigate({ name: 'pack-import' });
  } catch (error) {
    notices.report(error);
  }
}
