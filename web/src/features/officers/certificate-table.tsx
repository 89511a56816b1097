import { useState, type HTMLAttributes } from 'react';
import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Certificate } from '../../api/types';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { AddCertificateModal, CertificateStatusModal } from './certificate-modals';
import { CertificateStatusTag } from './officer-tags';

type CertificateTableProps = { officerId: string; certificates: Certificate[]; editable: boolean };

export const CertificateTable = ({ officerId, certificates, editable }: CertificateTableProps) => {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Certificate | null>(null);

  const columns: TableColumnsType<Certificate> = [
    {
      key: 'number',
      title: t('certificate.number'),
      dataIndex: 'number',
      render: (number: string) => <Typography.Text code>{number}</Typography.Text>,
    },
    { key: 'issuingAuthority', title: t('certificate.issuingAuthority'), dataIndex: 'issuingAuthority' },
    {
      key: 'validity',
      title: t('certificate.validity'),
      render: (_, certificate) => `${formatDate(certificate.validFrom)} ~ ${formatDate(certificate.validTo)}`,
    },
    {
      key: 'statusToday',
      title: t('certificate.statusToday'),
      width: 120,
      render: (_, certificate) => <CertificateStatusTag status={certificate.statusToday} />,
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, certificate: Certificate) => (
              <Button
                size="small"
                type="link"
                data-testid="certificate-change-status"
                onClick={() => setChanging(certificate)}
              >
                {t('certificate.changeStatusShort')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {editable && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button data-testid="certificate-add" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('certificate.add')}
          </Button>
        </div>
      )}
      <Table<Certificate>
        data-testid="certificate-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={certificates}
        pagination={false}
        onRow={() => ({ 'data-testid': 'certificate-row' }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('officer.noCertificate')} />,
        }}
      />
      {editable && (
        <>
          <AddCertificateModal officerId={officerId} open={adding} onClose={() => setAdding(false)} />
          <CertificateStatusModal
            officerId={officerId}
            certificate={changing}
            onClose={() => setChanging(null)}
          />
        </>
      )}
    </>
  );
};
