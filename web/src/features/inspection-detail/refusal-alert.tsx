import type { CSSProperties, ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { isApiError } from '../../api/problem';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { chineseNumeral } from './measure-label';

type RefusalAlertProps = { error: unknown; title?: ReactNode; testId?: string; style?: CSSProperties };

// A refusal names its measure as the document does (措施第十二项) and gives the basis in full.
export const RefusalAlert = ({ error, title, testId = 'onsite-refusal', style }: RefusalAlertProps) => {
  const t = useT();
  const problem = isApiError(error) ? error.problem : undefined;
  const measure =
    typeof problem?.measure === 'number' ? problem.measure : Number(problem?.measure ?? Number.NaN);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={style}
      title={title ?? errorTitle(error, t)}
      description={
        <>
          {title !== undefined && <div>{errorTitle(error, t)}</div>}
          {problem?.detail && <div>{problem.detail}</div>}
          {Number.isInteger(measure) && (
            <div>
              <Typography.Text strong>{t('onsite.measure', { n: chineseNumeral(measure) })}</Typography.Text>
            </div>
          )}
          {problem?.basis && <div>{t('error.basis', { basis: problem.basis })}</div>}
        </>
      }
    />
  );
};
