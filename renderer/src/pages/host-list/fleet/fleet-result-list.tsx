// The per-host outcome of a run: which hosts failed and why (errorText: host, operation, reason), which
// were not reached before a cancel, which are still waiting. Failed hosts come first; a filter narrows
// the list when there are many.
import { useMemo, useState } from 'react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../i18n/error-text';
import type { HostRow, HostStatus } from './use-fleet-run';

const ORDER: Record<HostStatus, number> = { failed: 0, 'not-reached': 1, pending: 2, ok: 3 };
// solid tags in the palette's darker steps: white text on them meets WCAG AA (antd's light preset
// tags do not, for green and orange)
const COLOUR: Record<HostStatus, string> = {
  failed: '#a8071a',
  'not-reached': '#ad4e00',
  pending: '#0958d9',
  ok: '#237804',
};
const STATUS_KEYS: Record<HostStatus, string> = {
  failed: 'fleet.status.failed',
  'not-reached': 'fleet.status.not-reached',
  pending: 'fleet.status.pending',
  ok: 'fleet.status.ok',
};
type Filter = 'all' | 'failed' | 'not-reached' | 'ok';

export function FleetResultList({ rows, operation }: { rows: HostRow[]; operation: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const sorted = useMemo(
    () =>
      rows
        .map((r, i) => ({ r, i }))
        .sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.i - b.i)
        .map((x) => x.r),
    [rows],
  );
  const failed = rows.filter((r) => r.status === 'failed').length;
  const notReached = rows.filter((r) => r.status === 'not-reached').length;
  const ok = rows.filter((r) => r.status === 'ok').length;
  const shown = filter === 'all' ? sorted : sorted.filter((r) => r.status === filter);

  const detail = (r: HostRow): string => {
    if (r.status === 'ok') return t('fleet.detail.ok');
    if (r.status === 'pending') return t('fleet.detail.pending');
    if (r.status === 'not-reached') return t('fleet.detail.notReached');
    // the error's host is the BMC address; the operator knows the host by its name
    return r.error ? errorText({ ...r.error, host: r.name }, operation) : t('fleet.status.failed');
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space size="small" align="center">
        <Typography.Text id="fleet-filter-label">{t('fleet.filter.label')}</Typography.Text>
        <Segmented<Filter>
          data-testid="fleet-filter"
          aria-labelledby="fleet-filter-label"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('fleet.filter.all', { count: rows.length }) },
            { value: 'failed', label: t('fleet.filter.failed', { count: failed }) },
            // only after a cancel
            ...(notReached
              ? [
                  {
                    value: 'not-reached' as const,
                    label: t('fleet.filter.notReached', { count: notReached }),
                  },
                ]
              : []),
            { value: 'ok', label: t('fleet.filter.ok', { count: ok }) },
          ]}
        />
      </Space>
      {/* our own scroll box rather than the table's scroll.y: it can take the focus, so keyboard users
          can scroll it too */}
      <div
        className="fleet-results-scroll"
        role="region"
        aria-label={t('fleet.column.results')}
        tabIndex={0}
        style={{ maxHeight: 280, overflowY: 'auto' }}
      >
        <Table<HostRow>
          data-testid="fleet-results"
          size="small"
          rowKey="hostId"
          dataSource={shown}
          sticky
          pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('fleet.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'fleet-result-row',
              'data-host-name': r.name,
              'data-status': r.status,
            }) as object
          }
          columns={[
            {
              key: 'host',
              title: t('fleet.column.host'),
              width: 160,
              ellipsis: true,
              render: (_, r) => r.name,
            },
            {
              key: 'status',
              title: t('fleet.column.status'),
              width: 120,
              render: (_, r) => (
                // keyed by status: antd keeps a solid tag's first custom colour when only `color` changes
                <Tag
                  key={r.status}
                  variant="solid"
                  color={COLOUR[r.status]}
                  data-testid="fleet-result-status"
                >
                  {t(STATUS_KEYS[r.status])}
                </Tag>
              ),
            },
            {
              key: 'detail',
              title: t('fleet.column.detail'),
              render: (_, r) => <span data-testid="fleet-result-detail">{detail(r)}</span>,
            },
          ]}
        />
      </div>
    </Space>
  );
}
