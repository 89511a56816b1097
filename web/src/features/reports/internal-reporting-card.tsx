import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDate } from '../../app/format';
import { useCan } from '../../app/auth/use-can';
import { useInternalReporting } from './hooks';

// 安委〔2024〕7号: the enterprise's internal reporting-reward mechanism (事故隐患内部报告奖励机制) and its payouts;
// an enterprise of a key industry without one after June 2025 is flagged here (the grading does not read it yet).
export const InternalReportingCard = ({ enterpriseId }: { enterpriseId: string }) => {
  const { message } = App.useApp();
  const query = useInternalReporting(enterpriseId);
  const client = useQueryClient();
  const writer = useCan('internal_reporting:create');
  const [adding, setAdding] = useState<null | 'system' | 'payout'>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['reports', 'internal', enterpriseId] });
  const register = useMutation({
    mutationFn: (body: { establishedOn: string; channels: string; rewardRule: string }) =>
      unwrap(
        api.POST('/api/v1/enterprises/{id}/internal-reporting', {
          params: { path: { id: enterpriseId } },
          body,
        }),
      ),
    onSuccess: () => {
      message.success('已登记');
      setAdding(null);
      void refresh();
    },
  });
  const payout = useMutation({
    mutationFn: (body: { paidOn: string; amountYuan: number; hazard: string }) =>
      unwrap(
        api.POST('/api/v1/enterprises/{id}/internal-reporting/payouts', {
          params: { path: { id: enterpriseId } },
          body,
        }),
      ),
    onSuccess: () => {
      message.success('已登记');
      setAdding(null);
      void refresh();
    },
  });
  const data = query.data;
  if (!data) return null;
  return (
    <Card
      title="事故隐患内部报告奖励机制"
      data-testid="internal-reporting-card"
      extra={
        data.flagged ? (
          <Tag color="red" data-testid="internal-reporting-flag">
            重点行业未建立
          </Tag>
        ) : data.system ? (
          <Tag color="green">已建立</Tag>
        ) : null
      }
    >
      {(register.error ?? payout.error) && <ErrorAlert error={register.error ?? payout.error} />}
      {data.flagged && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="重点行业领域企业应于 2025 年 6 月底前建立事故隐患内部报告奖励机制；未建立的列为重点监管对象"
          description={`依据：《国务院安全生产委员会关于推动建立完善生产经营单位事故隐患内部报告奖励机制的意见》（安委〔2024〕7号）。${data.basisSource}`}
        />
      )}
      {data.system ? (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="建立日期">{formatDate(data.system.establishedOn)}</Descriptions.Item>
            <Descriptions.Item label="累计发放">
              {data.totalPaidYuan.toLocaleString('zh-CN')} 元
            </Descriptions.Item>
            <Descriptions.Item label="报告途径">{data.system.channels}</Descriptions.Item>
            <Descriptions.Item label="奖励标准">{data.system.rewardRule}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.payouts}
            columns={[
              { key: 'paidOn', title: '发放日期', render: (_, p) => formatDate(p.paidOn), width: 110 },
              { key: 'amount', title: '金额（元）', dataIndex: 'amountYuan', width: 100 },
              { key: 'hazard', title: '所报告的隐患', dataIndex: 'hazard' },
            ]}
          />
        </>
      ) : (
        !data.flagged && <span>尚未登记</span>
      )}
      {writer && (
        <Space style={{ marginTop: 12 }}>
          {!data.system && <Button onClick={() => setAdding('system')}>登记机制</Button>}
          {data.system && <Button onClick={() => setAdding('payout')}>登记奖励发放</Button>}
        </Space>
      )}
      {adding === 'system' && (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          onFinish={(v: {
            establishedOn: { format: (f: string) => string };
            channels: string;
            rewardRule: string;
          }) => register.mutate({ ...v, establishedOn: v.establishedOn.format('YYYY-MM-DD') })}
        >
          <Form.Item name="establishedOn" label="建立日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="channels" label="报告途径" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="rewardRule" label="奖励标准" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={register.isPending}>
            保存
          </Button>
        </Form>
      )}
      {adding === 'payout' && (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          onFinish={(v: { paidOn: { format: (f: string) => string }; amountYuan: number; hazard: string }) =>
            payout.mutate({ ...v, paidOn: v.paidOn.format('YYYY-MM-DD') })
          }
        >
          <Form.Item name="paidOn" label="发放日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true }]}>
            <InputNumber min={0.01} />
          </Form.Item>
          <Form.Item name="hazard" label="所报告的隐患" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={payout.isPending}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
};
