// Home: every host, with a link to its page.
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { useBmcMutation, useBmcQuery } from '../../query/use-bmc';
import { errorText } from '../../i18n/error-text';
import { AddHostModal } from './add-host-modal';
import { useHostsChanged } from './use-hosts-changed';
import { FleetToolbar } from './fleet/fleet-toolbar';
import { useStatusColumns } from './status/status-columns';

export function HostListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const list = useBmcQuery('hosts.list', {});
  useHostsChanged();
  const statusColumns = useStatusColumns();
  const remove = useBmcMutation('hosts.remove', { invalidates: () => [['hosts.list']] });

  async function removeHost(h: HostSummary) {
    try {
      await remove.mutateAsync({ id: h.id });
      void message.success(t('hosts.removed', { name: h.name }));
    } catch (e) {
      void message.error(
        errorText((e as { data: Parameters<typeof errorText>[0] }).data, t('hosts.op.remove')),
      );
    }
  }

  return (
    <section className="hosts">
      <Space className="page-title" align="center">
        <Typography.Title level={2}>{t('hosts.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} data-testid="add-host" onClick={() => setAdding(true)}>
          {t('hosts.add')}
        </Button>
      </Space>
      <FleetToolbar selected={(list.data?.hosts ?? []).filter((h) => selectedIds.includes(h.id))} />
      <Table<HostSummary>
        rowSelection={{ selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys.map(String)) }}
        data-testid="host-table"
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.hosts ?? []}
        pagination={false}
        locale={{ emptyText: t('hosts.empty') }}
        onRow={(h) => ({ 'data-testid': 'host-row', 'data-host-id': h.id }) as object}
        columns={[
          {
            key: 'name',
            title: t('hosts.column.name'),
            render: (_, h) => <Link to={`/hosts/${h.id}`}>{h.name}</Link>,
          },
          { key: 'address', title: t('hosts.column.address'), render: (_, h) => `${h.address}:${h.port}` },
          ...statusColumns,
          {
            key: 'user',
            title: t('hosts.column.user'),
            render: (_, h) => (
              <Space>
                {h.username}
                <Tag>{h.hasPassword ? t('hosts.hasPassword') : t('hosts.noPassword')}</Tag>
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('hosts.column.actions'),
            render: (_, h) => (
              <Popconfirm
                title={t('hosts.removeConfirm', { name: h.name })}
                okText={t('hosts.remove')}
                cancelText={t('hosts.cancel')}
                onConfirm={() => removeHost(h)}
              >
                <Button size="small" danger data-testid="remove-host">
                  {t('hosts.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <AddHostModal
        open={adding}
        onClose={(h) => {
          setAdding(false);
          if (h) {
            void message.success(t('hosts.added', { name: h.name }));
            void navigate(`/hosts/${h.id}`);
          }
        }}
      />
    </section>
  );
}
