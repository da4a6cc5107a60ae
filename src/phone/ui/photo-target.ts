/* Where a phone photo goes up, and with which capture time (issue 5 §3: records keep the device's capture time). */

/** Where a photo is uploaded: the place names its stamp; `url` replaces the member endpoint (public report page). */
export interface PhotoTarget {
  postId?: string | null;
  areaId?: string | null;
  equipmentId?: string | null;
  url?: string;
}

/** The file's own time when it is plausible (a camera photo is new, a gallery photo keeps its time), else now. */
export function captureTimeOf(file: File, now = Date.now()): string {
  const t = file.lastModified;
  return new Date(Number.isFinite(t) && t > 0 && t <= now + 60_000 ? t : now).toISOString();
}

/** `clientKey` names the photo: uploading it twice (发送 before the first upload ended, an outbox retry) stores it once. */
export function photoUploadPath(target: PhotoTarget, capturedAt: string | null, clientKey?: string): string {
  const query = new URLSearchParams();
  if (target.postId) query.set('postId', target.postId);
  if (target.areaId) query.set('areaId', target.areaId);
  if (target.equipmentId) query.set('equipmentId', target.equipmentId);
  if (capturedAt) query.set('capturedAt', capturedAt);
  if (clientKey) query.set('clientKey', clientKey);
  const text = query.toString();
  return `${target.url ?? '/api/v1/attachments'}${text ? `?${text}` : ''}`;
}
