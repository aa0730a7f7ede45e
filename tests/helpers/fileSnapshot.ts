import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileState {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Every file in a directory with its size, modification time and content hash: what "left untouched" means. */
export function snapshotFiles(dir: string): Record<string, FileState> {
  const snapshot: Record<string, FileState> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    if (!stat.isFile()) continue;
    snapshot[name] = { size: stat.size, mtimeMs: stat.mtimeMs, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
  }
  return snapshot;
}
