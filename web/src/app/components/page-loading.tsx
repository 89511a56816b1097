import { Flex, Skeleton, Spin, theme } from 'antd';

export const FullPageSpin = () => (
  <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
    <Spin size="large" />
  </Flex>
);

// Drawn like a Card without importing one: antd's Card brings Tabs along, and this shows before any page.
export const PageSkeleton = () => {
  const { token } = theme.useToken();
  return (
    <div
      data-testid="page-loading"
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: token.paddingLG,
      }}
    >
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
};
