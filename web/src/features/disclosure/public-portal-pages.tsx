import { useState, type ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Flex, List, Pagination, Row, Table, Tag, Typography } from 'antd';
import {
  BarChartOutlined,
  CalendarOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  InteractionOutlined,
  OrderedListOutlined,
  SafetyOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import {
  openDataUrl,
  usePortal,
  usePublicAnnualReports,
  usePublicBenchmarks,
  usePublicCreditRepairs,
  usePublicInspectionCaps,
  usePublicInspectionResults,
  usePublicOpenDays,
} from './hooks';

// Measure 29 (政务公开, no login, light enough for a phone): one home with a menu of everything public, and the
// portal's own lists. Every list downloads as .xlsx and CSV (开放数据).

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN')} 元`;

const MENU: { path: string; title: string; text: string; icon: ReactNode }[] = [
  {
    path: '/public/annual-plans',
    title: '年度检查计划',
    text: '各级年度监督检查计划的总数与检查事项',
    icon: <FileTextOutlined />,
  },
  {
    path: '/public/guide-lists',
    title: '重点企业名单',
    text: '重点企业指导名单（企业名称、属地、分类）',
    icon: <OrderedListOutlined />,
  },
  {
    path: '/public/draws',
    title: '双随机抽取',
    text: '每一次抽取的名单哈希、随机数与结果，可在本机复算验证',
    icon: <InteractionOutlined />,
  },
  {
    path: '/public/inspection-results',
    title: '检查结果',
    text: '检查作出结论后 20 个工作日内公示：企业、日期、事项、结果',
    icon: <FileSearchOutlined />,
  },
  {
    path: '/public/penalty-decisions',
    title: '处罚公示',
    text: '处罚决定 7 个工作日内公示；变更、撤销的 3 个工作日内撤回',
    icon: <FileDoneOutlined />,
  },
  {
    path: '/public/credit-repairs',
    title: '信用修复',
    text: '已完成信用修复、终止公示的处罚决定',
    icon: <SafetyOutlined />,
  },
  {
    path: '/public/benchmarks',
    title: '裁量基准与检查上限',
    text: '行政处罚裁量基准及各部门年度检查频次上限',
    icon: <BarChartOutlined />,
  },
  {
    path: '/public/annual-reports',
    title: '年度报告',
    text: '各部门上年度行政执法数据及分析报告（1 月 31 日前）',
    icon: <CalendarOutlined />,
  },
  {
    path: '/public/open-days',
    title: '开放日与媒体观察',
    text: '执法开放日、媒体观察活动及意见建议的答复',
    icon: <EyeOutlined />,
  },
];

const DownloadLinks = ({ dataset }: { dataset: string }) => (
  <Flex gap={12} wrap>
    <a href={openDataUrl(dataset, 'xlsx')} data-testid={`open-data-${dataset}-xlsx`} download>
      <DownloadOutlined /> Excel
    </a>
    <a href={openDataUrl(dataset, 'csv')} data-testid={`open-data-${dataset}-csv`} download>
      <DownloadOutlined /> CSV
    </a>
  </Flex>
);

export const PortalHomePage = () => {
  const portal = usePortal();
  return (
    <Flex vertical gap={16} data-testid="portal-home">
      <PageHeader
        title="政务公开"
        subtitle="江门市应急管理系统涉企行政检查与行政处罚信息公开，无需登录即可查阅和下载"
      />
      <Row gutter={[12, 12]}>
        {MENU.map((entry) => (
          <Col key={entry.path} xs={24} sm={12} lg={8}>
            <Link to={entry.path} data-testid={`portal-menu-${entry.path.split('/')[2]}`}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 22, color: '#0b2d5b' }}>{entry.icon}</span>}
                  title={entry.title}
                  description={entry.text}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {portal.isError && <ErrorAlert error={portal.error} />}
      {portal.data && (
        <>
          <Card size="small" title="公示期限" data-testid="portal-periods">
            <List
              size="small"
              dataSource={portal.data.periods}
              renderItem={(period) => (
                <List.Item>
                  <Flex vertical gap={2}>
                    <Typography.Text strong>
                      {period.name}：{period.workdays} 个工作日
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {period.source}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              年度报告：{portal.data.annualReport.year} 年度报告应于 {portal.data.annualReport.dueOn} 前发布（
              {portal.data.annualReport.source}
              ）。公示信息中的自然人姓名只保留姓氏，身份证号码和电话号码一律不公开。
            </Typography.Paragraph>
          </Card>
          <Card size="small" title="开放数据下载" id="open-data" data-testid="portal-open-data">
            <List
              size="small"
              dataSource={portal.data.datasets}
              renderItem={(dataset) => (
                <List.Item data-testid={`open-data-${dataset.code}`}>
                  <Typography.Text>{dataset.name}</Typography.Text>
                  <DownloadLinks dataset={dataset.code} />
                </List.Item>
              )}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              CSV 为 UTF-8 编码（带 BOM），可直接用 Excel 或 WPS 打开。
            </Typography.Text>
          </Card>
        </>
      )}
    </Flex>
  );
};

export const PublicInspectionResultsPage = () => {
  const [page, setPage] = useState(1);
  const results = usePublicInspectionResults(page);
  const items = results.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="行政检查结果公示"
        subtitle="《广东省行政执法公示办法》第二十一条：检查作出结论后 20 个工作日内公示"
        extra={<DownloadLinks dataset="inspection-results" />}
      />
      {results.isError && <ErrorAlert error={results.error} />}
      {results.isPending ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="暂无已公示的检查结果" />
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="public-inspection-results">
          {items.map((item) => (
            <Card
              key={item.id}
              size="small"
              title={item.enterpriseName}
              data-testid="public-inspection-result"
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'date', label: '检查结论日期', children: item.concludedOn },
                  { key: 'org', label: '检查部门', children: item.organisationName },
                  { key: 'matters', label: '检查事项', children: item.matters.join('、'), span: 2 },
                  { key: 'result', label: '检查结果', children: item.resultSummary, span: 2 },
                ]}
              />
            </Card>
          ))}
          {page > 1 || items.length === 20 ? (
            <Pagination
              simple
              current={page}
              pageSize={20}
              total={(page - 1) * 20 + items.length + (items.length === 20 ? 1 : 0)}
              onChange={setPage}
            />
          ) : null}
        </Flex>
      )}
    </>
  );
};

