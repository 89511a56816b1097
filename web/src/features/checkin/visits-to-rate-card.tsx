import { Button, Card, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useT } from '../../app/i18n/i18n-context';

// Issue 13 item 1: the visits over that the enterprise has not rated, each leading to the page its check-in code
// opens, where the anonymous rating is given. Nothing shows when there is nothing to rate.
export const VisitsToRateCard = () => {
  const t = useT();
  const visits = useQuery({
    queryKey: ['enterprise', 'visits-to-rate'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprise/visits-to-rate')),
  });
  const items = visits.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('rateVisits.title')} data-testid="visits-to-rate">
      <Typography.Paragraph type="secondary">{t('rateVisits.intro')}</Typography.Paragraph>
      <List
        dataSource={items}
        renderItem={(visit) => (
          <List.Item
            data-testid="visit-to-rate"
            actions={[
              <Link key="rate" to={visit.ratingPath}>
                <Button type="primary" data-testid="visit-rate">
                  {t('rateVisits.rate')}
                </Button>
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={visit.bureau}
              description={t('rateVisits.date', { date: visit.plannedOn })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
};
