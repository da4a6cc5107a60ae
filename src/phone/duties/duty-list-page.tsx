import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PostDutyListDto } from '../../schemas/duties.js';
import { useSession } from '../app/session';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';
import { SignOffPanel } from '../ui/sign-off-panel';

/** 岗位安全生产责任清单 on the phone: the holder reads the post's duties and signs (seed 000 二(一)1). */
export function DutyListPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const { data: l, error, isLoading, reload } = useApi<PostDutyListDto>(`/api/v1/post-duty-lists/${encodeURIComponent(postId)}`);
  return (
    <Shell title={t('duties.title')} backTo="/tasks">
      {!l ? (
        isLoading ? <Skeleton rows={3} /> : <ErrorNotice error={error} onRetry={reload} />
      ) : (
        <>
          <section className="card" data-testid="duty-list">
            <h2 style={{ margin: '0 0 6px', fontSize: 17 }}>{l.postName}</h2>
            {l.items.length ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {l.items.map((i) => (
                  <li key={i.text} style={{ marginBottom: 4 }}>{i.text}</li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('duties.empty')}</p>
            )}
          </section>
          <SignOffPanel subjectType="post-duty-list" subjectId={l.postId} onSigned={reload} />
        </>
      )}
    </Shell>
  );
}

/** On the tasks page: the caller's own duty lists not yet acknowledged as they stand. */
export function DutyListsToAcknowledge() {
  const { t } = useTranslation();
  const personId = useSession().me?.personId ?? null;
  const { data } = useApi<{ items: PostDutyListDto[] }>('/api/v1/post-duty-lists/mine');
  const open = (data?.items ?? []).filter((l) => l.items.length > 0 && l.holders.some((h) => h.personId === personId && !h.hasAcknowledged));
  return (
    <>
      {open.map((l) => (
        <Link key={l.postId} to={`/p/${encodeURIComponent(l.postId)}/duties`} className="card" data-testid="duty-list-card">
          <strong>{t('duties.toAcknowledge', { post: l.postName })}</strong>
          <div className="muted">{t('duties.items', { n: l.items.length })}</div>
        </Link>
      ))}
    </>
  );
}
