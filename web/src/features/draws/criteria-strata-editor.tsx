import { Button, Form, Input, InputNumber, Select, Space, Table, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormListFieldData } from 'antd';
import type { DrawCriteriaStratum } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { ENFORCEMENT_CLASSES, RISK_GRADES } from '../grading/grade-tags';
import { IndustrySelect, TerritorySelect } from '../reference/selects';

// One row of the strata table as the form holds it: a sample size given either as a count or a percentage.
export type StratumRow = {
  key?: string;
  territory?: string;
  industry?: string;
  enforcementClass?: string;
  riskGrade?: string;
  sizeKind: 'k' | 'percent';
  size?: number;
};

export const emptyStratum = (): StratumRow => ({ sizeKind: 'percent', size: 10 });

// measure 5: strata must not overlap; the server refuses an overlap, naming the enterprise.
export const toCriteriaStratum = (row: StratumRow): DrawCriteriaStratum => ({
  key: (row.key ?? '').trim(),
  criteria: {
    ...(row.territory ? { territory: row.territory } : {}),
    ...(row.industry ? { industry: row.industry } : {}),
    ...(row.enforcementClass ? { enforcementClass: row.enforcementClass } : {}),
    ...(row.riskGrade ? { riskGrade: row.riskGrade } : {}),
  },
  ...(row.sizeKind === 'k' ? { k: row.size } : { percent: row.size }),
});

// 分层条件: each row's key, the register criteria and how many to draw, edited in place.
export const CriteriaStrataEditor = () => {
  const t = useT();
  return (
    <Form.List
      name="strata"
      rules={[
        {
          validator: async (_, rows: StratumRow[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('draw.freeze.strataRequired'));
            const keys = rows.map((row) => (row.key ?? '').trim()).filter(Boolean);
            if (new Set(keys).size !== keys.length) throw new Error(t('draw.freeze.strataKeysUnique'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            key: 'key',
            title: t('draw.stratum.key'),
            width: 150,
            render: (_, field) => (
              <Form.Item
                name={[field.name, 'key']}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40 }]}
                style={{ margin: 0 }}
              >
                <Input
                  data-testid={`draw-stratum-key-${field.name}`}
                  placeholder={t('draw.stratum.keyPlaceholder')}
                />
              </Form.Item>
            ),
          },
          {
            key: 'territory',
            title: t('draw.stratum.territory'),
            width: 140,
            render: (_, field) => (
              <Form.Item name={[field.name, 'territory']} style={{ margin: 0 }}>
                <TerritorySelect
                  allowClear
                  placeholder={t('draw.stratum.any')}
                  data-testid={`draw-stratum-territory-${field.name}`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'industry',
            title: t('draw.stratum.industry'),
            width: 160,
            render: (_, field) => (
              <Form.Item name={[field.name, 'industry']} style={{ margin: 0 }}>
                <IndustrySelect
                  allowClear
                  placeholder={t('draw.stratum.any')}
                  data-testid={`draw-stratum-industry-${field.name}`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'enforcementClass',
            title: t('draw.stratum.enforcementClass'),
            width: 110,
            render: (_, field) => (
              <Form.Item name={[field.name, 'enforcementClass']} style={{ margin: 0 }}>
                <Select<string>
                  allowClear
                  placeholder={t('draw.stratum.any')}
                  data-testid={`draw-stratum-class-${field.name}`}
                  options={ENFORCEMENT_CLASSES.map((value) => ({
                    value,
                    label: t(`grading.class.${value}`),
                  }))}
                />
              </Form.Item>
            ),
          },
          {
            key: 'riskGrade',
            title: t('draw.stratum.riskGrade'),
            width: 110,
            render: (_, field) => (
              <Form.Item name={[field.name, 'riskGrade']} style={{ margin: 0 }}>
                <Select<string>
                  allowClear
                  placeholder={t('draw.stratum.any')}
                  data-testid={`draw-stratum-risk-${field.name}`}
                  options={RISK_GRADES.map((value) => ({ value, label: t(`grading.risk.${value}`) }))}
                />
              </Form.Item>
            ),
          },
          {
            key: 'size',
            title: t('draw.stratum.size'),
            width: 200,
            render: (_, field) => (
              <Form.Item style={{ margin: 0 }}>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name={[field.name, 'sizeKind']} noStyle>
                    <Select<'k' | 'percent'>
                      data-testid={`draw-stratum-size-kind-${field.name}`}
                      style={{ width: 90 }}
                      options={[
                        { value: 'percent', label: t('draw.stratum.percent') },
                        { value: 'k', label: t('draw.stratum.k') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'size']}
                    noStyle
                    rules={[
                      { required: true, message: t('validation.required') },
                      ({ getFieldValue }) => ({
                        validator: async (_, value: number | undefined) => {
                          if (value === undefined || value === null) return;
                          const byCount = getFieldValue(['strata', field.name, 'sizeKind']) === 'k';
                          if (byCount && (!Number.isInteger(value) || value < 1))
                            throw new Error(t('draw.stratum.kInvalid'));
                          if (!byCount && (value <= 0 || value > 100))
                            throw new Error(t('draw.stratum.percentInvalid'));
                        },
                      }),
                    ]}
                  >
                    <InputNumber<number>
                      data-testid={`draw-stratum-size-${field.name}`}
                      min={0}
                      max={1_000_000}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            ),
          },
          {
            key: 'remove',
            width: 48,
            render: (_, field) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('draw.stratum.remove')}
                disabled={fields.length <= 1}
                onClick={() => remove(field.name)}
                data-testid={`draw-stratum-remove-${field.name}`}
              />
            ),
          },
        ];
        return (
          <>
            <Table<FormListFieldData>
              data-testid="draw-strata-table"
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 900 }}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(emptyStratum())}
              style={{ marginTop: 8 }}
              data-testid="draw-stratum-add"
              disabled={fields.length >= 50}
            >
              {t('draw.stratum.add')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        );
      }}
    </Form.List>
  );
};
