// How this app is connected: the cipher suite the session negotiated (session.connect) and what the
// BMC says about our session (Get Session Info): privilege, user, channel, sessions in use.
import { Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBmcQuery } from '../../../query/use-bmc';
import type { HostTabProps } from '../tabs';
import { QueryState } from './query-state';

export function SessionCard({ host }: HostTabProps) {
  const { t } = useTranslation();
  const conn = useBmcQuery('session.connect', { hostId: host.id });
  const info = useBmcQuery('session.info', { hostId: host.id });
  return (
    <Card title={t('overview.card.session')} size="small" data-testid="card-session">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <QueryState q={conn} operation={t('overview.op.session')} errorTestId="session-error">
          {(c) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: '45%' } }}
              items={[
                {
                  key: 'cipher',
                  label: t('overview.session.cipherSuite'),
                  children: (
                    <span data-testid="cipher-suite">
                      {c.info?.cipherSuite ??
                        (c.info?.interface === 'lan' ? t('overview.session.noCipher') : '')}
                    </span>
                  ),
                },
                {
                  key: 'iface',
                  label: t('overview.session.interface'),
                  children: c.info
                    ? c.info.interface === 'lanplus'
                      ? t('overview.session.lanplus')
                      : t('overview.session.lan')
                    : '',
                },
              ]}
            />
          )}
        </QueryState>
        <QueryState q={info} operation={t('overview.op.sessionInfo')} errorTestId="session-info-error">
          {({ current }) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: '45%' } }}
              items={[
                {
                  key: 'priv',
                  label: t('overview.session.privilege'),
                  children: (
                    <span data-testid="session-privilege" data-value={current.session?.privilege ?? ''}>
                      {current.session ? t(`overview.privilege.${current.session.privilege}`) : ''}
                    </span>
                  ),
                },
                {
                  key: 'user',
                  label: t('overview.session.userId'),
                  children: <span data-testid="session-user-id">{current.session?.userId ?? ''}</span>,
                },
                {
                  key: 'channel',
                  label: t('overview.session.channel'),
                  children: <span data-testid="session-channel">{current.session?.channel ?? ''}</span>,
                },
                {
                  key: 'slots',
                  label: t('overview.session.slots'),
                  children: (
                    <span
                      data-testid="session-slots"
                      data-active={current.activeCount}
                      data-slots={current.slotCount}
                    >
                      {t('overview.session.slotsValue', {
                        active: current.activeCount,
                        slots: current.slotCount,
                      })}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Space>
    </Card>
  );
}
