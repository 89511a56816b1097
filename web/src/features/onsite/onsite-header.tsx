import { Badge, Button, Space, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloudUploadOutlined,
  DisconnectOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import type { SyncState } from './hooks';
import type { RecordForm } from './types';

// Who is inspecting whom, and whether everything on this phone has reached the server.

export const SyncBadge = ({ sync, onSync }: { sync: SyncState; onSync: () => void }) => {
  const t = useT();
  if (sync.count === 0) {
    return (
      <Tag
        color="green"
        icon={<CheckCircleFilled />}
        data-testid="sync-status"
        data-pending="0"
        style={{ fontSize: 13, padding: '2px 8px', marginInlineEnd: 0 }}
      >
        {t('record.sync.done')}
      </Tag>
    );
  }
  return (
    <Button
      size="small"
      data-testid="sync-status"
      data-pending={sync.count}
      onClick={onSync}
      icon={
        sync.syncing ? <SyncOutlined spin /> : sync.online ? <CloudUploadOutlined /> : <DisconnectOutlined />
      }
      style={{ color: '#d46b08', borderColor: '#ffd591', background: '#fff7e6' }}
    >
      {t('record.sync.pending', { count: sync.count })}
    </Button>
  );
};

export const OnsiteHeader = ({
  inspection,
  sync,
  offline,
  onSync,
}: {
  inspection: RecordForm['inspection'];
  sync: SyncState;
  offline: boolean;
  onSync: () => void;
}) => {
  const t = useT();
  return (
    <div
      data-testid="onsite-header"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        background: '#0b2d5b',
        color: '#fff',
        padding: '10px 14px 12px',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
        <Link
          to={`/inspections/${inspection.id}`}
          style={{ color: 'rgba(255,255,255,0.85)' }}
          aria-label={t('record.back')}
        >
          <ArrowLeftOutlined />
        </Link>
        <Typography.Text
          strong
          style={{ color: '#fff', fontSize: 16, flex: 1, minWidth: 0 }}
          ellipsis
          data-testid="onsite-enterprise"
        >
          {inspection.enterpriseName}
        </Typography.Text>
        <SyncBadge sync={sync} onSync={onSync} />
      </div>
      <Space size={6} wrap style={{ marginTop: 6 }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {inspection.stageName}
        </Tag>
        {(!sync.online || offline) && (
          <Badge
            status="warning"
            text={<span style={{ color: '#ffd591', fontSize: 12 }}>{t('record.offline')}</span>}
            data-testid="onsite-offline"
          />
        )}
      </Space>
      <div style={{ marginTop: 6, fontSize: 12, color: 'rgba(255,255,255,0.8)' }} data-testid="onsite-team">
        {inspection.team.length === 0
          ? t('record.team.none')
          : `${t('record.team')}：${inspection.team.map((member) => `${member.name}（${t('record.certificate')} ${member.certificate}）`).join('、')}`}
      </div>
    </div>
  );
};
