/* The outbox lives in IndexedDB: it survives a closed tab, a dead battery and WeChat's back button,
 * and it holds photo blobs. Where IndexedDB is refused (some private modes) it falls back to memory
 * for this visit — the page says so through isDurable. */

export interface OutboxPhoto {
  key: string;
  /** The resized JPEG; dropped once uploaded, to free the phone's storage. */
  blob: Blob | null;
  uploadedId: string | null;
  /** When it was taken (recorded on the phone); absent in entries kept by an older version. */
  capturedAt?: string;
}

interface EntryBase {
  /** The client id the server dedupes on (crypto.randomUUID). */
  id: string;
  createdAt: string;
  /** Shown in the outbox list: the post or task name. */
  label: string;
  photos: OutboxPhoto[];
  attempts: number;
  nextAttemptAt: number;
  state: 'pending' | 'failed';
  error: string | null;
}

export interface InspectionResultDraft {
  itemId: string;
  result: 'pass' | 'fail' | 'na';
  note: string;
  supersedesId: string | null;
  photoKeys: string[];
}

export interface InspectionEntry extends EntryBase {
  kind: 'inspection';
  taskId: string;
  postId: string;
  capturedAt: string;
  results: InspectionResultDraft[];
}

export interface HazardEntry extends EntryBase {
  kind: 'hazard';
  postId: string | null;
  /** Reported from an area's QR page (absent in entries kept by an older version). */
  areaId?: string | null;
  description: string;
}

export type OutboxEntry = InspectionEntry | HazardEntry;

const dbName = 'shuangkong-phone';
const storeName = 'outbox';
const memory = new Map<string, OutboxEntry>();
let opening: Promise<IDBDatabase | null> | null = null;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(storeName, { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(null);
      r.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

export async function isDurable(): Promise<boolean> {
  return (await open()) !== null;
}

export async function listEntries(): Promise<OutboxEntry[]> {
  const db = await open();
  const all = db ? await request(db.transaction(storeName).objectStore(storeName).getAll() as IDBRequest<OutboxEntry[]>) : [...memory.values()];
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function putEntry(entry: OutboxEntry): Promise<void> {
  const db = await open();
  if (!db) {
    memory.set(entry.id, entry);
    return;
  }
  const tx = db.transaction(storeName, 'readwrite');
  tx.objectStore(storeName).put(entry);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export async function deleteEntry(id: string): Promise<void> {
  const db = await open();
  if (!db) {
    memory.delete(id);
    return;
  }
  const tx = db.transaction(storeName, 'readwrite');
  tx.objectStore(storeName).delete(id);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
