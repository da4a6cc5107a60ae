import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Drawer, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountyEnterpriseDetailDto, TownDto } from '../../../schemas/oversight-county.js';
import { api } from '../../app/api/api-client';
import { currentLocale } from '../../app/i18n/i18n';
import { gradeColor } from './grade-tag';

const base = '/api/v1/oversight/county/enterprises';

/** One enterprise of the jurisdiction, read-only; the county (not a town) places it under a town and marks 示范. */
export function CountyDetailDrawer({ enterpriseId, towns, canEdit, onClose }: { enterpriseId: string | null; towns: TownDto[]; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: [base, enterpriseId], enabled: !!enterpriseId, queryFn: () => api<CountyEnterpriseDetailDto>(`${base}/${enterpriseId}`) });
  const save = useMutation({
    mutationFn: (change: { path: 'town' | 'demonstration'; body: object }) => api<CountyEnterpriseDetailDto>(`${base}/${enterpriseId}/${change.path}`, { method: 'PUT', body: change.body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [base, enterpriseId] });
      await client.invalidateQueries({ queryKey: ['/api/v1/oversight/county'] });
      void message.success(t('countyUi.saved'));
    },
    onError: (error) => void message.error(error.message),
  });
  const d = detail.data;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return (
    <Drawer open={!!enterpriseId} onClose={onClose} size="large" title={d?.name ?? ''} data-testid="county-detail">
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('countyUi.industry')}>{`${t(`industry.${d.industry}`)} · ${t(`sizeClass.${d.sizeClass}`)}`}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.headcount')}>{d.headcount}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.address')}>{d.address}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.principal')}>{d.principalName}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.town')}>
              {canEdit ? (
                <Select
                  allowClear
                  size="small"
                  style={{ width: 160 }}
                  value={d.townCode ?? undefined}
                  onChange={(v) => save.mutate({ path: 'town', body: { townCode: v ?? null } })}
                  options={towns.map((x) => ({ value: x.code, label: x.name }))}
                />
              ) : (
                (d.townName ?? '—')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('countyUi.demonstration')}>
              {canEdit ? <Switch size="small" checked={d.isDemonstration} onChange={(v) => save.mutate({ path: 'demonstration', body: { isDemonstration: v } })} /> : d.isDemonstration ? t('countyUi.yes') : t('countyUi.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('countyUi.posts')}>{t('countyUi.postCounts', { major: d.postsMajor, significant: d.postsSignificant })}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.openHazards')}>{`${d.openHazards} / ${t('countyUi.overdue')} ${d.overdueHazards} / ${t('countyUi.major')} ${d.openMajorHazards}`}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.stopWork')}>{d.stopWorkInForce ? <Tag color="red">{t('countyUi.inForce')}</Tag> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.inspection')}>{pct(d.inspectionCompletion)}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.training')}>{pct(d.trainingCompliance)}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.score')}>{d.selfAssessmentScore ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.lastActivity')}>{d.lastActivityAt ? new Date(d.lastActivityAt).toLocaleString() : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('countyUi.refreshedAt')}>{new Date(d.refreshedAt).toLocaleString()}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>
              {t('countyUi.grade')} {d.supervisionGrade && <Tag color={gradeColor[d.supervisionGrade]}>{d.supervisionGrade}</Tag>}
            </Typography.Title>
            <List
              size="small"
              data-testid="grade-reasons"
              locale={{ emptyText: t('countyUi.noReason') }}
              dataSource={d.gradeReasons}
              renderItem={(r) => (
                <List.Item>
                  <Tag color={gradeColor[r.grade]}>{r.grade}</Tag>
                  {r.text[currentLocale()]}
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
