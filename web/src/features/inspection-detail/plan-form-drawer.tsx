import { useEffect, useMemo } from 'react';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { applyServerFieldErrors } from '../../app/form-errors';
import { ZONE } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterSelect } from '../reference/selects';
import { useDraftPlan, useRoster } from './hooks';
import { RefusalAlert } from './refusal-alert';
import type { OnsiteOverview, OnsitePlanDraft, OnsitePlanMode } from './types';

type PlanFormValues = {
  scheduledAt: dayjs.Dayjs;
  site?: string;
  matters: string[];
  officers: string[];
  mode: OnsitePlanMode;
  visitReason?: string;
  unannounced: boolean;
  unannouncedReason?: string;
};

const FIELDS = [
  'scheduledAt',
  'site',
  'matters',
  'officers',
  'mode',
  'visitReason',
  'unannounced',
  'unannouncedReason',
];
const MODES: OnsitePlanMode[] = ['on_site', 'remote', 'written'];

// The picker shows Beijing wall-clock time whatever the browser's zone; the server gets it with +08:00.
const toPicker = (iso: string): dayjs.Dayjs => dayjs(dayjs(iso).tz(ZONE).format('YYYY-MM-DDTHH:mm:ss'));
const fromPicker = (value: dayjs.Dayjs): string =>
  dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), ZONE).format();

type PlanFormDrawerProps = {
  overview: OnsiteOverview;
  organisationId: string | undefined;
  open: boolean;
  onClose: () => void;
};

// measure 11: the on-site plan (time, site, matters, officers by certificate, mode, notice or 四不两直 with its reason).
export const PlanFormDrawer = ({ overview, organisationId, open, onClose }: PlanFormDrawerProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const draft = useDraftPlan(overview.id);
  const rosterOf = overview.plan?.content.subjectOrganisationId || organisationId;
  const roster = useRoster(open ? rosterOf : undefined);
  const unannounced = Form.useWatch('unannounced', form);

  useEffect(() => {
    if (!open) return;
    draft.reset();
    const content = overview.plan?.content;
    form.setFieldsValue({
      scheduledAt: toPicker(content?.scheduledAt ?? `${overview.plannedOn}T09:00:00+08:00`),
      site: content?.site || undefined,
      matters: content?.matters ?? overview.matters.map((matter) => matter.code),
      officers: (content?.officers ?? overview.team).map((officer) => officer.certificate),
      mode: content?.mode ?? 'on_site',
      visitReason: content?.visitReason ?? undefined,
      unannounced: content?.unannounced ?? false,
      unannouncedReason: content?.unannouncedReason ?? undefined,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fill once per opening
  }, [open]);

  // The drawn team and partner teams first, then the subject's roster; certificates not valid today are marked.
  const officerOptions = useMemo(() => {
    const seen = new Map<string, { value: string; label: string; valid: boolean | null }>();
    for (const member of [...overview.team, ...overview.partners.flatMap((partner) => partner.team)]) {
      seen.set(member.certificate, {
        value: member.certificate,
        label: `${member.name}（${member.organisationName}）`,
        valid: null,
      });
    }
    for (const officer of roster.data ?? []) {
      for (const certificate of officer.certificates) {
        const valid = certificate.statusToday === 'valid';
        seen.set(certificate.number, { value: certificate.number, label: officer.name, valid });
      }
    }
    for (const officer of overview.plan?.content.officers ?? []) {
      if (!seen.has(officer.certificate))
        seen.set(officer.certificate, { value: officer.certificate, label: officer.name, valid: null });
    }
    return [...seen.values()];
  }, [overview, roster.data]);

  const finish = (values: PlanFormValues) => {
    const body: OnsitePlanDraft = {
      scheduledAt: fromPicker(values.scheduledAt),
      matters: values.matters,
      officers: values.officers,
      mode: values.mode,
      unannounced: values.unannounced,
      ...(values.site?.trim() ? { site: values.site.trim() } : {}),
      ...(values.visitReason?.trim() ? { visitReason: values.visitReason.trim() } : {}),
      ...(values.unannounced && values.unannouncedReason?.trim()
        ? { unannouncedReason: values.unannouncedReason.trim() }
        : {}),
    };
    draft.mutate(body, {
      onSuccess: () => {
        void message.success(t('onsite.plan.saved'));
        onClose();
      },
      onError: (error) => applyServerFieldErrors(form, error, FIELDS),
    });
  };

  return (
    <Drawer
      title={t('onsite.plan.formTitle')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden={false}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={draft.isPending}
            onClick={() => form.submit()}
            data-testid="onsite-plan-save"
          >
            {t('onsite.plan.save')}
          </Button>
        </Space>
      }
    >
      {draft.error && (
        <RefusalAlert error={draft.error} style={{ marginBottom: 16 }} testId="onsite-plan-save-error" />
      )}
      <Form<PlanFormValues> form={form} layout="vertical" onFinish={finish} data-testid="onsite-plan-form">
        <Form.Item
          name="scheduledAt"
          label={t('onsite.plan.scheduledAt')}
          rules={[{ required: true, message: t('onsite.plan.scheduledAtRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="onsite-plan-time"
          />
        </Form.Item>
        <Form.Item name="site" label={t('onsite.plan.site')} extra={t('onsite.plan.siteHint')}>
          <Input maxLength={200} data-testid="onsite-plan-site" />
        </Form.Item>
        <Form.Item
          name="matters"
          label={t('onsite.plan.matters')}
          rules={[{ required: true, message: t('onsite.plan.mattersRequired') }]}
        >
          <MatterSelect mode="multiple" data-testid="onsite-plan-matters" />
        </Form.Item>
        <Form.Item
          name="officers"
          label={t('onsite.plan.officers')}
          extra={t('onsite.plan.officersHint')}
          rules={[{ required: true, message: t('onsite.plan.officersRequired') }]}
        >
          <Select
            mode="multiple"
            loading={roster.isFetching}
            showSearch={{ optionFilterProp: 'search' }}
            data-testid="onsite-plan-officers"
            options={officerOptions.map((option) => ({
              value: option.value,
              search: `${option.label} ${option.value}`,
              title: `${option.label} ${option.value}`,
              label: (
                <Flex gap={6} align="center">
                  <span>{option.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {option.value}
                  </Typography.Text>
                  {option.valid === false && <Tag color="error">{t('onsite.plan.certificateInvalid')}</Tag>}
                </Flex>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('onsite.plan.mode')}>
          <Radio.Group
            optionType="button"
            options={MODES.map((mode) => ({ value: mode, label: t(`onsite.mode.${mode}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="visitReason"
          label={t('onsite.plan.visitReason')}
          extra={t('onsite.plan.visitReasonHint')}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="onsite-plan-visit-reason" />
        </Form.Item>
        <Form.Item
          name="unannounced"
          label={t('onsite.plan.unannounced')}
          valuePropName="checked"
          extra={t('onsite.plan.unannouncedHint')}
        >
          <Switch data-testid="onsite-plan-unannounced" />
        </Form.Item>
        {unannounced && (
          <Form.Item
            name="unannouncedReason"
            label={t('onsite.plan.unannouncedReason')}
            rules={[
              { required: true, whitespace: true, message: t('onsite.plan.unannouncedReasonRequired') },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="onsite-plan-unannounced-reason" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
};
