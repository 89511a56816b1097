import { Alert, Card, Flex, Tooltip, Typography, theme } from 'antd';
import type { AnnualPlan, FormulaLine, FormulaTerm } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { UnverifiedTag } from './plan-tags';

export const formatNumber = (value: number): string =>
  (value < 0 ? '−' : '') + Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 2 });

// One number of the formula: its value large, its Chinese label under it, its source on hover.
const Term = ({ term, result = false }: { term: FormulaTerm; result?: boolean }) => {
  const { token } = theme.useToken();
  const negative = term.value < 0;
  return (
    <Tooltip title={term.source}>
      <Flex
        vertical
        align="center"
        data-testid="formula-term"
        data-code={term.code}
        data-value={term.value}
        data-verified={String(term.verified)}
        style={{
          padding: '4px 10px',
          borderRadius: token.borderRadius,
          background: result ? '#e6eef8' : token.colorFillQuaternary,
          border: `1px solid ${negative ? token.colorError : result ? '#8fb3e0' : token.colorBorderSecondary}`,
          minWidth: 72,
        }}
      >
        <Typography.Text
          strong
          style={{
            fontSize: 18,
            color: negative ? token.colorError : undefined,
            fontVariantNumeric: 'tabular-nums',
          }}
        >
          {formatNumber(term.value)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {term.label}
        </Typography.Text>
        {!term.verified && <UnverifiedTag />}
      </Flex>
    </Tooltip>
  );
};

const Operator = ({ children }: { children: string }) => (
  <Typography.Text strong style={{ fontSize: 18, padding: '0 2px' }}>
    {children}
  </Typography.Text>
);

const Line = ({ line, text, index }: { line: FormulaLine; text: string | undefined; index: number }) => (
  <div data-testid="formula-line" data-code={line.result.code} data-index={index}>
    <Flex wrap gap={6} align="center">
      <Term term={line.result} result />
      <Operator>=</Operator>
      <Term term={line.first} />
      {line.rest.map(({ operator, term }, position) => (
        <Flex key={`${term.code}-${position}`} gap={6} align="center">
          <Operator>{operator}</Operator>
          <Term term={term} />
        </Flex>
      ))}
    </Flex>
    {text && (
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12, display: 'block', marginTop: 4 }}
        data-testid="formula-text"
      >
        {text}
      </Typography.Text>
    )}
  </div>
);

// measure 1: the arithmetic of the national method, every number with its label and source, so the
// reviewer and the government that approves the plan can check it line by line.
export const FormulaCard = ({ plan }: { plan: AnnualPlan }) => {
  const t = useT();
  const unverified = plan.formula.lines.some((line) =>
    [line.result, line.first, ...line.rest.map((r) => r.term)].some((term) => !term.verified),
  );
  return (
    <Card title={t('plan.formula')} data-testid="plan-formula">
      {unverified && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('plan.formulaUnverified')} />
      )}
      <Flex vertical gap={16}>
        {plan.formula.lines.map((line, index) => (
          <Line
            key={`${line.result.code}-${index}`}
            line={line}
            text={plan.formula.text[index]}
            index={index}
          />
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '16px 0 0' }}>
        {t('plan.formulaHint', { date: plan.input.eligibilityDate, version: plan.catalogVersion })}
      </Typography.Paragraph>
    </Card>
  );
};

// The workday categories of the catalogue as the plan's formula lists them (the API has no catalogue route).
export type WorkdayCategory = {
  code: string;
  label: string;
  verified: boolean;
  source: string;
  kind: 'other' | 'non';
};

const CATEGORY_LINES = { other_enforcement_workdays: 'other', non_enforcement_workdays: 'non' } as const;

export const workdayCategoriesOf = (plan: Pick<AnnualPlan, 'formula'>): WorkdayCategory[] =>
  plan.formula.lines.flatMap((line) => {
    const kind = CATEGORY_LINES[line.result.code as keyof typeof CATEGORY_LINES];
    if (!kind) return [];
    return [line.first, ...line.rest.map((r) => r.term)]
      .filter((term) => term.code !== line.result.code)
      .map((term) => ({
        code: term.code,
        label: term.label,
        verified: term.verified,
        source: term.source,
        kind,
      }));
  });
