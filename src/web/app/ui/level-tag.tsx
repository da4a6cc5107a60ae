import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';

type Level = NonNullable<PostDto['level']>;

// Red / orange / yellow / blue, the four colours of the standards (GB/T 2893.5 safety colours).
const levelColours: Record<Level, { color: string; text: string }> = {
  major: { color: '#d9363e', text: '#fff' },
  significant: { color: '#fa8c16', text: '#fff' },
  general: { color: '#fadb14', text: '#5c4a00' },
  low: { color: '#1677ff', text: '#fff' },
};

export function LevelTag({ level }: { level: PostDto['level'] }) {
  const { t } = useTranslation();
  if (!level) return null;
  const c = levelColours[level];
  return (
    <Tag bordered={false} style={{ background: c.color, color: c.text, fontWeight: 500 }} data-level={level}>
      {t(`level.${level}`)}
    </Tag>
  );
}
