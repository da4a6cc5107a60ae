import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HazardDto } from '../../../schemas/hazards.js';

const statusColours: Record<HazardDto['status'], string> = {
  reported: 'processing',
  confirmed: 'blue',
  rejected: 'default',
  fixed_on_spot: 'cyan',
  under_rectification: 'orange',
  submitted_for_acceptance: 'purple',
  closed: 'success',
};

export function HazardStatusTag({ status }: { status: HazardDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} data-status={status}>
      {t(`hazardUi.status.${status}`)}
    </Tag>
  );
}

/** 重大 is red, as on every board and report; 一般 stays quiet. */
export function HazardGradeTag({ grade }: { grade: HazardDto['grade'] }) {
  const { t } = useTranslation();
  if (!grade) return <Tag data-grade="none">{t('hazardUi.grade.none')}</Tag>;
  return grade === 'major' ? (
    <Tag color="#d9363e" data-grade="major" style={{ fontWeight: 600 }}>
      {t('hazardUi.grade.major')}
    </Tag>
  ) : (
    <Tag color="gold" data-grade="general">
      {t('hazardUi.grade.general')}
    </Tag>
  );
}

export function HazardTags({ hazard }: { hazard: Pick<HazardDto, 'status' | 'grade' | 'isOverdue' | 'isPublished' | 'escalationTier'> }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      <HazardStatusTag status={hazard.status} />
      {hazard.grade && <HazardGradeTag grade={hazard.grade} />}
      {hazard.isOverdue && (
        <Tag color="error" data-testid="overdue-tag">
          {t('hazardUi.overdue')}
        </Tag>
      )}
      {hazard.isPublished && <Tag color="green">{t('hazardUi.published')}</Tag>}
    </Space>
  );
}
