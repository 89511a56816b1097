import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { GuideListEntry } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { ClassTag, LevelTag } from '../grading/grade-tags';

// The list's table: each enterprise with its grade and why it is on the list (a rule, or an
// officer's reason); an editor of a draft may strike one off.
export const useEntryColumns = (
  editor: boolean,
  onRemove: (entry: GuideListEntry) => void,
): TableColumnsType<GuideListEntry> => {
  const t = useT();
  return [
    {
      key: 'name',
      title: t('field.name'),
      width: 300,
      render: (_, entry) => (
        <>
          <Link to={`/enterprises/${entry.enterpriseId}`}>
            <Typography.Text
              delete={entry.removed}
              type={entry.removed ? 'secondary' : undefined}
              style={{ color: 'inherit' }}
            >
              {entry.name}
            </Typography.Text>
          </Link>
          {entry.removed && (
            <div>
              <Tag color="default" data-testid="guide-entry-removed">
                {t('guideList.removedTag')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('guideList.removedReason', { reason: entry.reason ?? '—' })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'creditCode',
      title: t('field.creditCode'),
      width: 190,
      render: (_, entry) => (
        <Typography.Text code delete={entry.removed}>
          {entry.creditCode}
        </Typography.Text>
      ),
    },
    { key: 'territory', title: t('field.territory'), dataIndex: 'territoryName', width: 100 },
    {
      key: 'class',
      title: t('grading.field.class'),
      width: 80,
      render: (_, entry) => <ClassTag value={entry.class} />,
    },
    {
      key: 'level',
      title: t('grading.field.enforcementLevel'),
      width: 110,
      render: (_, entry) => <LevelTag value={entry.enforcementLevel} />,
    },
    {
      key: 'origin',
      title: t('guideList.origin'),
      render: (_, entry) =>
        entry.origin === 'manual' ? (
          <>
            <Tag color="purple" data-testid="guide-entry-manual">
              {t('guideList.origin.manual')}
            </Tag>
            {!entry.removed && entry.reason && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.reason}
              </Typography.Text>
            )}
          </>
        ) : (
          <Space size={[0, 4]} wrap>
            {entry.origin === 'proposed' && (
              <Tag color="orange" data-testid="guide-entry-proposed">
                {t('guideList.origin.proposed')}
              </Tag>
            )}
            {entry.ruleReasons.map((reason) => (
              <Tag
                key={reason}
                color={entry.origin === 'proposed' ? 'orange' : 'red'}
                style={{ whiteSpace: 'normal' }}
              >
                {reason}
              </Tag>
            ))}
          </Space>
        ),
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, entry: GuideListEntry) =>
              !entry.removed && (
                <Button
                  data-testid="entry-remove"
                  type="link"
                  size="small"
                  danger
                  onClick={() => onRemove(entry)}
                >
                  {t('guideList.remove')}
                </Button>
              ),
          },
        ]
      : []),
  ];
};
