import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskDto } from '../../schemas/inspections.js';
import { formatDueTime } from '../ui/format';

interface Props {
  task: TaskDto;
  timeZone?: string;
  /** A submission for this task waits in the outbox. */
  isQueued?: boolean;
  now?: Date;
}

export function TaskCard({ task, timeZone, isQueued = false, now = new Date() }: Props) {
  const { t, i18n } = useTranslation();
  const isLate = task.status === 'open' && new Date(task.windowEnd) <= now;
  const period = t(`tasks.period.${task.period}`) + (task.shiftCode ? ` · ${task.shiftCode}` : '');
  return (
    <Link to={`/tasks/${task.id}`} className="card" data-testid="task-card" data-task-id={task.id}>
      <div className="card-row">
        <div className="grow">
          <div className="card-row" style={{ alignItems: 'flex-start' }}>
            <h2 className="grow">{task.postName}</h2>
            {isQueued && <span className="badge queued">{t('tasks.queued')}</span>}
            {isLate && <span className="badge late">{t('tasks.late')}</span>}
            {task.status === 'missed' && <span className="badge missed">{t('tasks.missed')}</span>}
            {task.status === 'done' && <span className="badge done">{t('tasks.done')}</span>}
          </div>
          <div className="meta">
            {period} · {t('tasks.items', { count: task.itemCount })} · {t('tasks.due', { time: formatDueTime(task.windowEnd, i18n.language, timeZone) })}
          </div>
        </div>
        <span className="chev" aria-hidden>
          ›
        </span>
      </div>
    </Link>
  );
}
