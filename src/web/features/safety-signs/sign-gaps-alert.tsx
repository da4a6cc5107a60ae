import { Alert, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelTag } from '../../app/ui/level-tag';
import { useSignOverview } from './safety-sign-api';

/** Seed 001 第十一条: 较大/重大 places (areas, equipment) without a 警告 sign; shown on the register, the areas page and the risk map. */
export function SignGapsAlert({ withLink = false }: { withLink?: boolean }) {
  const { t } = useTranslation();
  const overview = useSignOverview();
  const gaps = overview.data?.gaps ?? [];
  if (gaps.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="sign-gaps"
      title={t('signUi.gaps.title', { count: gaps.length })}
      description={
        <Space wrap size={4}>
          {gaps.map((g) => (
            <Tag key={`${g.kind}:${g.id}`} data-testid="sign-gap">
              {t(`signUi.gaps.kind.${g.kind}`)}：{g.name} <LevelTag level={g.level} />
            </Tag>
          ))}
          {withLink && <Link to="/safety-signs">{t('signUi.gaps.open')}</Link>}
        </Space>
      }
    />
  );
}
