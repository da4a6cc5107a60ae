import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { henanAccidentTypes } from '../../../reference/accident-types.js';
import type { AccidentScenarioDetail } from '../../../schemas/accident-scenarios.js';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { api } from '../../app/api/api-client';
import { currentLocale } from '../../app/i18n/i18n';
import { PageHeader } from '../../app/ui/page-header';
import { SignOffList } from '../sign-offs/sign-off-list';
import { frontlinePaths, scenarioStatusColours, useScenario } from './frontline-api';

const scenarioManagerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const;

/** /frontline/accident-scenarios/:id — one post's sheet: the five rows, the signatures, improvement items → hazards. */
export function AccidentScenarioPage() {
  const { t } = useTranslation();
  const { scenarioId = '' } = useParams();
  const client = useQueryClient();
  const me = useCurrentUser();
  const { data: d, error } = useScenario(scenarioId);
  const toHazard = useMutation({
    mutationFn: (index: number) => api<AccidentScenarioDetail>(`${frontlinePaths.scenarios}/${scenarioId}/hazards`, { body: { index } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [frontlinePaths.scenarios] });
      void message.success(t('frontlineUi.scenarios.hazardCreated'));
    },
    onError: (e) => void message.error((e as Error).message),
  });
  if (error) return <Alert type="error" showIcon message={(error as Error).message} />;
  if (!d) return <Card loading />;
  const isManager = hasRole(me, scenarioManagerRoles);
  const locale = currentLocale();
  const pre = (text: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{text || '—'}</div>;
  return (
    <div data-testid="accident-scenario">
      <PageHeader
        title={`${d.postName} · ${t('frontlineUi.scenarios.title')} ${d.year}`}
        hint={t('frontlineUi.scenarios.editOnPhone')}
        extra={
          <Space>
            <Tag color={scenarioStatusColours[d.status]} data-testid="scenario-status" data-status={d.status}>
              {t(`frontlineUi.scenarios.statuses.${d.status}`)}
            </Tag>
            <Tag>{t('frontlineUi.scenarios.revision', { revision: d.revision })}</Tag>
            <Link to={`/print/accident-scenarios/${d.id}`}>
              <Button type="primary">{t('frontlineUi.scenarios.print')}</Button>
            </Link>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} bordered size="small" labelStyle={{ width: 160 }}>
          <Descriptions.Item label={t('frontlineUi.sheet.accidentTypes').replace(/\n/g, '')}>
            {henanAccidentTypes
              .filter((a) => d.accidentSeqs.includes(a.seq))
              .map((a) => `（${a.seq}）${a.label[locale]}`)
              .join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.sheet.scenes').replace(/\n/g, '')}>{pre(d.scenes)}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.sheet.checks').replace(/\n/g, '')}>{pre(d.checks)}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.sheet.emergency').replace(/\n/g, '')}>{pre(d.emergency)}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.sheet.improvements').replace(/\n/g, '')}>
            {d.improvements.length === 0 ? (
              t('frontlineUi.scenarios.noImprovements')
            ) : (
              <List
                size="small"
                dataSource={d.improvements}
                renderItem={(it) => (
                  <List.Item
                    data-testid="scenario-improvement"
                    actions={[
                      it.hazardId ? (
                        <Link key="h" to={`/hazards/${it.hazardId}`}>
                          {t('frontlineUi.scenarios.viewHazard')}
                        </Link>
                      ) : isManager ? (
                        <Button key="b" size="small" loading={toHazard.isPending && toHazard.variables === it.index} onClick={() => toHazard.mutate(it.index)} data-testid={`to-hazard-${it.index}`}>
                          {t('frontlineUi.scenarios.toHazard')}
                        </Button>
                      ) : null,
                    ]}
                  >
                    <Typography.Text>
                      {it.index + 1}. {it.text}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <SignOffList subjectType="accident-scenario" subjectId={d.id} />
    </div>
  );
}
