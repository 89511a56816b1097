import { useMemo, useState, type HTMLAttributes } from 'react';
import {
  Alert,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { GradingCatalog as GradingCatalogData } from '../../api/types';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { UnverifiedTag } from './grade-tags';
import { useGradingCatalog } from './hooks';

// The catalogue is served as stored (catalog/grading.json, catalog/key-industry-criteria.json): read
// it generically, so a new section or field shows up without a change here.

type Entry = Record<string, unknown> & { code: string };
type Section = { path: string; parent?: string; entries: Entry[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEntry = (value: unknown): value is Entry => isRecord(value) && typeof value.code === 'string';
const isEntryList = (value: unknown): value is unknown[] => Array.isArray(value) && value.some(isEntry);

// The fields every entry has, shown in their own columns.
const OWN_COLUMNS = new Set(['code', 'name', 'source', 'effective', 'verified', 'note']);

const collectSections = (value: unknown, path: string[], sections: Section[]): void => {
  if (isEntryList(value)) {
    const entries = value.filter(isEntry);
    sections.push({ path: path.join('.'), entries });
    for (const entry of entries) {
      for (const [key, nested] of Object.entries(entry)) {
        if (isEntryList(nested)) {
          sections.push({
            path: [...path, key].join('.'),
            parent: typeof entry.name === 'string' ? entry.name : entry.code,
            entries: nested.filter(isEntry),
          });
        }
      }
    }
    return;
  }
  if (isEntry(value)) {
    sections.push({ path: path.join('.'), entries: [value] });
    return;
  }
  if (isRecord(value)) {
    for (const [key, nested] of Object.entries(value)) collectSections(nested, [...path, key], sections);
  }
};

const SECTION_TITLES: Record<string, MessageKey> = {
  'grading.accidentLevels': 'catalog.section.accidentLevels',
  'grading.enforcementClasses': 'catalog.section.enforcementClasses',
  'grading.enforcementClasses.criteria': 'catalog.section.classCriteria',
  'grading.riskGrades': 'catalog.section.riskGrades',
  'grading.scoring.industryBase': 'catalog.section.industryBase',
  'grading.scoring.accidents': 'catalog.section.accidents',
  'grading.scoring.penalties': 'catalog.section.penalties',
  'grading.scoring.violations': 'catalog.section.violations',
  'grading.scoring.overdueMajorHiddenDangers': 'catalog.section.overdueMajorHiddenDangers',
  'grading.scoring.jointCreditPunishment': 'catalog.section.jointCreditPunishment',
  'grading.scoring.hazardousProcesses': 'catalog.section.hazardousProcesses',
  'grading.scoring.majorHazardSources': 'catalog.section.majorHazardSources',
  'grading.scoring.keyIndustryFactors': 'catalog.section.keyIndustryFactors',
  'grading.scoring.safetyCreditGrades': 'catalog.section.safetyCreditGrades',
  'grading.scoring.standardisation': 'catalog.section.standardisation',
  'grading.seasonFactors': 'catalog.section.seasonFactors',
  'grading.enforcementLevels': 'catalog.section.enforcementLevels',
  'grading.inspectionAllowance.minimum': 'catalog.section.allowanceMinimum',
  'grading.inspectionAllowance.caps': 'catalog.section.allowanceCaps',
  'keyIndustryCriteria.entries': 'catalog.section.keyIndustryCriteria',
};

const FIELD_LABELS: Record<string, MessageKey> = {
  points: 'catalog.field.points',
  minScore: 'catalog.field.minScore',
  withinMonths: 'catalog.field.withinMonths',
  pointsPerDeath: 'catalog.field.pointsPerDeath',
  pointsEach: 'catalog.field.pointsEach',
  maxPoints: 'catalog.field.maxPoints',
  level: 'catalog.field.level',
  grade: 'catalog.field.grade',
  count: 'catalog.field.count',
  perYears: 'catalog.field.perYears',
  perYear: 'catalog.field.perYear',
  class: 'catalog.field.class',
  forClass: 'catalog.field.class',
  standardisation: 'catalog.field.standardisation',
  criterion: 'catalog.field.criterion',
  match: 'catalog.field.match',
  rule: 'catalog.field.rule',
  periods: 'catalog.field.periods',
};

const sectionTitle = (section: Section, t: Translate): string => {
  const key = SECTION_TITLES[section.path];
  const title = key ? t(key) : section.path;
  return section.parent ? `${title}（${section.parent}）` : title;
};

const formatValue = (value: unknown, t: Translate): string => {
  if (value === null || value === undefined) return t('catalog.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.map((item) => formatValue(item, t)).join('、');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, nested]) => `${key}=${formatValue(nested, t)}`)
      .join('，');
  }
  return String(value);
};

const EntryNumbers = ({ entry }: { entry: Entry }) => {
  const t = useT();
  // nested entry lists (a class's criteria) have their own section
  const fields = Object.entries(entry).filter(
    ([key, value]) => !OWN_COLUMNS.has(key) && !(Array.isArray(value) && value.every(isRecord)),
  );
  if (fields.length === 0) return <>—</>;
  return (
    <Flex vertical gap={2}>
      {fields.map(([key, value]) => (
        <span key={key}>
          <Typography.Text type="secondary">
            {FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : key}：
          </Typography.Text>
          <Typography.Text strong={typeof value === 'number'}>{formatValue(value, t)}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const isVerified = (entry: Entry): boolean => entry.verified !== false;

const SectionTable = ({ section, onlyUnverified }: { section: Section; onlyUnverified: boolean }) => {
  const t = useT();
  const entries = onlyUnverified ? section.entries.filter((entry) => !isVerified(entry)) : section.entries;
  const columns: TableColumnsType<Entry> = [
    {
      key: 'code',
      title: t('catalog.column.code'),
      width: 200,
      render: (_, entry) => (
        <>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {entry.code}
          </Typography.Text>
          {text(entry.name) && <div>{text(entry.name)}</div>}
        </>
      ),
    },
    {
      key: 'numbers',
      title: t('catalog.column.numbers'),
      width: 240,
      render: (_, entry) => <EntryNumbers entry={entry} />,
    },
    {
      key: 'source',
      title: t('catalog.column.source'),
      render: (_, entry) => (
        <Flex vertical gap={4}>
          <Typography.Text style={{ fontSize: 13 }}>{text(entry.source) ?? '—'}</Typography.Text>
          {text(entry.note) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.note', { note: text(entry.note) ?? '' })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'effective',
      title: t('catalog.column.effective'),
      width: 110,
      render: (_, entry) => text(entry.effective) ?? '—',
    },
    {
      key: 'verified',
      title: t('catalog.column.verified'),
      width: 90,
      render: (_, entry) =>
        isVerified(entry) ? (
          <Tag color="green">{t('catalog.verified')}</Tag>
        ) : (
          <UnverifiedTag verified={false} />
        ),
    },
  ];
  return (
    <Table<Entry>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      onRow={(entry) =>
        ({
          'data-testid': 'catalog-entry',
          'data-code': entry.code,
          'data-verified': String(isVerified(entry)),
        }) as HTMLAttributes<HTMLElement>
      }
      scroll={{ x: 900 }}
    />
  );
};

// 分级目录: every number and rule grading uses, with its legal source, effective date and whether
// the legal reviewers have confirmed it (待核实 otherwise).
export const GradingCatalogPage = () => {
  const catalog = useGradingCatalog();
  return <DetailPage query={catalog}>{(data) => <GradingCatalog catalog={data} />}</DetailPage>;
};

const GradingCatalog = ({ catalog }: { catalog: GradingCatalogData }) => {
  const t = useT();
  const [onlyUnverified, setOnlyUnverified] = useState(false);

  const sections = useMemo(() => {
    const found: Section[] = [];
    collectSections(catalog.grading, ['grading'], found);
    collectSections(catalog.keyIndustryCriteria, ['keyIndustryCriteria'], found);
    return found;
  }, [catalog]);

  const grading = isRecord(catalog.grading) ? catalog.grading : {};
  const criteria = isRecord(catalog.keyIndustryCriteria) ? catalog.keyIndustryCriteria : {};
  const all = sections.flatMap((section) => section.entries);
  const unverified = all.filter((entry) => !isVerified(entry)).length;
  const shown = onlyUnverified
    ? sections.filter((section) => section.entries.some((entry) => !isVerified(entry)))
    : sections;

  return (
    <div data-testid="catalog-viewer">
      <PageHeader
        title={t('nav.gradingCatalog')}
        subtitle={t('catalog.subtitle')}
        extra={
          <Space>
            <Switch
              data-testid="catalog-unverified-only"
              checked={onlyUnverified}
              onChange={setOnlyUnverified}
            />
            <Typography.Text>{t('catalog.onlyUnverified')}</Typography.Text>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              {
                key: 'version',
                label: t('catalog.version'),
                children: <span data-testid="catalog-version">{formatValue(grading.version, t)}</span>,
              },
              {
                key: 'effective',
                label: t('catalog.effective'),
                children: formatValue(grading.effective, t),
              },
              {
                key: 'criteriaVersion',
                label: t('catalog.criteriaVersion'),
                children: formatValue(criteria.version, t),
              },
              {
                key: 'counts',
                label: t('catalog.entries'),
                children: (
                  <Space>
                    {t('catalog.entryCount', { count: all.length })}
                    {unverified > 0 && (
                      <Tag color="orange" data-testid="catalog-unverified-count">
                        {t('catalog.unverifiedCount', { count: unverified })}
                      </Tag>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          {text(grading.note) && (
            <Alert type="info" showIcon title={text(grading.note)} style={{ marginTop: 8 }} />
          )}
        </Card>
        <Collapse
          defaultActiveKey={sections.map((section) => section.path + (section.parent ?? ''))}
          items={shown.map((section) => {
            const sectionUnverified = section.entries.filter((entry) => !isVerified(entry)).length;
            return {
              key: section.path + (section.parent ?? ''),
              label: (
                <Space data-testid="catalog-section" data-path={section.path}>
                  <Typography.Text strong>{sectionTitle(section, t)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('catalog.entryCount', { count: section.entries.length })}
                  </Typography.Text>
                  {sectionUnverified > 0 && (
                    <Tag color="orange">{t('catalog.unverifiedCount', { count: sectionUnverified })}</Tag>
                  )}
                </Space>
              ),
              children: <SectionTable section={section} onlyUnverified={onlyUnverified} />,
            };
          })}
        />
      </Flex>
    </div>
  );
};
