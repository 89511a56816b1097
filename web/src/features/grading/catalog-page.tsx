import { useMemo, useState } from 'react';
import { Alert, Card, Collapse, Descriptions, Flex, Space, Switch, Tag, Typography } from 'antd';
import type { GradingCatalog as GradingCatalogData } from '../../api/types';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useGradingCatalog } from './hooks';
import { collectSections, formatValue, isRecord, sectionTitle, type Section } from './catalog-sections';
import { SectionTable, isVerified, text } from './catalog-section-table';

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
