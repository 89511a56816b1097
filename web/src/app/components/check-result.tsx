import { Alert, Typography } from 'antd';
import { useT } from '../i18n/i18n-context';

// The shape every rule check answers with: ok, or a refusal naming its measure and basis.
export type RuleCheck = {
  ok: boolean;
  code?: string | null;
  message?: string | null;
  measure?: string | number | null;
  basis?: string | null;
};

type CheckResultProps = { result: RuleCheck; okText: string; refusedText?: string; testId: string };

export const CheckResult = ({ result, okText, refusedText, testId }: CheckResultProps) => {
  const t = useT();
  if (result.ok) {
    return <Alert data-testid={testId} data-ok="true" type="success" showIcon title={okText} />;
  }
  const hasMeasure = result.measure !== undefined && result.measure !== null;
  return (
    <Alert
      data-testid={testId}
      data-ok="false"
      type="error"
      showIcon
      title={result.message || refusedText || t('check.refused')}
      description={
        <>
          {hasMeasure && <div>{t('error.measure', { measure: result.measure ?? '' })}</div>}
          {result.basis && <div>{t('error.basis', { basis: result.basis })}</div>}
          {result.code && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('error.code', { code: result.code })}
            </Typography.Text>
          )}
        </>
      }
    />
  );
};
