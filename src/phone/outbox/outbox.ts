/* Sending what the outbox holds: photos first (each upload remembered, so a retry does not upload
 * twice), then the submission with its client id — the server applies a client id once, so a
 * replay after a lost answer is harmless. Kept until a 2xx, or a 4xx that will never pass (shown). */
import { hazardReportInputSchema } from '../../schemas/hazards.js';
import { submissionInputSchema, type SubmissionResultDto } from '../../schemas/inspections.js';
import { api, ApiError, isFinalError, NetworkError } from '../app/phone-api';
import { newClientId } from '../app/client-id';
import { type PhotoTarget, photoUploadPath } from '../ui/photo-target';
import { deleteEntry, listEntries, type OutboxEntry, type OutboxPhoto, putEntry } from './outbox-store';

export interface OutboxSnapshot {
  entries: Pick<OutboxEntry, 'id' | 'kind' | 'label' | 'state' | 'error' | 'attempts' | 'createdAt'>[];
  isSending: boolean;
  needsLogin: boolean;
}

export type SendOutcome =
  | { kind: 'sent'; hazardCount: number }
  | { kind: 'queued' }
  | { kind: 'failed'; message: string; errors: { path: string; message: string }[] };

let snapshot: OutboxSnapshot = { entries: [], isSending: false, needsLogin: false };
const listeners = new Set<() => void>();
const outcomes = new Map<string, SendOutcome>();
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let draining: Promise<void> | null = null;
const sentListeners = new Set<() => void>();

/** Called after a run that delivered something, so pages can fetch what the server now holds. */
export function onSent(listener: () => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function getSnapshot(): OutboxSnapshot {
  return snapshot;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function publish(patch: Partial<OutboxSnapshot> = {}): Promise<void> {
  const entries = await listEntries();
  snapshot = {
    ...snapshot,
    ...patch,
    entries: entries.map(({ id, kind, label, state, error, attempts, createdAt }) => ({ id, kind, label, state, error, attempts, createdAt })),
  };
  for (const l of listeners) l();
}

/** 5 s, 10 s, 20 s … capped at 5 minutes, with jitter so a workshop's phones do not retry in step. */
export function backoffMs(attempts: number): number {
  const base = Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Photos go up with the time they were taken; a phone whose clock runs ahead has that time refused
 * (400 on capturedAt) and the photo goes up without it rather than never. */
async function uploadPhotos(entry: OutboxEntry, target: PhotoTarget): Promise<void> {
  for (const photo of entry.photos) {
    if (photo.uploadedId || !photo.blob) continue;
    const upload = (capturedAt: string | null) => api<{ id: string }>(photoUploadPath(target, capturedAt, photo.key.length >= 8 ? photo.key : undefined), { body: photo.blob, timeoutMs: 90_000 });
    let id: string;
    try {
      ({ id } = await upload(photo.capturedAt ?? null));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 400 && error.errors.some((e) => e.path === 'capturedAt'))) throw error;
      ({ id } = await upload(null));
    }
    photo.uploadedId = id;
    photo.blob = null;
    await putEntry(entry);
  }
}

function uploadedIds(photos: OutboxPhoto[], keys: string[]): string[] {
  return keys.map((k) => photos.find((p) => p.key === k)?.uploadedId).filter((id): id is string => Boolean(id));
}

/** The request body as the server's own schema reads it. */
export function bodyOf(entry: OutboxEntry) {
  if (entry.kind === 'inspection') {
    return submissionInputSchema.parse({
      clientId: entry.id,
      capturedAt: entry.capturedAt,
      results: entry.results.map((r) => ({
        itemId: r.itemId,
        result: r.result,
        note: r.note,
        photoIds: uploadedIds(entry.photos, r.photoKeys),
        supersedesId: r.supersedesId,
      })),
    });
  }
  return hazardReportInputSchema.parse({
    clientId: entry.id,
    postId: entry.postId,
    areaId: entry.areaId ?? null,
    description: entry.description,
    photoIds: uploadedIds(
      entry.photos,
      entry.photos.map((p) => p.key),
    ),
  });
}

async function sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
  await uploadPhotos(entry, { postId: entry.postId, areaId: entry.kind === 'hazard' ? entry.areaId : null });
  if (entry.kind === 'inspection') {
    const result = await api<SubmissionResultDto>(`/api/v1/inspection-tasks/${entry.taskId}/records`, { body: bodyOf(entry) });
    return { kind: 'sent', hazardCount: result.records.filter((r) => r.hazardId).length };
  }
  await api<{ id: string }>('/api/v1/hazards', { body: bodyOf(entry) });
  return { kind: 'sent', hazardCount: 1 };
}

