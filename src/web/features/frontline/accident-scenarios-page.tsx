import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space, Tag, message } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AccidentScenarioDetail, AccidentScenarioList } from '../../../schemas/accident-scenarios.js';
import { api, withQuery } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { frontlinePaths, scenarioStatusColours, useScenarioList } from './frontline-api';

type Row = AccidentScenarioList['items'][number] & { id: string };

/** /frontline/accident-scenarios — every front-line post's 事故假想 of a year (seed 003 附件1). */
export function AccidentScenariosPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const list = useScenarioList(year);
  // Read-only roles (the regulator, the consultant) see the sheets; the post's people start them (server: scenarioEditorRoles).
  const mayStart = hasRole(useCurrentUser(), ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker']);
  const start = useMutation({
    mutationFn: (postId: string) => api<AccidentScenarioDetail>(frontlinePaths.scenarios, { body: { postId, year } }),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: [frontlinePaths.scenarios] });
      navigate(`/frontline/accident-scenarios/${d.id}`);
    },
    onError: (e) => void message.error((e as Error).message),
  });
  const columns: ColumnType<Row>[] = [
    { key: 'unit', title: t('frontlineUi.scenarios.orgUnit'), render: (_v, r) => r.orgUnitName ?? '—' },
    { key: 'post', title: t('frontlineUi.scenarios.post'), render: (_v, r) => (r.scenario ? <Link to={`/frontline/accident-scenarios/${r.scenario.id}`}>{r.postName}</Link> : r.postName) },
    {
      key: 'status',
      title: t('frontlineUi.scenarios.status'),
      render: (_v, r) =>
        r.scenario ? (
          <Tag color={scenarioStatusColours[r.scenario.status]} data-status={r.scenario.status}>
            {t(`frontlineUi.scenarios.statuses.${r.scenario.status}`)}
          </Tag>
        ) : (
          <Tag data-status="none">{t('frontlineUi.scenarios.notStarted')}</Tag>
        ),
    },
    { key: 'signed', title: t('frontlineUi.scenarios.signed'), render: (_v, r) => (r.scenario ? `${r.scenario.signedCount} / ${r.scenario.workerCount}` : '—') },
    {
      key: 'actions',
      title: '',
      render: (_v, r) =>
        r.scenario ? (
          <Space>
            <Link to={`/frontline/accident-scenarios/${r.scenario.id}`}>{t('frontlineUi.scenarios.open')}</Link>
            <Link to={`/print/accident-scenarios/${r.scenario.id}`}>{t('frontlineUi.scenarios.print')}</Link>
          </Space>
        ) : mayStart ? (
          <Button size="small" loading={start.isPending && start.variables === r.postId} onClick={() => start.mutate(r.postId)} data-testid={`scenario-start-${r.postId}`}>
            {t('frontlineUi.scenarios.start')}
          </Button>
        ) : null,
    },
  ];
  return (
    <div data-testid="accident-scenarios">
      <PageHeader
        title={t('frontlineUi.scenarios.title')}
        hint={t('frontlineUi.scenarios.hint')}
        extra={
          <Space wrap>
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} aria-label={t('frontlineUi.scenarios.year')} />
            <Button href={withQuery(frontlinePaths.scenariosXlsx, { year })} data-testid="scenarios-export">
              {t('frontlineUi.scenarios.export')}
            </Button>
          </Space>
        }
      />
      <ResponsiveTable<Row> dataSource={(list.data?.items ?? []).map((r) => ({ ...r, id: r.postId }))} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}
