// The host table's columns, built once per language (memoised) so a refetch re-renders only the rows
// whose host object changed (TanStack Query keeps unchanged hosts identical). Status columns (power,
// health, last seen: pages/host-list/status) follow the address; they are components reading the polling
// store, so a status batch redraws only the cells of the hosts it names.
import { useMemo, type ReactNode } from 'react';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { useStatusColumns } from './status/status-columns';

export interface HostRowActions {
  onEdit: (h: HostSummary) => void;
  /** the Popconfirm shows a spinner on its OK button until this settles */
  onRemove: (h: HostSummary) => Promise<void>;
}

// antd 6 tags carry no margin: a small gap keeps "rack-a" and "web" apart
const TAG_ROW = { display: 'inline-flex', gap: 4 } as const;
/** host-list.spec.ts sets this to see which rows re-render when one host changes; unset otherwise */
const rowRendered = (id: string) =>
  (globalThis as { __hostRowRendered?: (id: string) => void }).__hostRowRendered?.(id);

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });

/** `actions` must be stable (useCallback/refs): a new object rebuilds every cell. */
export function useHostColumns(actions: HostRowActions): ColumnsType<HostSummary> {
  const { t } = useTranslation();
  // power, health and last seen: cells that read main's polling store themselves (status/)
  const statusColumns = useStatusColumns();
  return useMemo(() => {
    const columns: ColumnsType<HostSummary> = [
      {
        key: 'name',
        title: t('hosts.column.name'),
        width: 160,
        ellipsis: true,
        sorter: (a, b) => byText(a.name, b.name),
        defaultSortOrder: 'ascend',
        render: (_, h) => {
          rowRendered(h.id);
          return (
            <Link to={`/hosts/${h.id}`} data-testid="host-link" title={h.name}>
              {h.name}
            </Link>
          );
        },
      },
      {
        key: 'address',
        title: t('hosts.column.address'),
        width: 170,
        ellipsis: true,
        sorter: (a, b) => byText(`${a.address}:${a.port}`, `${b.address}:${b.port}`),
        render: (_, h) => <span data-testid="host-address">{`${h.address}:${h.port}`}</span>,
      },
      ...statusColumns,
      {
        key: 'user',
        title: t('hosts.column.user'),
        width: 170,
        sorter: (a, b) => byText(a.username, b.username) || Number(a.hasPassword) - Number(b.hasPassword),
        render: (_, h) => (
          <Space size={4}>
            <Typography.Text ellipsis={{ tooltip: h.username }} style={{ maxWidth: 90 }}>
              {h.username || t('hosts.nullUser')}
            </Typography.Text>
            <Tag icon={h.hasPassword ? <LockOutlined aria-hidden /> : null}>
              {h.hasPassword ? t('hosts.hasPassword') : t('hosts.noPassword')}
            </Tag>
          </Space>
        ),
      },
      {
        key: 'groups',
        title: t('hosts.column.groups'),
        ellipsis: true,
        sorter: (a, b) => byText(a.groups.join(' '), b.groups.join(' ')),
        render: (_, h) => (
          <span data-testid="host-groups" style={TAG_ROW}>
            {h.groups.map((g) => (
              <Tag key={g} color="blue">
                {g}
              </Tag>
            ))}
          </span>
        ),
      },
      {
        key: 'actions',
        title: t('hosts.column.actions'),
        width: 190,
        render: (_, h) => (
          <Space size={4}>
            <Button
              size="small"
              icon={<EditOutlined />}
              data-testid="edit-host"
              aria-label={t('hosts.editLabel', { name: h.name })}
              onClick={() => actions.onEdit(h)}
            >
              {t('hosts.edit')}
            </Button>
            <Popconfirm
              title={t('hosts.removeConfirm', { name: h.name })}
              okText={t('hosts.remove')}
              cancelText={t('hosts.cancel')}
              onConfirm={() => actions.onRemove(h)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-testid="remove-host"
                aria-label={t('hosts.removeLabel', { name: h.name })}
              >
                {t('hosts.remove')}
              </Button>
            </Popconfirm>
          </Space>
        ),
      },
    ];
    return onlyChangedRows(columns);
  }, [t, actions, statusColumns]);
}

/**
 * antd re-renders every visible cell whenever the Table renders (its "immutable mark" changes), so one
 * host changing would redraw all rows. With shouldCellUpdate a cell renders again only when its host
 * object changed, or when the columns were rebuilt (language, or a status column's inputs): each build
 * starts with an empty `seen`, so every cell renders once for it. A status cell that is a component reading
 * its own query (e.g. <PowerCell hostId=…/>) still updates by itself.
 */
function onlyChangedRows(columns: ColumnsType<HostSummary>): ColumnsType<HostSummary> {
  return columns.map((c) => {
    const seen = new WeakSet<HostSummary>();
    const render = c.render;
    return {
      ...c,
      render: (value: unknown, h: HostSummary, i: number) => {
        seen.add(h);
        return render ? render(value, h, i) : (value as ReactNode);
      },
      shouldCellUpdate: (h: HostSummary, prev: HostSummary) => h !== prev || !seen.has(h),
    };
  });
}
