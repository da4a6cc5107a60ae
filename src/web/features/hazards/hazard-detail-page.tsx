import { ArrowLeftOutlined, FileWordOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Grid, Image, Result, Skeleton, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HazardDetailDto } from '../../../schemas/hazards.js';
import type { measureFullDtoSchema } from '../../../schemas/risks.js';
import type { z } from 'zod';
import { api, isApiError } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { usePeople } from '../risks/use-people';
import { remediationParts, HazardActionPanel } from './hazard-action-panel';
import { MajorHazardOversight } from './major-hazard-oversight';
import { formatCny, formatDate, formatDateTime, reportRoles, useEnterpriseTimeZone, useHazard, useMajorHazardCriteria } from './hazard-api';
import { HazardTags } from './hazard-tags';
import { HazardCorrection } from './hazard-correction';

type MeasureDto = z.infer<typeof measureFullDtoSchema>;

/** Seed 001 Art. 17: the stop stands until acceptance; the banner says who withdrew whom, and when. */
function StopWorkBanner({ hazard, tz }: { hazard: HazardDetailDto; tz: string }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {hazard.stopWork.map((s) => (
        <Alert
          key={s.id}
          type={s.liftedAt ? 'success' : 'error'}
          showIcon
          icon={<StopOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="stop-work-banner"
          title={s.liftedAt ? t('hazardUi.stopWork.lifted', { at: formatDateTime(s.liftedAt, tz, i18n.language) }) : t('hazardUi.stopWork.active', { place: hazard.postName ?? hazard.areaName ?? '—' })}
          description={
            <div style={{ overflowWrap: 'anywhere' }}>
              <div>{t('hazardUi.stopWork.withdrawn', { people: s.peopleWithdrawn })}</div>
              <div>{t('hazardUi.stopWork.by', { name: s.withdrawnBy, at: formatDateTime(s.stoppedAt, tz, i18n.language) })}</div>
            </div>
          }
        />
      ))}
    </>
  );
}

function eventDetail(data: Record<string, unknown>, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const parts: string[] = [];
  if (typeof data.field === 'string') {
    parts.push(`${t(`hazardUi.correction.fields.${data.field}`)}：${String(data.old ?? '—')} → ${String(data.new ?? '—')}`);
  }
  if (typeof data.grade === 'string') parts.push(t(`hazardUi.grade.${data.grade}`));
  if (typeof data.criterionId === 'string') parts.push(t('hazardUi.timeline.criterion', { id: data.criterionId }));
  if (typeof data.reason === 'string' && data.reason) parts.push(data.reason);
  if (typeof data.note === 'string' && data.note) parts.push(data.note);
  const plan = data.plan as { measure?: string } | undefined;
  if (plan?.measure) parts.push(plan.measure);
  return parts.length ? parts.join(' · ') : null;
}

