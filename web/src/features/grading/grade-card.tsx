import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import type { Grade, GradeReason } from '../../api/types';
import type { MessageKey } from '../../app/i18n/zh';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import { LEGAL_REVIEW } from '../../app/auth/access';
import { useCan } from '../../app/auth/use-can';
import { ClassTag, LevelTag, RiskGradeTag, UnverifiedTag } from './grade-tags';
import { useEnterpriseGrade } from './hooks';

const minimumText = (allowance: Grade['allowance'], t: Translate): string =>
  allowance.minimum.perYears === 1
    ? t('grading.allowance.minimumYearly', { count: allowance.minimum.count })
    : t('grading.allowance.minimumEvery', {
        count: allowance.minimum.count,
        years: allowance.minimum.perYears,
      });

const capText = (allowance: Grade['allowance'], t: Translate): string =>
  allowance.cap === null ? t('grading.allowance.noCap') : t('grading.allowance.cap', { cap: allowance.cap });

const pointsText = (points: number): string => `${points > 0 ? '+' : ''}${points}`;

const EFFECT_LABELS: Record<string, MessageKey> = {
  score: 'grading.effect.score',
  season: 'grading.effect.season',
  risk_grade: 'grading.effect.risk_grade',
  class: 'grading.effect.class',
  enforcement_level: 'grading.effect.enforcement_level',
  allowance: 'grading.effect.allowance',
};

// Seasons arrive as catalogue codes (catalog/grading.json seasonFactors); unknown codes show as they are.
const SEASON_LABELS: Record<string, MessageKey> = {
  flood_season: 'season.flood_season',
  high_temperature: 'season.high_temperature',
  spring_festival: 'season.spring_festival',
  national_day: 'season.national_day',
};

const label = (labels: Record<string, MessageKey>, code: string, t: Translate): string =>
  labels[code] ? t(labels[code]) : code;

const ReasonItem = ({ reason }: { reason: GradeReason }) => {
  const t = useT();
  const reviewer = useCan(LEGAL_REVIEW);
  return (
    <Flex
      gap={12}
      align="flex-start"
      data-testid="grade-reason"
      data-effect={reason.effect}
      data-verified={String(reason.verified)}
      style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Tag
        style={{ minWidth: 56, textAlign: 'center', marginInlineEnd: 0 }}
        color={reason.effect === 'class' ? 'red' : undefined}
      >
        {reason.points === undefined
          ? label(EFFECT_LABELS, reason.effect, t)
          : t('grading.points', { points: pointsText(reason.points) })}
      </Tag>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={6} wrap>
          <Typography.Text>{reason.text}</Typography.Text>
          <UnverifiedTag verified={reason.verified} />
        </Space>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="grade-reason-basis">
            {reviewer ? reason.source : t('grading.basis', { basis: reason.basis })}
          </Typography.Text>
        </div>
      </div>
    </Flex>
  );
};

export const GradeReasons = ({ reasons }: { reasons: GradeReason[] }) => {
  const t = useT();
  if (reasons.length === 0) {
    return <Typography.Text type="secondary">{t('grading.noReasons')}</Typography.Text>;
  }
  return (
    <div data-testid="grade-reasons">
      {reasons.map((reason, index) => (
        <ReasonItem key={`${reason.rule}-${index}`} reason={reason} />
      ))}
    </div>
  );
};

const GradeDetails = ({ grade }: { grade: Grade }) => {
  const t = useT();
  const { allowance } = grade;
  return (
    <Flex vertical gap={16}>
      <Descriptions
        data-testid="grade-descriptions"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'class',
            label: t('grading.field.class'),
            children: <ClassTag value={grade.class} testId="grade-class" />,
          },
          {
            key: 'risk',
            label: t('grading.field.riskGrade'),
            children: <RiskGradeTag grade={grade.riskGrade} testId="grade-risk" />,
          },
          {
            key: 'level',
            label: t('grading.field.enforcementLevel'),
            children: (
              <Space size={4} wrap>
                <LevelTag value={grade.enforcementLevel} testId="grade-level" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`grading.levelExplanation.${grade.enforcementLevel}`)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'score',
            label: t('grading.field.score'),
            children: (
              <Typography.Text strong data-testid="grade-score">
                {grade.score}
              </Typography.Text>
            ),
          },
          {
            key: 'standardisation',
            label: t('grading.field.standardisation'),
            children: (
              <span data-testid="grade-standardisation">
                {t(`grading.standardisation.${grade.standardisation}`)}
              </span>
            ),
          },
          {
            key: 'seasons',
            label: t('grading.field.seasons'),
            children:
              grade.seasons.length > 0 ? (
                <Space size={[0, 4]} wrap data-testid="grade-seasons">
                  {grade.seasons.map((season) => (
                    <Tag key={season} color="purple" data-season={season}>
                      {label(SEASON_LABELS, season, t)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('grading.noSeason')}</Typography.Text>
              ),
          },
          {
            key: 'allowance',
            label: t('grading.field.allowance'),
            span: 'filled',
            children: (
              <Space size={12} wrap data-testid="grade-allowance">
                <Space size={4}>
                  <span data-testid="grade-minimum">{minimumText(allowance, t)}</span>
                  <UnverifiedTag verified={allowance.minimumVerified} />
                </Space>
                <Typography.Text type="secondary">·</Typography.Text>
                <Space size={4}>
                  <span data-testid="grade-cap">{capText(allowance, t)}</span>
                  {allowance.cap !== null && <UnverifiedTag verified={allowance.capVerified} />}
                </Space>
              </Space>
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('grading.reasons')}
        </Typography.Title>
        <GradeReasons reasons={grade.reasons} />
      </div>
    </Flex>
  );
};

type GradeCardProps = { enterpriseId: string; ungraded?: ReactNode };

// measures 3, 4, 24: the enterprise's class, risk grade and enforcement level, and why.
export const GradeCard = ({ enterpriseId, ungraded }: GradeCardProps) => {
  const t = useT();
  const view = useEnterpriseGrade(enterpriseId);
  const grade = view.data?.grade;
  return (
    <Card
      data-testid="grade-card"
      title={t('grading.cardTitle')}
      extra={
        grade && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="grade-graded-at">
            {t('grading.gradedAt', { at: formatDateTime(grade.gradedAt), version: grade.catalogVersion })}
          </Typography.Text>
        )
      }
    >
      {view.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {view.isError && <ErrorAlert error={view.error} />}
      {view.isSuccess &&
        (grade ? (
          <GradeDetails grade={grade} />
        ) : (
          <Flex vertical gap={12}>
            <Empty
              data-testid="grade-empty"
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('grading.ungraded')}
            />
            {ungraded}
          </Flex>
        ))}
    </Card>
  );
};
