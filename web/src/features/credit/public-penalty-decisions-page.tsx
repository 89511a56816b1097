import { Card, Descriptions, Empty, Flex, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { PageSkeleton } from '../../app/components/page-loading';
import { useT } from '../../app/i18n/i18n-context';
import { usePublicDecisions, usePublicListings, type PublicDecision } from './hooks';

// 公示 (measure 22, Guangdong 公示办法 第十三条): each served penalty decision in its summary fields, with no
// personal data; a repaired or expired one is no longer shown.
const DecisionCard = ({ decision }: { decision: PublicDecision }) => {
  const t = useT();
  return (
    <Card
      data-testid="public-penalty-decision"
      title={decision.caseName}
      extra={<Tag>{decision.documentNumber}</Tag>}
      size="small"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'party', label: t('publicPenalty.party'), children: decision.partyName },
          { key: 'partyType', label: t('publicPenalty.partyType'), children: decision.partyType },
          { key: 'facts', label: t('publicPenalty.facts'), children: decision.facts, span: 2 },
          { key: 'basis', label: t('publicPenalty.basis'), children: decision.basis, span: 2 },
          {
            key: 'decision',
            label: t('publicPenalty.decision'),
            children: <span data-testid="public-penalty-amount">{decision.decision}</span>,
            span: 2,
          },
          { key: 'authority', label: t('publicPenalty.authority'), children: decision.authority },
          { key: 'decidedOn', label: t('publicPenalty.decidedOn'), children: decision.decidedOn },
          { key: 'publicUntil', label: t('publicPenalty.publicUntil'), children: decision.publicUntil },
          {
            key: 'publishedOn',
            label: '公示日期',
            // 公示办法 第二十一条: within 7 workdays of the decision
            children: (
              <span data-testid="public-penalty-published-on">
                {decision.publishedOn}
                {decision.publishDue ? `（应于 ${decision.publishDue} 前公示）` : ''}
                {decision.publishedLate ? (
                  <Tag color="red" style={{ marginLeft: 6 }}>
                    逾期公示
                  </Tag>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
};

// 令第11号: enterprises on the serious-dishonesty list, for what, by which bureau, and until when
const SeriousDishonestyList = () => {
  const t = useT();
  const listings = usePublicListings();
  const items = listings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('publicPenalty.listings')}
      data-testid="public-serious-dishonesty"
      style={{ marginTop: 12 }}
    >
      {items.map((listing) => (
        <Descriptions
          key={listing.id}
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'party', label: t('publicPenalty.party'), children: listing.enterpriseName },
            { key: 'code', label: t('publicPenalty.creditCode'), children: listing.creditCode ?? '—' },
            { key: 'criterion', label: t('publicPenalty.criterion'), children: listing.criterion, span: 2 },
            { key: 'authority', label: t('publicPenalty.listingAuthority'), children: listing.authority },
            {
              key: 'period',
              label: t('publicPenalty.listedPeriod'),
              children: t('publicPenalty.listedPeriodText', { from: listing.listedOn, to: listing.endsOn }),
            },
          ]}
        />
      ))}
    </Card>
  );
};

export const PublicPenaltyDecisionsPage = () => {
  const t = useT();
  const [page, setPage] = useState(1);
  const decisions = usePublicDecisions(page);
  const items = decisions.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('publicPenalty.title')} subtitle={t('publicPenalty.subtitle')} />
      {decisions.isError && <ErrorAlert error={decisions.error} style={{ marginBottom: 16 }} />}
      {decisions.isPending ? (
        <PageSkeleton />
      ) : items.length === 0 && page === 1 && (decisions.data?.withdrawals ?? []).length === 0 ? (
        <Card>
          <Empty data-testid="public-penalty-empty" description={t('publicPenalty.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="public-penalty-list">
          {items.length === 0 ? (
            <Card size="small">
              <Empty description={t('publicPenalty.empty')} />
            </Card>
          ) : null}
          {items.map((decision) => (
            <DecisionCard key={decision.id} decision={decision} />
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('publicPenalty.note')}
          </Typography.Text>
          {(decisions.data?.withdrawals ?? []).length > 0 ? (
            <Card
              size="small"
              title={t('publicPenalty.withdrawals')}
              data-testid="public-penalty-withdrawals"
            >
              {(decisions.data?.withdrawals ?? []).map((withdrawal) => (
                <Typography.Paragraph key={withdrawal.id} data-testid="public-penalty-withdrawal">
                  {t('publicPenalty.withdrawal', {
                    date: withdrawal.withdrawnOn,
                    authority: withdrawal.authority,
                    number: withdrawal.documentNumber,
                    ground: withdrawal.groundName,
                    reason: withdrawal.reason,
                  })}
                  {withdrawal.due
                    ? `（${withdrawal.groundOn ?? ''} 变更或撤销，应于 ${withdrawal.due} 前撤回${withdrawal.late ? '，逾期撤回' : ''}）`
                    : ''}
                </Typography.Paragraph>
              ))}
            </Card>
          ) : null}
          {page > 1 || items.length === 20 ? (
            <Pagination
              simple
              current={page}
              pageSize={20}
              // the list is open-ended: one more page is offered while this one is full
              total={(page - 1) * 20 + items.length + (items.length === 20 ? 1 : 0)}
              onChange={setPage}
            />
          ) : null}
        </Flex>
      )}
      <SeriousDishonestyList />
    </>
  );
};
