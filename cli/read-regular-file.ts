import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file was not read: it is not a plain file, or it is larger than the limit. */
export class UnreadableFile extends Error {}

/** What a non-regular path is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a regular file as UTF-8, at most `maxBytes`. Devices (`/dev/zero` never ends), FIFOs (they
 * block until a writer comes) and folders are refused before anything is read: the file is opened
 * without blocking and checked on the open handle, so it cannot be swapped between check and read.
 * A file that grows past the limit while being read is refused too.
 */
export async function readRegularFile(full: string, maxBytes: number): Promise<string> {
  const handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFile(`it is ${kindOf(info)}, not a regular file`);
    if (info.size > maxBytes) throw new UnreadableFile(`it is larger than ${limitText(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new UnreadableFile(`it is larger than ${limitText(maxBytes)}`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

function limitText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
