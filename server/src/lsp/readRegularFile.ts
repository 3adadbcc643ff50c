// Reads a file from disk for the workspace scan without ever blocking: regular files only (a FIFO, a device or
// a socket named like a config file is skipped, and is opened non-blocking so a FIFO without a writer cannot
// hold the open), and at most `maxBytes` (a file that grows while read is cut off at the limit, not read on).
import { constants, promises as fs } from 'node:fs';

export type FileRead =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable' };

export async function readRegularFile(path: string, maxBytes: number): Promise<FileRead> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'unreadable' };
    if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
    // Sized by the stat, read on until the end: the stat is only a hint for a file being written.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(stat.size - length, 0) + 1, maxBytes + 1 - length, 1 << 20));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return { kind: 'too-large', bytes: length };
    }
    return { kind: 'text', text: Buffer.concat(chunks, length).toString('utf8') };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
