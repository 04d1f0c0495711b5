// One host: header (name, address, power state always in view), then the tab named in the URL.
import { Breadcrumb, Button, Space, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useBmcQuery } from '../../query/use-bmc';
import { DEFAULT_TAB, HOST_TABS } from './tabs';
import { PowerTag } from './power-tag';

export function HostPage() {
  const { t } = useTranslation();
  const { hostId = '', tab = DEFAULT_TAB } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const hosts = useBmcQuery('hosts.list', {});
  if (!hosts.data) return null;
  const host = hosts.data.hosts.find((h) => h.id === hostId);
  if (!host)
    return (
      <Typography.Paragraph data-testid="host-not-found">
        {t('host.notFound')} <Link to="/">{t('app.backToHosts')}</Link>
      </Typography.Paragraph>
    );
  const active = HOST_TABS.find((x) => x.key === tab);
  if (!active) return <Navigate to={`/hosts/${host.id}/${DEFAULT_TAB}`} replace />;

  return (
    <section className="host-page" data-testid="host-detail" data-host-id={host.id}>
      <Breadcrumb items={[{ title: <Link to="/">{t('app.nav.hosts')}</Link> }, { title: host.name }]} />
      <Space className="host-header" align="center" wrap>
        <Typography.Title level={2}>{host.name}</Typography.Title>
        <Tag>
          {host.address}:{host.port}
        </Tag>
        <PowerTag hostId={host.id} />
        <Button
          icon={<ReloadOutlined />}
          data-testid="refresh-host"
          onClick={() =>
            void qc.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes(host.id) })
          }
        >
          {t('host.refresh')}
        </Button>
      </Space>
      <Tabs
        activeKey={active.key}
        onChange={(k) => void navigate(`/hosts/${host.id}/${k}`)}
        destroyOnHidden
        items={HOST_TABS.map((x) => ({
          key: x.key,
          label: <span data-testid={`tab-${x.key}`}>{t(x.label)}</span>,
          children: x.key === active.key ? <x.Component host={host} /> : null,
        }))}
      />
    </section>
  );
}
