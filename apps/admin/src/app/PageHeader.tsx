import type { ReactNode } from 'react';
import { Card, Flex, Space, Typography } from 'antd';

/**
 * The head of a record's page: its name with tags beside it, a secondary line below, the page's
 * buttons on the right; `children` go under all that, in the same card.
 */
export function PageHeader({
  title,
  tags,
  subtitle,
  actions,
  children,
}: {
  title: ReactNode;
  tags?: ReactNode;
  subtitle: ReactNode;
  actions: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <div>
          <Space size={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            {tags}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {subtitle}
          </Typography.Paragraph>
        </div>
        <Space wrap>{actions}</Space>
      </Flex>
      {children}
    </Card>
  );
}
