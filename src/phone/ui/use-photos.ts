import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../app/phone-api';
import type { OutboxPhoto } from '../outbox/outbox-store';
import { resizePhoto } from './resize-photo';

export interface PhotoSlot {
  key: string;
  blob: Blob;
  url: string;
  uploadedId: string | null;
}

let counter = 0;

/**
 * Photos of one page: resized on the phone, then uploaded at once when there is a connection (so
 * the submit does not wait for them); whatever is not uploaded goes into the outbox as a blob.
 */
export function usePhotos(postId: string | null) {
  const [slots, setSlots] = useState<PhotoSlot[]>([]);
  const latest = useRef<PhotoSlot[]>([]);
  latest.current = slots;

  useEffect(() => () => latest.current.forEach((s) => URL.revokeObjectURL(s.url)), []);

  const add = useCallback(
    async (file: File): Promise<string> => {
      const blob = await resizePhoto(file);
      const key = `p${Date.now().toString(36)}${(counter++).toString(36)}`;
      const slot: PhotoSlot = { key, blob, url: URL.createObjectURL(blob), uploadedId: null };
      setSlots((s) => [...s, slot]);
      if (navigator.onLine) {
        const query = postId ? `?postId=${encodeURIComponent(postId)}` : '';
        api<{ id: string }>(`/api/v1/attachments${query}`, { body: blob, timeoutMs: 90_000 }).then(
          ({ id }) => setSlots((s) => s.map((x) => (x.key === key ? { ...x, uploadedId: id } : x))),
          () => undefined, // the outbox uploads it with the submission
        );
      }
      return key;
    },
    [postId],
  );

  const remove = useCallback((key: string) => {
    setSlots((s) => {
      const gone = s.find((x) => x.key === key);
      if (gone) URL.revokeObjectURL(gone.url);
      return s.filter((x) => x.key !== key);
    });
  }, []);

  const reset = useCallback(() => setSlots([]), []);

  /** For the outbox: uploaded photos by id, the others as blobs. */
  const toOutbox = useCallback(
    (keys: string[]): OutboxPhoto[] =>
      latest.current.filter((s) => keys.includes(s.key)).map((s) => ({ key: s.key, blob: s.uploadedId ? null : s.blob, uploadedId: s.uploadedId })),
    [],
  );

  return { slots, add, remove, reset, toOutbox };
}
