import { useState } from 'react';
import { Col, Row } from 'antd';
import type { DrawDetail, DrawMember, DrawResultRow } from '../../api/types';
import { AtCapCard, DrawOverviewCard, StrataCard } from './draw-overview';
import { DrawResultTable } from './draw-result-table';

type DrawResultQuery = { page: number; pageSize: number; q: string };

// The page and search of a draw's result, held by the page that fetches the draw; `params` is what the API takes.
export const useDrawResultQuery = () => {
  const [query, setQuery] = useState<DrawResultQuery>({ page: 1, pageSize: 50, q: '' });
  const params = { page: query.page, pageSize: query.pageSize, ...(query.q ? { q: query.q } : {}) };
  return { query, setQuery, params };
};

type DrawRecordProps = {
  draw: DrawDetail;
  loading: boolean;
  resultQuery: ReturnType<typeof useDrawResultQuery>;
  onRecuse?: (row: DrawResultRow, member: DrawMember) => void;
  testId?: string;
};

// The record of a draw as the officers' page and the public page both show it: the overview, the strata, the
// enterprises at their cap, and the result.
export const DrawRecord = ({ draw, loading, resultQuery, onRecuse, testId }: DrawRecordProps) => {
  const { query, setQuery } = resultQuery;
  return (
    <>
      <DrawOverviewCard draw={draw} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12} style={{ marginBottom: 16 }}>
          <StrataCard draw={draw} />
        </Col>
        <Col xs={24} lg={12} style={{ marginBottom: 16 }}>
          <AtCapCard draw={draw} />
        </Col>
      </Row>
      <DrawResultTable
        draw={draw}
        page={query.page}
        pageSize={query.pageSize}
        loading={loading}
        onPage={(page, pageSize) => setQuery((previous) => ({ ...previous, page, pageSize }))}
        onSearch={(q) => setQuery((previous) => ({ ...previous, q, page: 1 }))}
        onRecuse={onRecuse}
        testId={testId}
      />
    </>
  );
};
