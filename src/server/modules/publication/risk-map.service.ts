import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { highestLevel, isRiskLevel, levelColour, type RiskLevel } from '../../../domain/risk/risk-level.js';
import type { Locale } from '../../../i18n/locale.js';
import { type FloorPlanInfo, floorPlanMaxBytes, mapPolygonInputSchema, type RiskMap } from '../../../schemas/publication.js';
import { readFile, removeFile, saveFile } from '../../platform/files/file-store.js';
import { probeImage } from '../../platform/files/image-probe.js';
import { loadSharp } from '../../platform/lazy-modules.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, parseOrThrow } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './publication.repository.js';
import type { PublicationActor } from './risk-card.service.js';

type Point = [number, number];
const acceptedMimes = ['image/png', 'image/jpeg'] as const;

function floorPlanInfo(row: NonNullable<Awaited<ReturnType<typeof repo.findFloorPlan>>>): FloorPlanInfo {
  return {
    mime: row.mime === 'image/jpeg' ? 'image/jpeg' : 'image/png',
    width: Number(row.width),
    height: Number(row.height),
    byteSize: Number(row.byte_size),
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

/** 四色图: each area takes the colour of the highest level among its accepted, live risks. */
export async function getRiskMap(deps: AppDeps, enterpriseId: string): Promise<RiskMap> {
  const enterprise = await repo.findEnterpriseHeader(deps.db, enterpriseId);
  if (!enterprise) throw notFound('enterprise');
  const plan = await repo.findFloorPlan(deps.db, enterpriseId);
  const areas = await repo.listLiveAreas(deps.db, enterpriseId);
  const levels = new Map<string, RiskLevel[]>();
  for (const r of await repo.listPublishedAreaLevels(deps.db, enterpriseId)) {
    if (!r.area_id || !isRiskLevel(r.level)) continue;
    levels.set(r.area_id, [...(levels.get(r.area_id) ?? []), r.level]);
  }
  return {
    enterprise: { id: enterprise.id, name: enterprise.name },
    floorPlan: plan ? floorPlanInfo(plan) : null,
    areas: areas.map((a) => {
      const level = highestLevel(levels.get(a.id) ?? []);
      return {
        id: a.id,
        name: a.name,
        level,
        colour: level ? levelColour(level) : null,
        riskCount: levels.get(a.id)?.length ?? 0,
        points: a.points ? (JSON.parse(a.points) as Point[]) : null,
      };
    }),
  };
}

/** Twice the signed area (shoelace); zero for points on one line. */
function doubledArea(points: Point[]): number {
  let sum = 0;
  points.forEach(([x1, y1], i) => {
    const [x2, y2] = points[(i + 1) % points.length] as Point;
    sum += x1 * y2 - x2 * y1;
  });
  return sum;
}

/** The area is looked up before the body is read: another enterprise's area is 404 whatever is sent. */
export async function setAreaPolygon(deps: AppDeps, actor: PublicationActor, areaId: string, body: unknown, locale: Locale) {
  const area = await repo.findArea(deps.db, actor.enterpriseId, areaId);
  if (!area) throw notFound('area');
  if (area.archived_at) throw new AppError('ARCHIVED', { entity: 'area' });
  const input = parseOrThrow(mapPolygonInputSchema, body ?? {}, locale);
  const points = input.points.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as Point);
  if (Math.abs(doubledArea(points)) < 1e-6) {
    throw fieldError('points', { 'zh-CN': '多边形的点不能在一条直线上或重合', 'en-US': 'The points must not all lie on one line or coincide' });
  }
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.findPolygon(trx, actor.enterpriseId, areaId);
    const at = deps.clock.now();
    await repo.upsertPolygon(trx, { area_id: areaId, enterprise_id: actor.enterpriseId, points: JSON.stringify(points), updated_at: at.toISOString() });
    await recordChange(trx, actor, at, {
      entity: 'area',
      entityId: areaId,
      action: 'set_map_polygon',
      before: before ? { points: JSON.parse(before.points) } : null,
      after: { points },
    });
    return { areaId, points };
  });
}

/** The declared type must be PNG or JPEG and the bytes must say the same (magic bytes, not the header). */
export async function uploadFloorPlan(deps: AppDeps, actor: PublicationActor, contentType: string | undefined, body: unknown): Promise<FloorPlanInfo> {
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(acceptedMimes as readonly string[]).includes(declared) || !Buffer.isBuffer(body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `${declared || '-'}; image/png, image/jpeg` });
  }
  if (body.length > floorPlanMaxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  const probe = probeImage(body);
  if (!probe || probe.mime !== declared) throw new AppError('NOT_AN_IMAGE', { mime: declared });
  // The header alone says little: decode every pixel (as photos are), so a truncated or garbled file is refused.
  try {
    await loadSharp()(body, { limitInputPixels: 50_000_000, failOn: 'error' }).resize({ width: 256, height: 256, fit: 'inside' }).toBuffer();
  } catch {
    throw new AppError('NOT_AN_IMAGE', { mime: declared });
  }
  const extension = probe.mime === 'image/png' ? 'png' : 'jpg';
  const stored = await saveFile(deps.config.dataDir, actor.enterpriseId, `floor-plan-${Date.now()}.${extension}`, body);
  let replacedPath: string | null = null;
  let info: FloorPlanInfo;
  try {
    info = await withTransaction(deps.db, async (trx) => {
      const before = await repo.findFloorPlan(trx, actor.enterpriseId);
      const at = deps.clock.now();
      const row = {
        enterprise_id: actor.enterpriseId,
        path: stored.relativePath,
        mime: probe.mime,
        width: probe.width,
        height: probe.height,
        byte_size: stored.byteSize,
        sha256: stored.sha256,
        uploaded_by_user_id: actor.userId,
        uploaded_at: at.toISOString(),
      };
      await repo.upsertFloorPlan(trx, row);
      const after = floorPlanInfo(row);
      await recordChange(trx, actor, at, {
        entity: 'floor_plan',
        entityId: actor.enterpriseId,
        action: before ? 'replace' : 'upload',
        before: before ? floorPlanInfo(before) : null,
        after,
      });
      if (before && before.path !== stored.relativePath) replacedPath = before.path;
      return after;
    });
  } catch (error) {
    await removeFile(deps.config.dataDir, stored.relativePath);
    throw error;
  }
  // The old image is removed only once the new row is committed: a reader never gets a dangling path.
  if (replacedPath) await removeFile(deps.config.dataDir, replacedPath).catch(() => undefined);
  return info;
}

export async function readFloorPlan(deps: AppDeps, enterpriseId: string): Promise<{ mime: string; content: Buffer; sha256: string }> {
  const row = await repo.findFloorPlan(deps.db, enterpriseId);
  if (!row) throw notFound('floor_plan');
  const content = await readFile(deps.config.dataDir, row.path);
  if (!content) throw notFound('floor_plan');
  return { mime: row.mime, content, sha256: row.sha256 };
}
