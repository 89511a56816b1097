import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n-context';

// subtitle: null leaves it out; testId names the page for the end-to-end scenarios
export type NotFoundPageProps = {
  title?: string;
  subtitle?: string | null;
  backTo?: string;
  backLabel?: string;
  testId?: string;
};

export const NotFoundResult = ({ title, subtitle, backTo = '/', backLabel, testId }: NotFoundPageProps) => {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      data-testid={testId ?? 'not-found'}
      status="404"
      title={title ?? t('notFound.title')}
      subTitle={subtitle === null ? undefined : (subtitle ?? t('notFound.subtitle'))}
      extra={
        <Button type="primary" onClick={() => navigate(backTo)}>
          {backLabel ?? t('notFound.home')}
        </Button>
      }
    />
  );
};

export const ForbiddenResult = () => {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
    />
  );
};
