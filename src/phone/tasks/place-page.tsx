import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ClosureNoticeDto } from '../../schemas/hazards.js';
import type { TaskDto } from '../../schemas/inspections.js';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { PostDocumentsSection } from '../documents/post-documents';
import { TaskCard } from './task-card';
import { useQueuedTaskIds, useTimeZone } from './tasks-page';

export type PlaceKind = 'post' | 'area' | 'equipment';
const collectionOf: Record<PlaceKind, string> = { post: 'posts', area: 'areas', equipment: 'equipment' };
const titleKeyOf: Record<PlaceKind, string> = { post: 'place.title', area: 'place.titleArea', equipment: 'place.titleEquipment' };
const reportParamOf: Record<PlaceKind, string> = { post: 'postId', area: 'areaId', equipment: 'equipmentId' };

/** What a place's QR code opens (/m/p/:id, /m/a/:id, /m/e/:id): the worker's open tasks there, and "see it, report it". */
export function PlacePage({ kind = 'post' }: { kind?: PlaceKind }) {
  const { t } = useTranslation();
  const { postId = '', placeId = '' } = useParams();
  const id = kind === 'post' ? postId : placeId;
  const { data, error, isLoading, reload } = useApi<{ placeName: string; items: TaskDto[] }>(`/api/v1/${collectionOf[kind]}/${encodeURIComponent(id)}/open-tasks`);
  const timeZone = useTimeZone();
  const queued = useQueuedTaskIds();
  const placeName = data?.placeName ?? '';
  // Seed 001 第十八条: the closures published for this post or area, on its page.
  const notice = useApi<ClosureNoticeDto>(kind === 'equipment' ? null : `/api/v1/hazard-closure-notices?${kind === 'post' ? 'postId' : 'areaId'}=${encodeURIComponent(id)}`);
  return (
    <Shell title={placeName || t(titleKeyOf[kind])} backTo="/tasks">
      <Link
        to={`/report?${reportParamOf[kind]}=${encodeURIComponent(id)}&place=${encodeURIComponent(placeName)}`}
        className="btn danger big"
        data-testid="report-hazard"
        style={{ marginBottom: 4 }}
      >
        ⚠ {t('place.report')}
      </Link>
      <p className="muted" style={{ textAlign: 'center', margin: '4px 0 12px' }}>
        {t('place.reportHint')}
      </p>
      {kind === 'post' && (
        <Link to={`/p/${encodeURIComponent(id)}/emergency`} className="btn sos" data-testid="post-emergency">
          {t('emergency.open')}
        </Link>
      )}
      {kind === 'post' && (
        <>
        <div className="btn-row" style={{ marginBottom: 8 }}>
          <Link to={`/p/${encodeURIComponent(id)}/quiz`} className="btn" data-testid="post-quiz">
            {t('place.quiz')}
          </Link>
          <Link to={`/p/${encodeURIComponent(id)}/scenario`} className="btn" data-testid="post-scenario">
            {t('place.scenario')}
          </Link>
        </div>
        <Link to={`/p/${encodeURIComponent(id)}/point-call`} className="btn" data-testid="post-point-call" style={{ marginBottom: 8 }}>
          {t('place.pointCall')}
        </Link>
        </>
      )}
      {kind === 'area' && (
        <Link to={`/a/${encodeURIComponent(id)}/fixed-position`} className="btn" data-testid="area-fixed-position" style={{ marginBottom: 8 }}>
          {t('place.fixedPosition')}
        </Link>
      )}
      <div className="section-title">{t(titleKeyOf[kind])}</div>
      {isLoading && !data && <Skeleton rows={2} />}
      {error && !data ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 && <p className="empty">{t('place.empty')}</p>}
      {data?.items.map((task) => (
        <TaskCard key={task.id} task={task} timeZone={timeZone} isQueued={queued.has(task.id)} />
      ))}
      {kind === 'post' && <PostDocumentsSection postId={id} />}
      {notice.data && notice.data.items.length > 0 && (
        <>
          <div className="section-title">{t('place.notice')}</div>
          <section className="card" data-testid="closure-notice">
            {notice.data.items.slice(0, 5).map((i) => (
              <div key={i.hazardId} style={{ marginBottom: 8 }}>
                <div>{i.description}</div>
                <div className="muted">
                  {(i.closedAt ?? '').slice(0, 10)} · {i.result}
                </div>
              </div>
            ))}
          </section>
        </>
      )}
    </Shell>
  );
}
