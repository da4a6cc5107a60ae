import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ClosureNoticeDto } from '../../../schemas/hazards.js';
import { api } from '../../app/api/api-client';
import { useAreas, usePosts } from '../org/use-org-lookups';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { formatDateTime, useEnterpriseTimeZone } from './hazard-api';

/** /print/hazard-notices?postId=|areaId= — 隐患治理公示 (seed 001 第十八条): published closures of a post or area, on one A4 page. */
export function ClosureNoticePrintPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const postId = params.get('postId') ?? undefined;
  const areaId = params.get('areaId') ?? undefined;
  const tz = useEnterpriseTimeZone();
  const posts = usePosts();
  const areas = useAreas();
  const notice = useQuery({
    queryKey: ['/api/v1/hazard-closure-notices', postId, areaId],
    queryFn: () => api<ClosureNoticeDto>('/api/v1/hazard-closure-notices', { query: { postId, areaId } }),
  });
  const cell = { border: '1px solid #333', padding: '4px 6px', verticalAlign: 'top' as const };
  return (
    <>
      <style>{'@media print { .closure-filter { display: none !important; } }'}</style>
      <Space className="closure-filter" style={{ margin: 12 }} wrap>
        <Select allowClear style={{ width: 220 }} placeholder={t('hazardUi.notice.post')} value={postId} options={posts.options} onChange={(v?: string) => setParams(v ? { postId: v } : {})} />
        <Select allowClear style={{ width: 220 }} placeholder={t('hazardUi.notice.area')} value={areaId} options={areas.options} onChange={(v?: string) => setParams(v ? { areaId: v } : {})} />
      </Space>
      {!notice.data ? (
        <PrintState isPending={notice.isPending} error={notice.error} />
      ) : (
        <PrintSheet orientation="portrait" testId="closure-notice">
          <h1 style={{ textAlign: 'center', fontSize: 24, margin: '0 0 4px' }}>{t('hazardUi.notice.title')}</h1>
          <div style={{ textAlign: 'center', marginBottom: 12 }}>{notice.data.placeName ?? t('hazardUi.notice.all')}</div>
          <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                {(['description', 'place', 'grade', 'closedAt', 'result'] as const).map((k) => (
                  <th key={k} style={{ ...cell, background: '#f0f0f0' }}>
                    {t(`hazardUi.notice.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {notice.data.items.length === 0 && (
                <tr>
                  <td style={cell} colSpan={5}>
                    {t('hazardUi.notice.none')}
                  </td>
                </tr>
              )}
              {notice.data.items.map((i) => (
                <tr key={i.hazardId} data-testid="notice-row">
                  <td style={cell}>{i.description}</td>
                  <td style={cell}>{[i.postName, i.areaName].filter(Boolean).join(' · ')}</td>
                  <td style={cell}>{i.grade ? t(`hazardUi.grade.${i.grade}`) : ''}</td>
                  <td style={cell}>{formatDateTime(i.closedAt, tz, i18n.language)}</td>
                  <td style={cell}>{i.result}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p style={{ fontSize: 12, marginTop: 8 }}>{t('hazardUi.notice.footer')}</p>
        </PrintSheet>
      )}
    </>
  );
}
