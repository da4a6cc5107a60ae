import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileStore, fileStoreOf, localFileStore, readFile, saveFile, setFileStoreFactory } from './file-store.js';

describe('the file store interface (issue 10 §10)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores, lists, reads and removes on local disk by default, refusing names that leave the store', async () => {
    const store = fileStoreOf(dir);
    const saved = await store.save('e1', 'a.jpg', Buffer.from('abc'));
    expect(saved).toMatchObject({ relativePath: 'e1/a.jpg', byteSize: 3 });
    await store.save('e2', 'b.png', Buffer.from('x'));
    expect(await store.list()).toEqual(['e1/a.jpg', 'e2/b.png']);
    expect(await store.list('e2')).toEqual(['e2/b.png']);
    expect(await store.list('nobody')).toEqual([]);
    expect((await store.read('e1/a.jpg'))?.toString()).toBe('abc');
    await store.remove('e1/a.jpg');
    expect(await store.read('e1/a.jpg')).toBeNull();
    await expect(store.save('..', 'x', Buffer.from(''))).rejects.toThrow(/unsafe|outside the file store/);
    await expect(store.save('e1', 'a/b', Buffer.from(''))).rejects.toThrow(/unsafe/);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/outside the file store/);
  });

  it('lets another store stand in for every caller', async () => {
    const kept = new Map<string, Buffer>();
    const memory: FileStore = {
      save: async (e, n, c) => (kept.set(`${e}/${n}`, c), { relativePath: `${e}/${n}`, sha256: '', byteSize: c.length }),
      read: async (p) => kept.get(p) ?? null,
      remove: async (p) => void kept.delete(p),
      list: async () => [...kept.keys()],
    };
    setFileStoreFactory(() => memory);
    try {
      await saveFile(dir, 'e3', 'c.jpg', Buffer.from('mem'));
      expect((await readFile(dir, 'e3/c.jpg'))?.toString()).toBe('mem');
      expect(fs.existsSync(path.join(dir, 'files', 'e3'))).toBe(false);
    } finally {
      setFileStoreFactory(localFileStore);
    }
  });
});
