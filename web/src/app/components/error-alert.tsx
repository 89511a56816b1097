import type { CSSProperties } from 'react';
import { Alert, Typography } from 'antd';
import { isApiError } from '../../api/problem';
import { useT, type Translate } from '../i18n/i18n-context';

// The server's Chinese title when it sent one; otherwise a message for the status.
export const errorTitle = (error: unknown, t: Translate): string => {
  if (!isApiError(error)) return t('error.network');
  if (error.problem.title) return error.problem.title;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status >= 500) return t('error.server');
  return t('error.generic', { status: error.status });
};

type ErrorAlertProps = { error: unknown; testId?: string; style?: CSSProperties };

export const ErrorAlert = ({ error, testId, style }: ErrorAlertProps) => {
  const t = useT();
  // no error, no alert (a page that passes a mutation's error before any call showed "无法连接服务器")
  if (error === null || error === undefined) return null;
  const problem = isApiError(error) ? error.problem : undefined;
  const lines = [
    problem?.detail,
    problem?.measure !== undefined ? t('error.measure', { measure: problem.measure }) : undefined,
    problem?.basis ? t('error.basis', { basis: problem.basis }) : undefined,
  ].filter((line): line is string => Boolean(line));
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId ?? 'error-alert'}
      style={style}
      title={errorTitle(error, t)}
      description={
        lines.length > 0 || problem?.code ? (
          <>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {problem?.code && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('error.code', { code: problem.code })}
              </Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
};
