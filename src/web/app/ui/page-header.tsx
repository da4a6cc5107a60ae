import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, hint }: { title: ReactNode; extra?: ReactNode; hint?: ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {hint}
        </Typography.Paragraph>
      )}
    </div>
  );
}