function scheduleRetry(entries: OutboxEntry[]): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const pending = entries.filter((e) => e.state === 'pending');
  if (!pending.length) return;
  const next = Math.min(...pending.map((e) => e.nextAttemptAt));
  retryTimer = setTimeout(() => void drain(), Math.max(1_000, next - Date.now()));
}

async function drainOnce(force: boolean): Promise<void> {
  await publish({ isSending: true });
  let needsLogin = false;
  let sentCount = 0;
  for (const entry of await listEntries()) {
    if (entry.state !== 'pending' || (!force && entry.nextAttemptAt > Date.now())) continue;
    try {
      outcomes.set(entry.id, await sendEntry(entry));
      await deleteEntry(entry.id);
      sentCount++;
    } catch (error) {
      if (isFinalError(error)) {
        entry.state = 'failed';
        entry.error = error.message;
        outcomes.set(entry.id, { kind: 'failed', message: error.message, errors: error.errors });
        await putEntry(entry);
        continue;
      }
      entry.attempts += 1;
      entry.nextAttemptAt = Date.now() + backoffMs(entry.attempts);
      entry.error = error instanceof ApiError ? error.message : null;
      await putEntry(entry);
      if (error instanceof ApiError && error.status === 401) needsLogin = true;
      // No answer at all, or a session to renew: the rest would fail the same way.
      if (error instanceof NetworkError || needsLogin) break;
    }
  }
  await publish({ isSending: false, needsLogin });
  scheduleRetry(await listEntries());
  if (sentCount) for (const l of sentListeners) l();
}

/** Sends what is due (or everything, when forced); one run at a time. */
export function drain({ force = false } = {}): Promise<void> {
  if (draining) return draining.then(() => (force ? drain({ force }) : undefined));
  draining = drainOnce(force).finally(() => {
    draining = null;
  });
  return draining;
}

/** Puts the entry in the outbox first, then tries to send it at once. */
export async function enqueueAndSend(entry: OutboxEntry): Promise<SendOutcome> {
  bodyOf(entry); // refuses, before anything is kept, what the server's schema would refuse
  await putEntry(entry);
  await publish();
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    scheduleRetry(await listEntries());
    return { kind: 'queued' };
  }
  await drain({ force: true });
  return outcomes.get(entry.id) ?? { kind: 'queued' };
}

export async function discardEntry(id: string): Promise<void> {
  await deleteEntry(id);
  await publish();
}

export function newEntryBase(label: string) {
  return {
    id: newClientId(),
    createdAt: new Date().toISOString(),
    label,
    attempts: 0,
    nextAttemptAt: 0,
    state: 'pending' as const,
    error: null,
  };
}

/**
 * When the connection returns. The 'online' event can come a moment before requests get through
 * (a phone re-joining Wi-Fi, a captive portal): what still fails is tried again within seconds, not
 * after its backoff of minutes.
 */
async function drainWhenBack(): Promise<void> {
  for (const waitMs of [0, 2_000, 5_000, 10_000]) {
    if (waitMs) await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    await drain({ force: true });
    if (!(await listEntries()).some((e) => e.state === 'pending')) return;
  }
}

/** On app start, when the connection returns, and when the page comes back to the front. */
export function startOutbox(): void {
  void drain({ force: true });
  window.addEventListener('online', () => void drainWhenBack());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void drain();
  });
}
