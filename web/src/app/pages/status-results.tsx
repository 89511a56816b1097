import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/i18n-context';

export type NotFoundPageProps = { title?: string; backTo?: string; backLabel?: string };

export const NotFoundResult = ({ title, backTo = '/', backLabel }: NotFoundPageProps) => {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={title ?? t('notFound.title')}
      subTitle={t('notFound.subtitle')}
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
