import { Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { GuideListDiff } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const DiffList = ({
  items,
  color,
  testId,
}: {
  items: GuideListDiff['added'];
  color: string;
  testId: string;
}) => {
  const t = useT();
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('guideList.diffNone')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid={testId} style={{ maxHeight: 240, overflow: 'auto' }}>
      {items.map((item) => (
        <Space key={item.creditCode} size={6} wrap>
          <Tag color={color} style={{ marginInlineEnd: 0 }}>
            {item.territoryName}
          </Tag>
          <Typography.Text>{item.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.creditCode}
          </Typography.Text>
        </Space>
      ))}
    </Flex>
  );
};

// What changed since last year's published list: who joined, who left.
export const DiffCard = ({ diff }: { diff: GuideListDiff }) => {
  const t = useT();
  return (
    <Card data-testid="guide-list-diff" title={t('guideList.diffTitle', { year: diff.previousYear })}>
      {diff.previousListId === null ? (
        <Typography.Text type="secondary" data-testid="guide-list-diff-none">
          {t('guideList.diffNoPrevious', { year: diff.previousYear })}
        </Typography.Text>
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('guideList.diffAdded', { count: diff.added.length })}
            </Typography.Title>
            <DiffList items={diff.added} color="green" testId="guide-list-diff-added" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('guideList.diffRemoved', { count: diff.removed.length })}
            </Typography.Title>
            <DiffList items={diff.removed} color="red" testId="guide-list-diff-removed" />
          </Col>
        </Row>
      )}
      {diff.previousListId && (
        <div style={{ marginTop: 12 }}>
          <Link to={`/guide-lists/${diff.previousListId}`}>
            {t('guideList.openPrevious', { year: diff.previousYear })}
          </Link>
        </div>
      )}
    </Card>
  );
};