/** One hazard: facts, photos, stop work, plans, the current step and the timeline. */
export function HazardDetailPage() {
  const { hazardId } = useParams();
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const tz = useEnterpriseTimeZone();
  const hazard = useHazard(hazardId);
  const people = usePeople();
  const screens = Grid.useBreakpoint();
  const planLayout = screens.md ? 'horizontal' : 'vertical';
  const h = hazard.data;
  const criteria = useMajorHazardCriteria(i18n.language, Boolean(h?.criterionId));
  const measure = useQuery({
    queryKey: ['/api/v1/control-measures', h?.measureId],
    enabled: Boolean(h?.measureId),
    queryFn: () => api<MeasureDto>(`/api/v1/control-measures/${h?.measureId}`),
  });

  if (hazard.error) {
    return (
      <Result
        status={isApiError(hazard.error) && hazard.error.status === 404 ? '404' : isApiError(hazard.error) && hazard.error.status === 403 ? '403' : 'error'}
        title={hazard.error.message}
        extra={<Link to="/hazards">{t('hazardUi.backToLedger')}</Link>}
      />
    );
  }
  if (!h) return <Skeleton active />;
  const isMajor = h.grade === 'major';
  const canReport = hasRole(me, reportRoles);
  const plan = h.rectificationPlan;
  const ownerName = plan ? people.nameOf(plan.ownerPersonId) : '';
  // A signed-in reporter has no reporterName on the DTO; the report event names them.
  const reporterName = h.reporterName ?? h.events.find((e) => e.action === 'report')?.actorName ?? (h.source === 'anonymous' ? t('hazardUi.source.anonymous') : '—');
  const criterion = h.criterionId ? criteria.data?.items.find((c) => c.id === h.criterionId) : undefined;

  return (
    <div data-testid="hazard-detail">
      <PageHeader
        title={
          <Space size={8} wrap>
            <Link to="/hazards" aria-label={t('hazardUi.backToLedger')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{t('hazardUi.detail.title')}</span>
            <span data-testid="hazard-tags">
              <HazardTags hazard={h} />
            </span>
          </Space>
        }
        extra={
          isMajor &&
          canReport && (
            <Space wrap>
              <Button icon={<FileWordOutlined />} href={`/api/v1/hazards/${h.id}/bureau-report.docx`} data-testid="bureau-report">
                {t('hazardUi.detail.bureauReport')}
              </Button>
              {h.status === 'closed' && (
                <Button icon={<FileWordOutlined />} href={`/api/v1/hazards/${h.id}/result-report.docx`} data-testid="result-report">
                  {t('hazardUi.detail.resultReport')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <StopWorkBanner hazard={h} tz={tz} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph strong style={{ fontSize: 15, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="hazard-description">
          {h.description}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('hazardUi.field.source')}>{t(`hazardUi.source.${h.source}`)}</Descriptions.Item>
          {h.postId && (
            <Descriptions.Item label={t('hazardUi.field.post')}>
              <Link to={`/posts/${h.postId}`} data-testid="post-link">
                {h.postName}
              </Link>
            </Descriptions.Item>
          )}
          {h.areaName && <Descriptions.Item label={t('hazardUi.field.area')}>{h.areaName}</Descriptions.Item>}
          <Descriptions.Item label={t('hazardUi.field.reporter')}>{reporterName}</Descriptions.Item>
          <Descriptions.Item label={t('hazardUi.field.reportedAt')}>{formatDateTime(h.createdAt, tz, i18n.language)}</Descriptions.Item>
          {h.deadline && (
            <Descriptions.Item label={t('hazardUi.field.deadline')}>
              <Typography.Text type={h.isOverdue ? 'danger' : undefined} strong={h.isOverdue}>
                {formatDate(h.deadline, tz, i18n.language)}
                {h.isOverdue && ` · ${t('hazardUi.overdue')}`}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {h.escalationTier && h.isOverdue && <Descriptions.Item label={t('hazardUi.field.escalation')}>{t(`hazardUi.tier.${h.escalationTier}`, { defaultValue: h.escalationTier })}</Descriptions.Item>}
          {h.closedAt && <Descriptions.Item label={t('hazardUi.field.closedAt')}>{formatDateTime(h.closedAt, tz, i18n.language)}</Descriptions.Item>}
          {h.measureId && (
            <Descriptions.Item label={t('hazardUi.field.failedMeasure')}>
              {measure.data ? (
                <Link to={h.postId ? `/posts/${h.postId}?risk=${measure.data.riskId}` : '/risks'} data-testid="risk-link">
                  {measure.data.text}
                </Link>
              ) : (
                '…'
              )}
            </Descriptions.Item>
          )}
          {isMajor && (h.criterionId || h.criterionOtherReason) && (
            <Descriptions.Item label={t('hazardUi.field.criterion')} span={3}>
              <span style={{ overflowWrap: 'anywhere' }}>{h.criterionId ? `${h.criterionId} ${criterion?.text ?? ''}` : `${t('hazardUi.confirm.other')}：${h.criterionOtherReason}`}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {h.photoIds.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap size={8} style={{ marginTop: 8 }}>
              {h.photoIds.map((id) => (
                <Image key={id} src={`/api/v1/attachments/${id}`} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt={t('hazardUi.detail.photo')} />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>

      <HazardActionPanel hazard={h} ownerName={ownerName} />

      {plan && (
        <Card size="small" title={t('hazardUi.rectification.title')} style={{ marginBottom: 12 }} data-testid="rectification-plan">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} layout={planLayout}>
            <Descriptions.Item label={t('hazardUi.rectification.measure')} span={2}>
              <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{plan.measure}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('hazardUi.rectification.owner')}>{ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('hazardUi.rectification.funds')}>{formatCny(plan.fundsCny, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('hazardUi.rectification.deadline')}>{formatDate(plan.deadline, tz, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('hazardUi.rectification.interim')} span={2}>
              <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{plan.interimMeasure}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {h.remediationPlan && (
        <Card size="small" title={t('hazardUi.remediation.title')} style={{ marginBottom: 12 }} data-testid="remediation-plan">
          <Descriptions size="small" column={1} layout={planLayout}>
            {remediationParts.map((part) => (
              <Descriptions.Item key={part} label={t(`hazardUi.remediation.${part}`)}>
                <span style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{h.remediationPlan?.[part]}</span>
              </Descriptions.Item>
            ))}
            {h.remediationPlan.result && <Descriptions.Item label={t('hazardUi.accept.result')}>{h.remediationPlan.result}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}

      {isMajor && <MajorHazardOversight hazardId={h.id} isClosed={h.status === 'closed'} />}

      <Card size="small" title={t('hazardUi.timeline.title')} data-testid="hazard-timeline" extra={hasRole(me, ['safety_manager', 'principal']) ? <HazardCorrection hazard={h} /> : null}>
        <Timeline
          items={h.events.map((e) => {
            const detail = eventDetail(e.data, t);
            return {
              key: e.id,
              color: e.action === 'reject' || e.action === 'send_back' || e.action === 'escalate' ? 'red' : e.action === 'accept' || e.action === 'publish' ? 'green' : 'blue',
              content: (
                <div style={{ overflowWrap: 'anywhere' }}>
                  <Typography.Text strong>{t(`hazardUi.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' · '}
                    {e.actorName ?? t('hazardUi.timeline.system')} · {formatDateTime(e.at, tz, i18n.language)}
                  </Typography.Text>
                  {detail && <div>{detail}</div>}
                </div>
              ),
            };
          })}
        />
      </Card>
    </div>
  );
}
