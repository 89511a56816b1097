import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { serverNow } from '../../app/server-clock';
import { useT } from '../../app/i18n/i18n-context';
import {
  plainSource,
  useEditTiers,
  useViolationTiers,
  type TierEditBody,
  type ViolationTiers,
} from './hooks';

type TierState = ViolationTiers['tiers'][number];
type Band = { fromPercent: number; toPercent: number; pointPercent: number };
type TierCode = TierState['tier'];
const BAND_TIERS: TierCode[] = ['lighter', 'ordinary', 'heavier'];

const bandText = (band: Band) => `${band.fromPercent}%–${band.toPercent}%（${band.pointPercent}%）`;

// issue 15 item 2: a violation's discretion tiers in force today, each marked 已核实 or 待法制审核, with the change
// history; the city's legal reviewer edits a tier (the neighbouring bands' joins follow, recorded with it).
export const ViolationTiersPanel = ({ code }: { code: string }) => {
  const t = useT();
  const { data, isFetching } = useViolationTiers(code);
  const [editing, setEditing] = useState<TierState | null>(null);
  if (!data) return <Typography.Text type="secondary">{isFetching ? '…' : null}</Typography.Text>;
  const schemeBands = (tier: TierCode) =>
    data.schemes
      .map((scheme) =>
        tier === 'mitigated'
          ? scheme.kind === 'range'
            ? t('case.tiers.mitigatedShare', { percent: scheme.mitigatedPercentOfMinimum })
            : null
          : BAND_TIERS.includes(tier)
            ? `${data.schemes.length > 1 ? `${scheme.name}：` : ''}${bandText(scheme[tier as 'lighter'])}`
            : null,
      )
      .filter((text): text is string => text !== null)
      .join('；');
  return (
    <div data-testid={`tiers-${code}`}>
      <Table<TierState>
        rowKey="tier"
        size="small"
        pagination={false}
        dataSource={data.tiers}
        columns={[
          { title: t('case.tiers.tier'), dataIndex: 'tierName', width: 90 },
          { title: t('case.tiers.conditions'), dataIndex: 'conditions' },
          {
            title: t('case.tiers.band'),
            key: 'band',
            width: 220,
            render: (_: unknown, row) => schemeBands(row.tier) || '—',
          },
          {
            title: t('case.catalog.source'),
            key: 'source',
            width: 240,
            render: (_: unknown, row) => (
              <Space direction="vertical" size={0}>
                <span>{plainSource(row.source) || '—'}</span>
                <Typography.Text type="secondary">
                  {row.editorName
                    ? t('case.tiers.editedBy', { name: row.editorName, effective: row.effective })
                    : t('case.tiers.placeholder')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            key: 'verified',
            width: 160,
            render: (_: unknown, row) => (
              <Space>
                {row.verified ? (
                  <Tag color="green">{t('case.tiers.verified')}</Tag>
                ) : (
                  <Tag color="orange">{t('case.unverified')}</Tag>
                )}
                {data.mayEdit ? (
                  <Button size="small" data-testid={`tier-edit-${row.tier}`} onClick={() => setEditing(row)}>
                    {t('case.tiers.edit')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('case.tiers.history')}
      </Typography.Title>
      {data.history.length === 0 ? (
        <Typography.Text type="secondary">{t('case.tiers.noHistory')}</Typography.Text>
      ) : (
        <Timeline
          data-testid={`tier-history-${code}`}
          items={data.history.map((entry) => ({
            key: entry.id,
            color: entry.verified ? 'green' : 'orange',
            children: (
              <div>
                <Space wrap>
                  <Typography.Text strong>{entry.tierName}</Typography.Text>
                  <span>
                    {formatDateTime(entry.createdAt)} {entry.editorName}
                  </span>
                  <span>{t('case.tiers.effectiveFrom', { effective: entry.effective })}</span>
                  {entry.verified ? (
                    <Tag color="green">{t('case.tiers.verified')}</Tag>
                  ) : (
                    <Tag color="orange">{t('case.unverified')}</Tag>
                  )}
                </Space>
                <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      {change.field}：{plainSource(change.before) || '—'} → {plainSource(change.after) || '—'}
                    </li>
                  ))}
                </ul>
                <Typography.Text type="secondary">
                  {t('case.tiers.reason')}：{entry.reason}
                  {entry.source ? `；${t('case.catalog.source')}：${entry.source}` : ''}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
      {editing ? <TierEditModal data={data} tier={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
};

type FormValues = {
  conditions: string;
  keepPlaceholder: boolean;
  fromPercent?: number;
  toPercent?: number;
  pointPercent?: number;
  mitigatedPercentOfMinimum?: number | null;
  effective: dayjs.Dayjs;
  source?: string;
  verified: boolean;
  reason: string;
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

// The tiers to record: the one edited and, when its band moves, the other two with their edges joined to it (the
// three bands of a violation run end to end over 0–100% of the statutory range); a band that does not move is left.
const tiersToRecord = (data: ViolationTiers, tier: TierState, values: FormValues): TierEditBody['tiers'] => {
  const edited = {
    tier: tier.tier,
    conditions: values.conditions,
    band: null as Band | null,
    mitigatedPercentOfMinimum: tier.tier === 'mitigated' ? (values.mitigatedPercentOfMinimum ?? null) : null,
  };
  if (!BAND_TIERS.includes(tier.tier) || values.keepPlaceholder) return [edited];
  const band = {
    fromPercent: values.fromPercent ?? 0,
    toPercent: values.toPercent ?? 100,
    pointPercent: values.pointPercent ?? 0,
  };
  edited.band = band;
  const scheme = data.schemes[0];
  if (!scheme) return [edited];
  const current: Record<string, Band> = {
    lighter: scheme.lighter,
    ordinary: scheme.ordinary,
    heavier: scheme.heavier,
  };
  current[tier.tier] = band;
  // join the neighbours to the edited band
  if (tier.tier === 'lighter') current.ordinary = { ...current.ordinary!, fromPercent: band.toPercent };
  if (tier.tier === 'ordinary') {
    current.lighter = { ...current.lighter!, toPercent: band.fromPercent };
    current.heavier = { ...current.heavier!, fromPercent: band.toPercent };
  }
  if (tier.tier === 'heavier') current.ordinary = { ...current.ordinary!, toPercent: band.fromPercent };
  const sameBand = (a: Band, b: Band) =>
    a.fromPercent === b.fromPercent && a.toPercent === b.toPercent && a.pointPercent === b.pointPercent;
  return BAND_TIERS.flatMap((code) => {
    if (code === tier.tier) return [edited];
    const state = data.tiers.find((candidate) => candidate.tier === code)!;
    const neighbour = current[code]!;
    // a band that does not move stays as it is, unless its placeholder split differs between the kinds of range
    const unmoved = sameBand(neighbour, scheme[code as 'lighter']);
    if (unmoved && (state.band !== null || data.schemes.length === 1)) return [];
    return [
      {
        tier: code,
        conditions: state.conditions,
        band: {
          ...neighbour,
          pointPercent: clamp(neighbour.pointPercent, neighbour.fromPercent, neighbour.toPercent),
        },
        mitigatedPercentOfMinimum: null,
      },
    ];
  });
};

const TierEditModal = ({
  data,
  tier,
  onClose,
}: {
  data: ViolationTiers;
  tier: TierState;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const edit = useEditTiers(data.violationCode);
  const [form] = Form.useForm<FormValues>();
  const keepPlaceholder = Form.useWatch('keepPlaceholder', form);
  const source = Form.useWatch('source', form);
  const isBand = BAND_TIERS.includes(tier.tier);
  const shown = data.schemes[0]?.[tier.tier as 'lighter'];
  const submit = async (values: FormValues) => {
    try {
      await edit.mutateAsync({
        effective: values.effective.format('YYYY-MM-DD'),
        reason: values.reason,
        source: values.source ?? '',
        verified: values.verified,
        tiers: tiersToRecord(data, tier, values),
      });
      message.success(t('case.tiers.saved'));
      onClose();
    } catch (e) {
      message.error(errorTitle(e, t));
    }
  };
  return (
    <Modal
      open
      title={`${t('case.tiers.edit')}：${tier.tierName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('case.tiers.save')}
      okButtonProps={{ loading: edit.isPending }}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="tier-edit-form"
        initialValues={{
          conditions: tier.conditions,
          keepPlaceholder: tier.band === null,
          fromPercent: tier.band?.fromPercent ?? shown?.fromPercent,
          toPercent: tier.band?.toPercent ?? shown?.toPercent,
          pointPercent: tier.band?.pointPercent ?? shown?.pointPercent,
          mitigatedPercentOfMinimum: tier.mitigatedPercentOfMinimum,
          effective: dayjs(serverNow()),
          source: tier.editId ? tier.source : '',
          verified: false,
        }}
      >
        <Form.Item
          name="conditions"
          label={t('case.tiers.conditions')}
          rules={[{ required: true, message: t('case.tiers.conditionsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {isBand ? (
          <>
            <Form.Item name="keepPlaceholder" valuePropName="checked">
              <Checkbox>{t('case.tiers.keepPlaceholder')}</Checkbox>
            </Form.Item>
            {keepPlaceholder ? null : (
              <>
                <Space>
                  <Form.Item name="fromPercent" label={t('case.tiers.from')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} addonAfter="%" data-testid="tier-from" />
                  </Form.Item>
                  <Form.Item name="toPercent" label={t('case.tiers.to')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} addonAfter="%" data-testid="tier-to" />
                  </Form.Item>
                  <Form.Item name="pointPercent" label={t('case.tiers.point')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} addonAfter="%" data-testid="tier-point" />
                  </Form.Item>
                </Space>
                <Typography.Paragraph type="secondary">{t('case.tiers.joinHint')}</Typography.Paragraph>
              </>
            )}
          </>
        ) : null}
        {tier.tier === 'mitigated' ? (
          <Form.Item name="mitigatedPercentOfMinimum" label={t('case.tiers.mitigatedPercent')}>
            <InputNumber min={0} max={100} addonAfter="%" />
          </Form.Item>
        ) : null}
        <Form.Item name="effective" label={t('case.tiers.effective')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="source" label={t('case.tiers.source')}>
          <Input maxLength={500} placeholder={t('case.tiers.sourceHint')} data-testid="tier-source" />
        </Form.Item>
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox disabled={!source?.trim()} data-testid="tier-verified">
            {t('case.tiers.markVerified')}
          </Checkbox>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('case.tiers.reason')}
          rules={[{ required: true, message: t('case.tiers.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="tier-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
