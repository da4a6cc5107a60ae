/* Photo attachments of inspection records (and later of hazards): checked, resized, stamped, stored. */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { AttachmentDto } from '../../../schemas/inspections.js';
import { readFile, saveFile } from '../../platform/files/file-store.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
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
}

export async function uploadPhoto(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string; displayName: string },
  declaredMime: string,
  body: unknown,
  place: UploadPlace,
): Promise<AttachmentDto> {
  const mime = declaredMime.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(photoMimes as readonly string[]).includes(mime) || !Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `${mime || '-'}; ${photoMimes.join(', ')}` });
  }
  if (body.length > maxPhotoBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  if (sniffImage(body) !== mime) throw new AppError('NOT_AN_IMAGE', { mime });

  const placeNames: string[] = [];
  for (const [field, table] of [['postId', 'post'], ['areaId', 'area'], ['equipmentId', 'equipment']] as const) {
    const id = place[field];
    if (!id) continue;
    const row = await lists.findPlaceName(deps.db, table, actor.enterpriseId, id);
    if (!row) throw referenceMissing(field);
    placeNames.push(row.name);
  }
  const [calendar, person] = await Promise.all([loadCalendar(deps.db, actor.enterpriseId), lists.findActorPerson(deps.db, actor.enterpriseId, actor.userId)]);
  const now = deps.clock.now();
  const lines = [
    `${format(new TZDate(now.getTime(), calendar.timeZone), 'yyyy-MM-dd HH:mm:ss')} (${calendar.timeZone})`,
    ...(placeNames.length ? [placeNames.join(' / ')] : []),
    person?.person_name ?? actor.displayName,
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
  };
  await withTransaction(deps.db, async (trx) => {
    await repo.insertAttachment(trx, row);
    await recordChange(trx, actor, now, { entity: 'attachment', entityId: id, action: 'create', after: { sha256: row.sha256, bytes: row.bytes, stampedText: row.stamped_text } });
  });
  return { id, sha256: row.sha256, mime: row.mime, bytes: row.bytes, width: row.width, height: row.height, stampedText: row.stamped_text, createdAt: row.created_at };
}

export async function readPhoto(deps: AppDeps, enterpriseId: string, id: string): Promise<{ data: Buffer; mime: string; sha256: string }> {
  const row = await repo.findAttachment(deps.db, enterpriseId, id);
  if (!row) throw notFound('attachment');
  const data = await readFile(deps.config.dataDir, row.path);
  if (!data) throw notFound('attachment');
  return { data, mime: row.mime, sha256: row.sha256 };
}
