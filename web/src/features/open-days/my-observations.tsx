import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../app/components/error-alert';
import { useMyObservations, useOwnSuggestion, type OpenDay } from './hooks';

// Measure 28: the social supervisor's first screen: the events it takes part in, the inspections it observes
// (read-only: what was inspected, when, at which step, with what result) and its suggestions with the answers.

const Observation = ({ day }: { day: OpenDay }) => {
  const [text, setText] = useState('');
  const suggest = useOwnSuggestion();
  return (
    <Card
      size="small"
      data-testid="observation"
      title={day.title}
      extra={
        <Space>
          <Tag color="blue">{day.kindName}</Tag>
          <Typography.Text type="secondary">{day.heldOn}</Typography.Text>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {day.place} · {day.organisationName}
      </Typography.Paragraph>
      <Typography.Title level={5}>观摩的检查（只读）</Typography.Title>
      <List
        size="small"
        dataSource={day.inspections}
        locale={{ emptyText: '尚未安排观摩的检查' }}
        renderItem={(inspection) => (
          <List.Item data-testid="observed-inspection">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              title={inspection.enterpriseName}
              items={[
                { key: 'org', label: '检查部门', children: inspection.organisationName },
                { key: 'date', label: '检查日期', children: inspection.plannedOn },
                { key: 'matters', label: '检查事项', children: inspection.matters.join('、') },
                { key: 'stage', label: '当前环节', children: inspection.stageName },
                {
                  key: 'result',
                  label: '检查结果',
                  children: inspection.resultSummary ?? '尚未作出结论',
                  span: 2,
                },
              ]}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        意见建议
      </Typography.Title>
      <Flex vertical gap={8}>
        {day.suggestions.map((suggestion) => (
          <Card key={suggestion.id} type="inner" size="small" data-testid="observation-suggestion">
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {suggestion.categoryName}：{suggestion.text}
            </Typography.Paragraph>
            {suggestion.answer ? (
              <Typography.Text type="success">答复：{suggestion.answer}</Typography.Text>
            ) : (
              <Tag color="orange">待答复</Tag>
            )}
          </Card>
        ))}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder="对本次活动或观摩的检查提出意见建议"
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={2000}
            data-testid="observation-suggestion-input"
          />
          <Button
            type="primary"
            loading={suggest.isPending}
            onClick={() => suggest.mutate({ id: day.id, text }, { onSuccess: () => setText('') })}
            data-testid="observation-suggestion-submit"
          >
            提交
          </Button>
        </Space.Compact>
        {suggest.isError && <ErrorAlert error={suggest.error} />}
      </Flex>
    </Card>
  );
};

export const MyObservations = () => {
  const mine = useMyObservations(true);
  const items = mine.data?.items ?? [];
  return (
    <Card
      data-testid="my-observations"
      loading={mine.isPending}
      title={
        <Flex gap={8} align="center">
          <EyeOutlined />
          我参加的执法开放日与媒体观察
        </Flex>
      }
    >
      {mine.isError && <ErrorAlert error={mine.error} />}
      {items.length === 0 && !mine.isPending ? (
        <Empty description="暂无邀请您参加的活动" />
      ) : (
        <Flex vertical gap={12}>
          {items.map((day) => (
            <Observation key={day.id} day={day} />
          ))}
        </Flex>
      )}
    </Card>
  );
};
