import { App, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import type { ResponseOf } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useLockedAccounts, useUnlockAccount } from './hooks';

type Locked = ResponseOf<'/api/v1/users/locked', 'get'>['items'][number];

// issue 12 item 1: anyone who knows a username can lock the account by guessing; an administrator sees the
// accounts locked now in the territory and opens them (audited). Shown only when there is one.
export const LockedAccountsCard = () => {
  const t = useT();
  const { message } = App.useApp();
  const locked = useLockedAccounts();
  const unlock = useUnlockAccount();
  const items = locked.data?.items ?? [];
  if (!locked.isError && items.length === 0) return null;
  const columns: TableColumnsType<Locked> = [
    {
      key: 'name',
      title: t('lockedAccounts.account'),
      render: (_, row) => `${row.displayName}（${row.username}）`,
    },
    { key: 'role', title: t('lockedAccounts.role'), render: (_, row) => t(`role.${row.role}`) },
    { key: 'territory', title: t('field.territory'), dataIndex: 'territoryName', width: 120 },
    {
      key: 'lockedAt',
      title: t('lockedAccounts.lockedAt'),
      render: (_, row) => formatDateTime(row.lockedAt),
    },
    {
      key: 'lockedUntil',
      title: t('lockedAccounts.lockedUntil'),
      render: (_, row) => formatDateTime(row.lockedUntil),
    },
    {
      key: 'action',
      title: '',
      width: 110,
      render: (_, row) => (
        <Button
          size="small"
          data-testid="locked-account-unlock"
          loading={unlock.isPending && unlock.variables === row.id}
          onClick={() =>
            void unlock
              .mutateAsync(row.id)
              .then(() => message.success(t('lockedAccounts.unlocked', { name: row.displayName })))
              .catch(() => undefined)
          }
        >
          {t('lockedAccounts.unlock')}
        </Button>
      ),
    },
  ];
  return (
    <Card data-testid="locked-accounts" title={t('lockedAccounts.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('lockedAccounts.note')}</Typography.Paragraph>
      <ErrorAlert error={locked.error ?? unlock.error} style={{ marginBottom: 16 }} />
      <Table<Locked>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'locked-account', 'data-username': row.username }) as object}
      />
    </Card>
  );
};
