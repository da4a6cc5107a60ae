/* The file store (uploaded photos, signatures, floor plans): one interface, `FileStore`, and its
 * default implementation on local disk, DATA_DIR/files/<enterpriseId>/<name>. Several processes
 * behind one load balancer share DATA_DIR (a mounted volume: NFS, a shared disk), as DESIGN.md says:
 * state lives only in the database and the file store. Another store (an object store, say) is one
 * more implementation registered with `setFileStoreFactory`; callers use `fileStoreOf(dataDir)` or
 * the three functions below, which delegate to it. */
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

export interface FileStore {
  /** Stores `content` as `<enterpriseId>/<baseName>`, atomically (a reader never sees half a file). */
  save(enterpriseId: string, baseName: string, content: Buffer): Promise<StoredFile>;
  /** The file's bytes, or null when there is none. */
  read(relativePath: string): Promise<Buffer | null>;
  remove(relativePath: string): Promise<void>;
  /** Relative paths of the stored files, all or under `<enterpriseId>/` (backups, exports). */
  list(enterpriseId?: string): Promise<string[]>;
}

async function listUnder(root: string, prefix: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(path.join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listUnder(root, rel)));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(rel);
  }
  return out.sort();
}

/** The default store: files on local disk under DATA_DIR/files. */
export function localFileStore(dataDir: string): FileStore {
  const root = fileStoreRoot(dataDir);
  return {
    async save(enterpriseId, baseName, content) {
      if (!safeSegment.test(enterpriseId) || !safeSegment.test(baseName)) throw new Error('unsafe file name');
      const relativePath = `${enterpriseId}/${baseName}`;
      const target = resolveInside(root, relativePath);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temp, content);
      await fs.rename(temp, target);
      return { relativePath, sha256: createHash('sha256').update(content).digest('hex'), byteSize: content.length };
    },
    async read(relativePath) {
      try {
        return await fs.readFile(resolveInside(root, relativePath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(relativePath) {
      await fs.rm(resolveInside(root, relativePath), { force: true });
    },
    async list(enterpriseId) {
      if (enterpriseId !== undefined && !safeSegment.test(enterpriseId)) throw new Error('unsafe enterprise id');
      return listUnder(root, enterpriseId ?? '');
    },
  };
}

let factory: (dataDir: string) => FileStore = localFileStore;

/** Replaces the store every caller gets (an object-store adapter); local disk by default. */
export function setFileStoreFactory(next: (dataDir: string) => FileStore): void {
  factory = next;
}

export function fileStoreOf(dataDir: string): FileStore {
  return factory(dataDir);
}

/** Writes atomically (temp file + rename), so a reader never sees half a file. */
export function saveFile(dataDir: string, enterpriseId: string, baseName: string, content: Buffer): Promise<StoredFile> {
  return fileStoreOf(dataDir).save(enterpriseId, baseName, content);
}

export function readFile(dataDir: string, relativePath: string): Promise<Buffer | null> {
  return fileStoreOf(dataDir).read(relativePath);
}

export function removeFile(dataDir: string, relativePath: string): Promise<void> {
  return fileStoreOf(dataDir).remove(relativePath);
}
