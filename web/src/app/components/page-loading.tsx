import { Card, Flex, Skeleton, Spin } from 'antd';

export const FullPageSpin = () => (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

export const PageSkeleton = () => (
  <Card data-testid="page-loading">
    <Skeleton active paragraph={{ rows: 8 }} />
  </Card>
);