export const PublicCreditRepairsPage = () => {
  const repairs = usePublicCreditRepairs();
  const items = repairs.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="信用修复结果公示"
        subtitle="当事人履行处罚决定并作出信用承诺、经处罚机关准予修复后，终止公示"
        extra={<DownloadLinks dataset="credit-repairs" />}
      />
      {repairs.isError && <ErrorAlert error={repairs.error} />}
      <Card size="small" loading={repairs.isPending}>
        <List
          dataSource={items}
          locale={{ emptyText: <Empty description="暂无信用修复结果" /> }}
          renderItem={(item) => (
            <List.Item data-testid="public-credit-repair">
              <Flex vertical gap={2}>
                <Typography.Text strong>{item.partyName}</Typography.Text>
                <Typography.Text type="secondary">
                  {item.documentNumber} · {item.authority} · 决定 {item.decidedOn} · 修复 {item.repairedOn}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
};

export const PublicBenchmarksPage = () => {
  const benchmarks = usePublicBenchmarks();
  const caps = usePublicInspectionCaps();
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="行政处罚裁量基准与检查频次上限"
        subtitle="《中华人民共和国行政处罚法》第三十四条：行政处罚裁量基准应当向社会公布"
      />
      {(benchmarks.isError || caps.isError) && <ErrorAlert error={benchmarks.error ?? caps.error} />}
      <Card
        size="small"
        title="年度检查频次上限（每家企业每年）"
        extra={<DownloadLinks dataset="inspection-caps" />}
        loading={caps.isPending}
        data-testid="public-caps"
      >
        {caps.data && (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              适用于：{caps.data.bureaus.map((bureau) => bureau.name).join('、')}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: true }}
              dataSource={caps.data.caps}
              columns={[
                { title: '检查对象', dataIndex: 'className' },
                { title: '标准化等级', dataIndex: 'standardisation' },
                {
                  title: '上限（次/年）',
                  dataIndex: 'perYear',
                  render: (value: number | null) => value ?? '不限',
                },
                {
                  title: '状态',
                  dataIndex: 'verified',
                  render: (verified: boolean) =>
                    verified ? <Tag color="green">已核实</Tag> : <Tag color="orange">待法制审核</Tag>,
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card
        size="small"
        title={`行政处罚裁量基准（${benchmarks.data?.territoryName ?? ''}，${benchmarks.data?.on ?? ''} 现行）`}
        extra={<DownloadLinks dataset="discretion-benchmarks" />}
        loading={benchmarks.isPending}
        data-testid="public-benchmarks"
      >
        <List
          dataSource={benchmarks.data?.items ?? []}
          pagination={{ pageSize: 10, simple: true }}
          renderItem={(item) => (
            <List.Item data-testid="public-benchmark">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>{item.violation}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.provision}：{item.penaltyText}
                </Typography.Text>
                {item.tiers.map((tier) => (
                  <Flex key={tier.tier} gap={6} wrap align="baseline">
                    <Tag>{tier.tierName}</Tag>
                    <Typography.Text style={{ fontSize: 13 }}>
                      {tier.conditions}
                      {tier.tier === 'lighter' || tier.tier === 'ordinary' || tier.tier === 'heavier'
                        ? `；${tier.band}`
                        : ''}
                    </Typography.Text>
                    {!tier.verified && (
                      <Tag color="orange" data-testid="benchmark-unverified">
                        待法制审核
                      </Tag>
                    )}
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
};

export const PublicAnnualReportsPage = () => {
  const reports = usePublicAnnualReports();
  const items = reports.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="年度行政执法数据及分析报告"
        subtitle="《广东省行政执法公示办法》第十七条：每年 1 月 31 日前公开上年度行政执法数据并附分析报告"
        extra={<DownloadLinks dataset="annual-reports" />}
      />
      {reports.isError && <ErrorAlert error={reports.error} />}
      {reports.isPending ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="暂无已发布的年度报告" />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {items.map((report) => (
            <Card
              key={report.id}
              size="small"
              data-testid="public-annual-report"
              title={`${report.organisationName} ${report.year} 年度报告`}
              extra={report.late ? <Tag color="red">逾期发布</Tag> : <Tag color="green">按期发布</Tag>}
            >
              <Descriptions
                size="small"
                column={{ xs: 2, md: 4 }}
                items={[
                  { key: 'i', label: '完成检查', children: `${report.figures.inspectionsConcluded} 次` },
                  { key: 'f', label: '发现隐患', children: `${report.figures.findings} 项` },
                  { key: 'p', label: '处罚决定', children: `${report.figures.penaltyDecisions} 件` },
                  { key: 'm', label: '罚没金额', children: yuan(report.figures.fineTotalFen) },
                ]}
              />
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
                {report.analysis}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                发布日期 {report.publishedOn}（期限 {report.dueOn}）
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
};

export const PublicOpenDaysPage = () => {
  const days = usePublicOpenDays();
  const items = days.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="执法开放日与媒体观察"
        subtitle="人大代表、政协委员、社会监督员、职工代表和媒体观摩执法检查，所提意见建议及答复"
        extra={<DownloadLinks dataset="open-days" />}
      />
      {days.isError && <ErrorAlert error={days.error} />}
      {days.isPending ? (
        <PageSkeleton />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="暂无活动" />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {items.map((day) => (
            <Card
              key={day.id}
              size="small"
              data-testid="public-open-day"
              title={day.title}
              extra={<Tag color="blue">{day.kindName}</Tag>}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {day.heldOn} · {day.place} · {day.organisationName}
              </Typography.Paragraph>
              {day.summary && <Typography.Paragraph>{day.summary}</Typography.Paragraph>}
              <Flex gap={6} wrap style={{ marginBottom: 8 }}>
                {day.participation.map((entry) => (
                  <Tag key={entry.categoryName}>
                    {entry.categoryName} {entry.count} 人
                  </Tag>
                ))}
                {day.observedInspections > 0 && <Tag color="cyan">观摩检查 {day.observedInspections} 次</Tag>}
              </Flex>
              {day.suggestions.map((suggestion, index) => (
                <Card
                  key={index}
                  type="inner"
                  size="small"
                  style={{ marginTop: 8 }}
                  data-testid="public-open-day-suggestion"
                >
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    <SolutionOutlined /> {suggestion.categoryName}：{suggestion.text}
                  </Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 0 }} type="success">
                    答复（{suggestion.answeredOn}）：{suggestion.answer}
                  </Typography.Paragraph>
                </Card>
              ))}
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
};
