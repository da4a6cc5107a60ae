import { useCallback, useEffect, useRef, useState } from 'react';
import { newClientId } from '../app/client-id';
import { api } from '../app/phone-api';
import type { OutboxPhoto } from '../outbox/outbox-store';
import { captureTimeOf, type PhotoTarget, photoUploadPath } from './photo-target';
import { resizePhoto } from './resize-photo';

export interface PhotoSlot {
  key: string;
  blob: Blob;
  url: string;
  uploadedId: string | null;
  /** When the photo was taken (the file's time, else the moment it was chosen): the server stamps it. */
  capturedAt: string;
}

/**
 * Photos of one page: resized on the phone, then uploaded at once when there is a connection (so
 * the submit does not wait for them); whatever is not uploaded goes into the outbox as a blob.
 */
export function usePhotos(place: string | null | PhotoTarget) {
  const target: PhotoTarget = typeof place === 'string' || place === null ? { postId: place } : place;
  const targetKey = JSON.stringify(target);
  const [slots, setSlots] = useState<PhotoSlot[]>([]);
  const latest = useRef<PhotoSlot[]>([]);
  latest.current = slots;

  useEffect(() => () => latest.current.forEach((s) => URL.revokeObjectURL(s.url)), []);

  const add = useCallback(
    async (file: File): Promise<string> => {
      const capturedAt = captureTimeOf(file);
      const blob = await resizePhoto(file);
      // The key is also the upload's client key: the outbox sending it again gets the same attachment.
      const key = newClientId();
      const slot: PhotoSlot = { key, blob, url: URL.createObjectURL(blob), uploadedId: null, capturedAt };
      setSlots((s) => [...s, slot]);
      if (navigator.onLine) {
        api<{ id: string }>(photoUploadPath(JSON.parse(targetKey) as PhotoTarget, capturedAt, key), { body: blob, timeoutMs: 90_000 }).then(
          ({ id }) => setSlots((s) => s.map((x) => (x.key === key ? { ...x, uploadedId: id } : x))),
          () => undefined, // the outbox uploads it with the submission
        );
      }
      return key;
    },
    [targetKey],
  );

  const remove = useCallback((key: string) => {
    setSlots((s) => {
      const gone = s.find((x) => x.key === key);
      if (gone) URL.revokeObjectURL(gone.url);
      return s.filter((x) => x.key !== key);
    });
  }, []);

  const reset = useCallback(() => setSlots([]), []);

  /** For the outbox: uploaded photos by id, the others as blobs with the time they were taken. */
  const toOutbox = useCallback(
    (keys: string[]): OutboxPhoto[] =>
      latest.current
        .filter((s) => keys.includes(s.key))
        .map((s) => ({ key: s.key, blob: s.uploadedId ? null : s.blob, uploadedId: s.uploadedId, capturedAt: s.capturedAt })),
    [],
  );

  return { slots, add, remove, reset, toOutbox };
}
