import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDate, formatDateTime } from '../../app/format';
import {
  useFollowReport,
  usePublicEnterpriseSearch,
  useReportOptions,
  useSubmitReport,
  type SubmitBody,
} from './hooks';

// Measure 27 (安全生产法 第七十四条): anyone may report a hidden danger or a violation, without an account, on a
// phone. Anonymous or by real name; an employee reporting on the own employer gives a name and a contact
// (应急〔2020〕69号). The answer is a receipt code and a password, shown once, to follow the report.
type FormValues = {
  kind: SubmitBody['kind'];
  content: string;
  placeBy: 'register' | 'described';
  enterpriseId?: string;
  enterpriseDescription?: string;
  county?: string;
  location?: string;
  identity: 'anonymous' | 'named';
  employeeOfEnterprise: boolean;
  name?: string;
  phone?: string;
  idNumber?: string;
  contact?: string;
};

const narrow = { maxWidth: 640, margin: '0 auto' };

export const PublicReportPage = () => {
  const [form] = Form.useForm<FormValues>();
  const options = useReportOptions();
  const submit = useSubmitReport();
  const [q, setQ] = useState('');
  const search = usePublicEnterpriseSearch(q);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [point, setPoint] = useState<{ latitude: number; longitude: number } | null>(null);
  const placeBy = Form.useWatch('placeBy', form);
  const identity = Form.useWatch('identity', form);
  const employee = Form.useWatch('employeeOfEnterprise', form);

  if (submit.data)
    return (
      <Card style={narrow} data-testid="report-receipt">
        <Result
          status="success"
          title="举报已提交"
          subTitle="请记下受理编号和查询密码：密码只显示这一次，凭二者可以查询办理进展和奖励。"
        />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="受理编号">
            <Typography.Text copyable strong data-testid="report-receipt-code" style={{ fontSize: 18 }}>
              {submit.data.receiptCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="查询密码">
            <Typography.Text copyable strong data-testid="report-receipt-password" style={{ fontSize: 18 }}>
              {submit.data.password}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="提交时间">{formatDateTime(submit.data.receivedAt)}</Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link
            to={`/public/reports/follow?code=${submit.data.receiptCode}`}
            data-testid="report-follow-link"
          >
            查询办理进展
          </Link>
        </div>
      </Card>
    );

  const onFinish = (values: FormValues) => {
    const named = values.identity === 'named';
    submit.mutate({
      body: {
        kind: values.kind,
        content: values.content,
        enterpriseId: values.placeBy === 'register' ? (values.enterpriseId ?? null) : null,
        enterpriseDescription: values.placeBy === 'described' ? (values.enterpriseDescription ?? null) : null,
        county: values.placeBy === 'described' ? (values.county ?? null) : null,
        location: values.location ?? null,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        anonymous: !named,
        employeeOfEnterprise: values.employeeOfEnterprise,
        reporter: named
          ? {
              name: values.name ?? null,
              phone: values.phone ?? null,
              idNumber: values.idNumber ?? null,
              contact: values.contact ?? null,
            }
          : null,
      },
      photos: photos.flatMap((file) => (file.originFileObj ? [file.originFileObj] : [])),
    });
  };

  const locate = () =>
    navigator.geolocation?.getCurrentPosition((position) =>
      setPoint({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
    );

  return (
    <div style={narrow}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        安全生产举报
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        任何单位或者个人对事故隐患或者安全生产违法行为，均有权举报（《安全生产法》第七十四条）。举报人的信息依法保密；
        核查属实的，按《安全生产领域举报奖励办法》给予奖励。
        <Link to="/public/reports/follow">查询已提交的举报</Link>
      </Typography.Paragraph>
      {submit.error && <ErrorAlert error={submit.error} testId="report-submit-error" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          placeBy: 'register',
          identity: 'anonymous',
          employeeOfEnterprise: false,
          kind: 'hidden_danger',
        }}
        onFinish={onFinish}
        data-testid="report-form"
      >
        <Form.Item name="kind" label="举报类别" rules={[{ required: true }]}>
          <Select
            data-testid="report-kind"
            options={(options.data?.kinds ?? []).map((kind) => ({ value: kind.code, label: kind.name }))}
          />
        </Form.Item>
        <Form.Item name="placeBy" label="被举报单位">
          <Radio.Group data-testid="report-place-by">
            <Radio value="register">从企业名录中选择</Radio>
            <Radio value="described">名录中没有，手动描述</Radio>
          </Radio.Group>
        </Form.Item>
        {placeBy === 'described' ? (
          <>
            <Form.Item
              name="enterpriseDescription"
              label="单位名称或描述"
              rules={[{ required: true, message: '请描述被举报单位' }, { max: 300 }]}
            >
              <Input
                data-testid="report-enterprise-description"
                placeholder="如：某村工业区内无招牌的五金加工作坊"
              />
            </Form.Item>
            <Form.Item name="county" label="所在区县" rules={[{ required: true, message: '请选择所在区县' }]}>
              <Select
                data-testid="report-county"
                options={(options.data?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="enterpriseId"
            label="企业名称"
            rules={[{ required: true, message: '请输入名称并选择企业' }]}
          >
            <Select
              showSearch
              data-testid="report-enterprise"
              placeholder="输入企业名称中的两个字以上"
              filterOption={false}
              onSearch={setQ}
              loading={search.isFetching}
              notFoundContent={q.trim().length < 2 ? '请至少输入 2 个字' : '没有找到，可改为手动描述'}
              options={(search.data ?? []).map((e) => ({
                value: e.id,
                label: `${e.name}（${e.countyName}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label="举报内容"
          rules={[
            { required: true, message: '请描述举报的问题' },
            { min: 10, message: '请至少用 10 个字描述' },
            { max: 5000 },
          ]}
        >
          <Input.TextArea
            rows={5}
            data-testid="report-content"
            placeholder="什么问题、在哪里、何时发现、有何危险"
          />
        </Form.Item>
        <Form.Item name="location" label="具体位置" rules={[{ max: 300 }]}>
          <Input
            data-testid="report-location"
            placeholder="如：二号车间东侧"
            addonAfter={
              <Button type="link" size="small" icon={<EnvironmentOutlined />} onClick={locate}>
                {point ? '已定位' : '定位'}
              </Button>
            }
          />
        </Form.Item>
        <Form.Item label="照片（最多 5 张）">
          <Upload
            listType="picture"
            accept="image/*"
            multiple
            maxCount={5}
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, 5))}
          >
            <Button icon={<CameraOutlined />} data-testid="report-photo">
              拍照或选择照片
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item name="employeeOfEnterprise" valuePropName="checked">
          <Checkbox data-testid="report-employee">我是被举报单位的从业人员</Checkbox>
        </Form.Item>
        {employee && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="从业人员举报本单位的，须提供真实姓名和有效联系方式，否则可以不予受理（应急〔2020〕69号）。"
          />
        )}
        <Form.Item name="identity" label="举报方式">
          <Radio.Group data-testid="report-identity">
            <Radio value="anonymous" disabled={employee}>
              匿名举报
            </Radio>
            <Radio value="named">实名举报（可获奖励）</Radio>
          </Radio.Group>
        </Form.Item>
        {(identity === 'named' || employee) && (
          <>
            <Form.Item
              name="name"
              label="姓名"
              rules={[{ required: true, message: '请填写姓名' }, { max: 50 }]}
            >
              <Input data-testid="report-name" autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label="联系电话"
              rules={[
                { required: true, message: '请填写联系电话' },
                { pattern: /^[0-9+\-\s]{5,30}$/, message: '请填写有效的电话号码' },
              ]}
            >
              <Input data-testid="report-phone" inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="身份证号码（领取奖励时需要）"
              rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: '身份证号码格式不正确' }]}
            >
              <Input data-testid="report-id-number" />
            </Form.Item>
            <Form.Item name="contact" label="其他联系方式" rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          实名信息加密保存，只有举报受理人员可以查阅，每次查阅均有记录。
        </Typography.Paragraph>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submit.isPending}
          data-testid="report-submit"
        >
          提交举报
        </Button>
      </Form>
    </div>
  );
};

export const PublicReportFollowPage = () => {
  const [params] = useSearchParams();
  const follow = useFollowReport();
  const data = follow.data;
  return (
    <div style={narrow}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        查询举报办理进展
      </Typography.Title>
      <Form
        layout="vertical"
        initialValues={{ receiptCode: params.get('code') ?? '' }}
        onFinish={(values: { receiptCode: string; password: string }) => follow.mutate(values)}
        data-testid="follow-form"
      >
        <Form.Item
          name="receiptCode"
          label="受理编号"
          rules={[{ required: true, message: '请填写受理编号' }]}
        >
          <Input data-testid="follow-code" autoCapitalize="characters" />
        </Form.Item>
        <Form.Item name="password" label="查询密码" rules={[{ required: true, message: '请填写查询密码' }]}>
          <Input.Password data-testid="follow-password" autoCapitalize="characters" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={follow.isPending} data-testid="follow-submit">
          查询
        </Button>
      </Form>
      {follow.error && <ErrorAlert error={follow.error} testId="follow-error" style={{ marginTop: 16 }} />}
      {data && (
        <Card style={{ marginTop: 16 }} data-testid="follow-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="受理编号">{data.receiptCode}</Descriptions.Item>
            <Descriptions.Item label="举报类别">{data.kindName}</Descriptions.Item>
            <Descriptions.Item label="办理状态">
              <Typography.Text strong data-testid="follow-state">
                {data.stateName}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatDateTime(data.receivedAt)}</Descriptions.Item>
            {data.acceptedOn && (
              <Descriptions.Item label="受理日期">{formatDate(data.acceptedOn)}</Descriptions.Item>
            )}
            {data.verifyBy && data.state === 'accepted' && (
              <Descriptions.Item label="核查期限">
                {formatDate(data.verifyBy)}
                {data.extended ? `（已延长：${data.extensionReason ?? ''}）` : ''}
              </Descriptions.Item>
            )}
            {data.declineReason && (
              <Descriptions.Item label="不予受理理由">{data.declineReason}</Descriptions.Item>
            )}
            {data.outcomeName && <Descriptions.Item label="核查结论">{data.outcomeName}</Descriptions.Item>}
            {data.answer && <Descriptions.Item label="处理结果">{data.answer}</Descriptions.Item>}
          </Descriptions>
          {data.reward && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              data-testid="follow-reward"
              message={`举报奖励 ${data.reward.amountYuan.toLocaleString('zh-CN')} 元：${data.reward.stateName}`}
              description={
                data.reward.collectBy
                  ? `请于 ${formatDate(data.reward.collectBy)} 前携带身份证件到受理举报的应急管理部门领取（可银行转账）；逾期无正当理由未领取的，视为放弃。`
                  : undefined
              }
            />
          )}
        </Card>
      )}
      <Space style={{ marginTop: 16 }}>
        <Link to="/public/reports">我要举报</Link>
      </Space>
    </div>
  );
};
