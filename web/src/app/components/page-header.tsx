import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';

export type Crumb = { title: string; to?: string };

type PageHeaderProps = { title: ReactNode; subtitle?: ReactNode; crumbs?: Crumb[]; extra?: ReactNode };

export const PageHeader = ({ title, subtitle, crumbs, extra }: PageHeaderProps) => (
  <div style={{ marginBottom: 16 }}>
    {crumbs && crumbs.length > 0 && (
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={crumbs.map((crumb) => ({
          title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title,
        }))}
      />
    )}
    <Flex justify="space-between" align="center" wrap gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  </div>
);
