import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Calendar, Checkbox, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endOfLocalDay, localDay, startOfLocalDay } from '../../../domain/calendar/enterprise-day';
import { calendarFeedRoles, type DueItemDto, type DueItemListDto, dueStatuses } from '../../../schemas/due-items.js';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { useEnterpriseTimeZone } from '../hazards/hazard-api';
import { usePeople } from '../risks/use-people';
import { CalendarFeedCard } from './calendar-feed-card';
import { canFilterOwnDueItems, dueItemFeatures, dueItemsPath } from './due-items-page';

/** A month cell shows two one-line items at 1366 px (full title on hover); more would hide the "还有 N 项" line below the cell's scroll. */
const shownPerDay = 2;

const badge = { due: 'processing', overdue: 'error', done: 'success' } as const;

/** The month's window on the enterprise's wall clock: its first day 00:00 to its last day's end. */
export function monthWindow(month: string, timeZone: string): { from: string; to: string } {
  const first = dayjs(`${month}-01`);
  return { from: startOfLocalDay(first.format('YYYY-MM-DD'), timeZone), to: endOfLocalDay(first.endOf('month').format('YYYY-MM-DD'), timeZone) };
}

/** 合规日历 (issue 15 §6): every feature's due items in a month view, with owner and status, and the person's .ics feed. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const me = useCurrentUser();
  const dayjsLocale = i18n.language === 'zh-CN' ? 'zh-cn' : 'en';
  const today = dayjs().format('YYYY-MM-DD');
  const people = usePeople();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [isMine, setIsMine] = useState(false);
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const query = { ...monthWindow(month, tz), kind, status, mine: isMine ? 'true' : undefined };
  const list = useQuery({ queryKey: [dueItemsPath, 'month', query], queryFn: () => api<DueItemListDto>(dueItemsPath, { query }) });
  const { byDay, earlier } = useMemo(() => {
    const map = new Map<string, DueItemDto[]>();
    const before: DueItemDto[] = [];
    for (const item of list.data?.items ?? []) {
      const d = localDay(item.dueAt, tz);
      if (d < `${month}-01`) before.push(item);
      else map.set(d, [...(map.get(d) ?? []), item]);
    }
    return { byDay: map, earlier: before };
  }, [list.data, tz, month]);
  const line = (item: DueItemDto) => (
    <Link to={item.link} title={`${item.title}${item.ownerPersonId ? ` · ${people.nameOf(item.ownerPersonId)}` : ''}`}>
      <Badge status={badge[item.status]} text={<span style={{ fontSize: 12 }}>{item.title}</span>} />
    </Link>
  );
  return (
    <div data-testid="calendar-page">
      <PageHeader title={t('calendarUi.title')} hint={t('calendarUi.hint')} />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('dueItemUi.status')} style={{ width: 120 }} value={status} onChange={setStatus} options={dueStatuses.map((s) => ({ value: s, label: t(`dueItemUi.statuses.${s}`) }))} />
        <Select allowClear placeholder={t('dueItemUi.kind')} style={{ width: 160 }} value={kind} onChange={setKind} options={dueItemFeatures.map((f) => ({ value: f, label: t(`dueItemUi.features.${f}`, { defaultValue: f }) }))} />
        {canFilterOwnDueItems(me) && (
          <Checkbox checked={isMine} onChange={(e) => setIsMine(e.target.checked)}>
            {t('dueItemUi.mine')}
          </Checkbox>
        )}
        <Space size={12}>
          {dueStatuses.map((s) => (
            <Badge key={s} status={badge[s]} text={t(`dueItemUi.statuses.${s}`)} />
          ))}
        </Space>
      </div>
      {list.data?.isTruncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('dueItemUi.truncated')} />}
      {earlier.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendarUi.earlier', { count: earlier.length })}
          description={<List size="small" dataSource={earlier} renderItem={(i) => <List.Item>{line(i)} <Tag>{localDay(i.dueAt, tz)}</Tag></List.Item>} />}
          data-testid="calendar-earlier"
        />
      )}
      <Calendar
        value={dayjs(today.startsWith(month) ? today : `${month}-01`).locale(dayjsLocale)}
        onPanelChange={(d: Dayjs) => setMonth(d.format('YYYY-MM'))}
        onSelect={(d: Dayjs, info) => info.source !== 'date' && setMonth(d.format('YYYY-MM'))}
        cellRender={(d: Dayjs, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = d.format('YYYY-MM') === month ? (byDay.get(d.format('YYYY-MM-DD')) ?? []) : [];
          return (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-day={d.format('YYYY-MM-DD')} data-count={items.length}>
              {items.slice(0, shownPerDay).map((i) => (
                <li key={`${i.kind}|${i.sourceRef}`} data-status={i.status} data-kind={i.kind} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {line(i)}
                </li>
              ))}
              {items.length > shownPerDay && <Typography.Text type="secondary">{t('calendarUi.more', { count: items.length - shownPerDay })}</Typography.Text>}
            </ul>
          );
        }}
      />
      {hasRole(me, calendarFeedRoles) && <CalendarFeedCard />}
    </div>
  );
}
