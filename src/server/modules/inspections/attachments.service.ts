/* Photo attachments of inspection records (and later of hazards): checked, resized, stamped, stored. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AppDeps } from '../../app-deps.js';
import { type Executor, withTransaction } from '../../db/with-transaction.js';
import type { AttachmentDto } from '../../../schemas/inspections.js';
import { readFile, removeFile, saveFile } from '../../platform/files/file-store.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import type { AttachmentTable } from '../../db/database.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './attachments.repository.js';
import * as lists from './inspection-lists.repository.js';
import { maxPhotoBytes, photoMimes, sniffImage, stampPhoto } from './photo-stamp.js';
import { loadCalendar } from './shifts.service.js';

export interface UploadPlace {
  postId?: string;
  areaId?: string;
  equipmentId?: string;
  /** The device's capture time (ISO); refused when in the future beyond the clock skew allowed. */
  capturedAt?: string;
  /** The phone's name for the photo: the same key uploaded again answers the stored attachment. */
  clientKey?: string;
}

/** A phone's clock may run a little ahead of the server's. */
export const captureClockSkewMs = 5 * 60_000;
/** Beyond this gap between capture and upload the stamp shows both times (back-filling shows, issue 5 §3). */
export const captureGapStampMs = 2 * 60_000;
export const anonymousStampLine = '匿名上报';

/** Who sends the photo: a member (userId), or the public report page (userId null, stamped 匿名上报). */
export interface PhotoActor {
  userId: string | null;
  enterpriseId: string;
  displayName: string;
}

function capturedAtOf(place: UploadPlace, now: Date): Date | null {
  if (!place.capturedAt) return null;
  const captured = new Date(place.capturedAt);
  if (captured.getTime() > now.getTime() + captureClockSkewMs) {
    throw fieldError('capturedAt', { 'zh-CN': '拍摄时间晚于服务器时间，请检查手机时间', 'en-US': "The capture time is in the future; check the phone's clock" });
  }
  return captured;
}

/** The time lines of the stamp: the receipt time alone, or capture and receipt when they differ by more than 2 minutes. */
export function stampTimeLines(now: Date, captured: Date | null, timeZone: string): string[] {
  const local = (d: Date) => format(new TZDate(d.getTime(), timeZone), 'yyyy-MM-dd HH:mm:ss');
  if (!captured || Math.abs(now.getTime() - captured.getTime()) <= captureGapStampMs) return [`${local(now)} (${timeZone})`];
  return [`拍摄 ${local(captured)}`, `上传 ${local(now)} (${timeZone})`];
}

const toDto = (row: AttachmentTable): AttachmentDto => ({
  id: row.id,
  sha256: row.sha256,
  mime: row.mime,
  bytes: row.bytes,
  width: row.width,
  height: row.height,
  stampedText: row.stamped_text,
  createdAt: row.created_at,
  capturedAt: row.captured_at,
});

/** The attachment a client key already names, if the same sender stored it (another sender's key is a conflict, not a leak). */
async function storedUnderKey(deps: AppDeps, actor: PhotoActor, clientKey: string | undefined): Promise<AttachmentDto | null> {
  if (!clientKey) return null;
  const row = await repo.findAttachmentByClientKey(deps.db, actor.enterpriseId, clientKey);
  if (!row) return null;
  if ((row.created_by ?? null) !== actor.userId) throw new AppError('CONFLICT', { detail: 'clientKey' }, [{ path: 'clientKey', message: { 'zh-CN': '该照片编号已被使用，请重新拍摄', 'en-US': 'This photo key is taken; take the photo again' } }]);
  return toDto(row);
}

export async function uploadPhoto(deps: AppDeps, actor: PhotoActor, declaredMime: string, body: unknown, place: UploadPlace): Promise<AttachmentDto> {
  const known = await storedUnderKey(deps, actor, place.clientKey);
  if (known) return known;
  const mime = declaredMime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(photoMimes as readonly string[]).includes(mime) || !Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `${mime || '-'}; ${photoMimes.join(', ')}` });
  }
  if (body.length > maxPhotoBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  if (sniffImage(body) !== mime) throw new AppError('NOT_AN_IMAGE', { mime });
  const now = deps.clock.now();
  const captured = capturedAtOf(place, now);

  const placeNames: string[] = [];
  for (const [field, table] of [['postId', 'post'], ['areaId', 'area'], ['equipmentId', 'equipment']] as const) {
    const id = place[field];
    if (!id) continue;
    const row = await lists.findPlaceName(deps.db, table, actor.enterpriseId, id);
    if (!row) throw referenceMissing(field);
    placeNames.push(row.name);
  }
  const isAnonymous = actor.userId === null;
  const [calendar, person] = await Promise.all([
    loadCalendar(deps.db, actor.enterpriseId),
    actor.userId ? lists.findActorPerson(deps.db, actor.enterpriseId, actor.userId) : Promise.resolve(undefined),
  ]);
  const lines = [
    ...stampTimeLines(now, captured, calendar.timeZone),
    ...(placeNames.length ? [placeNames.join(' / ')] : []),
    isAnonymous ? anonymousStampLine : (person?.person_name ?? actor.displayName),
  ];
  let stamped: Awaited<ReturnType<typeof stampPhoto>>;
  try {
    stamped = await stampPhoto(body, lines);
  } catch {
    // Right magic bytes, broken body: still not an image.
    throw new AppError('NOT_AN_IMAGE', { mime });
  }
  const id = newId();
  const stored = await saveFile(deps.config.dataDir, actor.enterpriseId, `${id}.jpg`, stamped.data);
  const row = {
    id,
    enterprise_id: actor.enterpriseId,
    path: stored.relativePath,
    sha256: stored.sha256,
    mime: 'image/jpeg',
    bytes: stored.byteSize,
    width: stamped.width,
    height: stamped.height,
    stamped_text: lines.join('\n'),
    created_by: actor.userId,
    created_at: now.toISOString(),
    captured_at: captured ? captured.toISOString() : null,
    is_anonymous: isAnonymous ? 1 : 0,
    client_key: place.clientKey ?? null,
  };
  try {
    await withTransaction(deps.db, async (trx) => {
      await repo.insertAttachment(trx, row);
      await recordChange(trx, actor, now, {
        entity: 'attachment',
        entityId: id,
        action: 'create',
        after: { sha256: row.sha256, bytes: row.bytes, stampedText: row.stamped_text, capturedAt: row.captured_at, isAnonymous },
      });
    });
  } catch (error) {
    // Two uploads of one key at once: the later one meets the unique key, drops its file and answers the first.
    if (!place.clientKey || !isUniqueViolation(error)) throw error;
    await removeFile(deps.config.dataDir, stored.relativePath);
    const first = await storedUnderKey(deps, actor, place.clientKey);
    if (!first) throw error;
    return first;
  }
  return toDto(row);
}

export async function readPhoto(deps: AppDeps, enterpriseId: string, id: string): Promise<{ data: Buffer; mime: string; sha256: string }> {
  const row = await repo.findAttachment(deps.db, enterpriseId, id);
  if (!row) throw notFound('attachment');
  const data = await readFile(deps.config.dataDir, row.path);
  if (!data) throw notFound('attachment');
  return { data, mime: row.mime, sha256: row.sha256 };
}

/** Other features that let a record name photos check here that every id is one of the enterprise's attachments (inside a transaction, pass it). */
export async function allAttachmentsExist(deps: AppDeps, enterpriseId: string, ids: readonly string[], db: Executor = deps.db): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  return (await repo.listAttachmentIds(db, enterpriseId, unique)).length === unique.length;
}
