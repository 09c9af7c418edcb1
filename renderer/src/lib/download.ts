/** Saves text as a file through the browser's download, which Electron routes to a save dialog too. */
import type { ExportedFile } from '../../../core/lab-api/index.ts';

/** Starts a download of `file`. */
export function downloadFile(file: ExportedFile, target: Document = document): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = target.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  target.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some engines read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
