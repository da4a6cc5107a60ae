/* Seed 001 第十八条: "隐患治理完成后…应当…公示" — a published closure is visible where the work happens:
 * a notice per post or area (office page, A4 print, the phone's place page), with date and result. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import type { ClosureNoticeDto } from '../../../schemas/hazards.js';
import { notFound } from '../../platform/http/app-error.js';
import * as repo from './hazard-notice.repository.js';

export async function getClosureNotice(deps: AppDeps, enterpriseId: string, place: { postId?: string; areaId?: string }): Promise<ClosureNoticeDto> {
  let placeName: string | null = null;
  if (place.postId) {
    const p = await repo.findPlace(deps.db, 'post', enterpriseId, place.postId);
    if (!p) throw notFound('post');
    placeName = p.name;
  }
  if (place.areaId) {
    const a = await repo.findPlace(deps.db, 'area', enterpriseId, place.areaId);
    if (!a) throw notFound('area');
    placeName = placeName ? `${placeName} · ${a.name}` : a.name;
  }
  const rows = await repo.listPublishedClosures(deps.db, enterpriseId, place, 100);
  return {
    placeName,
    items: rows.map((r) => {
      const note = fromDbJson<{ note?: string }>(r.accept_data as string | null)?.note ?? '';
      return {
        hazardId: r.id,
        description: r.description,
        grade: (r.grade as 'general' | 'major' | null) ?? null,
        postName: r.post_name ?? null,
        areaName: r.area_name ?? null,
        closedAt: r.closed_at,
        publishedAt: (r.published_at as string | null) ?? null,
        result: note ? `整改完成，验收合格：${note}` : '整改完成，验收合格',
      };
    }),
  };
}
