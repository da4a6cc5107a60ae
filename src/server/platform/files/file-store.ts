/* A small content store on local disk: DATA_DIR/files/<enterpriseId>/<name>. Several processes
 * behind one load balancer must share DATA_DIR (a mounted volume), as DESIGN.md says: state lives
 * only in the database and the file store. */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  /** Path relative to the store root, always `<enterpriseId>/<name>`. */
  relativePath: string;
  sha256: string;
  byteSize: number;
}

const safeSegment = /^[A-Za-z0-9._-]{1,120}$/;

export function fileStoreRoot(dataDir: string): string {
  return path.join(dataDir, 'files');
}

function resolveInside(root: string, relativePath: string): string {
  const full = path.resolve(root, relativePath);
  // Paths come from our own rows, but a tampered row must still not escape the store.
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`path outside the file store: ${relativePath}`);
  return full;
}

/** Writes atomically (temp file + rename), so a reader never sees half a file. */
export async function saveFile(dataDir: string, enterpriseId: string, baseName: string, content: Buffer): Promise<StoredFile> {
  if (!safeSegment.test(enterpriseId) || !safeSegment.test(baseName)) throw new Error('unsafe file name');
  const root = fileStoreRoot(dataDir);
  const relativePath = `${enterpriseId}/${baseName}`;
  const target = resolveInside(root, relativePath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, content);
  await fs.rename(temp, target);
  return { relativePath, sha256: createHash('sha256').update(content).digest('hex'), byteSize: content.length };
}

export async function readFile(dataDir: string, relativePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(resolveInside(fileStoreRoot(dataDir), relativePath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function removeFile(dataDir: string, relativePath: string): Promise<void> {
  await fs.rm(resolveInside(fileStoreRoot(dataDir), relativePath), { force: true });
}
