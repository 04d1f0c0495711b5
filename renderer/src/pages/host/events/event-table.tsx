// The events as a virtualised table (antd `virtual`: only the rows in view are in the DOM, so a full
// SEL of thousands of records scrolls smoothly). Its height fills the window below the toolbar.
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Table, Tag, Tooltip, Typography, type TableRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EventRow } from './event-rows';
import { descriptionText, directionText, formatSinceInit, timeText, typeText } from './event-format';
import { SeverityTag } from './severity-tag';

const MIN_BODY = 200;
const ROW = 39;
const HOLDER = '.ant-table-tbody-virtual-holder';

function TimeCell({ row }: { row: EventRow }) {
  const { t } = useTranslation();
  if (row.sinceInit === undefined) return <span data-testid="event-time">{timeText(t, row)}</span>;
  return (
    <Tooltip title={t('events.time.preInitHelp')}>
      <span data-testid="event-time">
        <Tag data-testid="pre-init">{t('events.time.preInitTag')}</Tag>
        {t('events.time.preInit', { since: formatSinceInit(row.sinceInit) })}
      </span>
    </Tooltip>
  );
}

// memo: the tab re-renders on every progress step and button state; the table only when its rows change
export const EventTable = memo(function EventTable({
  rows,
  empty,
}: {
  rows: readonly EventRow[];
  empty: string;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<TableRef>(null);
  const [bodyHeight, setBodyHeight] = useState(MIN_BODY);
  const label = t('events.title');

  // The virtual body scrolls by wheel only; make it a focus stop that arrows, Page Up/Down, Home and
  // End scroll, so keyboard users reach every row.
  useLayoutEffect(() => {
    const holder = box.current?.querySelector<HTMLElement>(HOLDER);
    if (!holder) return;
    holder.tabIndex = 0;
    holder.setAttribute('role', 'group');
    holder.setAttribute('aria-label', label);
    holder.dataset['testid'] = 'event-scroll';
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const holder = box.current?.querySelector<HTMLElement>(HOLDER);
    if (!holder || e.target !== holder) return;
    const page = Math.max(ROW, holder.clientHeight - ROW);
    const step = { ArrowDown: ROW, ArrowUp: -ROW, PageDown: page, PageUp: -page, End: 1e9, Home: -1e9 }[
      e.key
    ];
    if (step === undefined) return;
    e.preventDefault();
    const max = holder.scrollHeight - holder.clientHeight;
    table.current?.scrollTo({ top: Math.max(0, Math.min(max, holder.scrollTop + step)) });
  };

  useLayoutEffect(() => {
    // the table's header row and the page's bottom padding stay in view below the body
    const fit = () => {
      const top = box.current?.getBoundingClientRect().top ?? 0;
      setBodyHeight(Math.max(MIN_BODY, Math.floor(window.innerHeight - top - 40 - 24)));
    };
    fit();
    // and again when something above it changes height (an error shown, the toolbar wrapping)
    const above = new ResizeObserver(fit);
    const tab = box.current?.parentElement;
    if (tab) above.observe(tab);
    window.addEventListener('resize', fit);
    return () => {
      above.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, []);

  const columns = useMemo(
    (): ColumnsType<EventRow> => [
      {
        key: 'id',
        title: t('events.column.id'),
        width: 64,
        render: (_, r) => <span data-testid="event-id">{r.id.toString(16)}</span>,
      },
      {
        key: 'time',
        title: t('events.column.time'),
        width: 250,
        render: (_, r) => <TimeCell row={r} />,
      },
      {
        key: 'sensor',
        title: t('events.column.sensor'),
        width: 170,
        render: (_, r) =>
          r.sensor ? (
            <span data-testid="event-sensor">{r.sensor}</span>
          ) : (
            <Typography.Text type="secondary" data-testid="event-sensor" data-none="">
              {t('events.noSensor')}
            </Typography.Text>
          ),
      },
      {
        key: 'type',
        title: t('events.column.type'),
        width: 160,
        render: (_, r) => <span data-testid="event-type">{typeText(t, r, i18n.language)}</span>,
      },
      {
        key: 'severity',
        title: t('events.column.severity'),
        width: 120,
        render: (_, r) => <SeverityTag severity={r.severity} />,
      },
      {
        key: 'description',
        title: t('events.column.description'),
        render: (_, r) => (
          <>
            {r.manufacturer !== undefined && (
              <Typography.Text type="secondary" data-testid="event-manufacturer">
                {t('events.manufacturer', { id: r.manufacturer })}{' '}
              </Typography.Text>
            )}
            <span data-testid="event-description" data-description={r.description}>
              {descriptionText(r, i18n.language)}
            </span>
          </>
        ),
      },
      {
        key: 'direction',
        title: t('events.column.direction'),
        width: 110,
        render: (_, r) => <span data-testid="event-direction">{directionText(t, r)}</span>,
      },
    ],
    [t, i18n.language],
  );

  return (
    <div ref={box} onKeyDown={onKeyDown}>
      <Table<EventRow>
        ref={table}
        data-testid="event-table"
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows as EventRow[]}
        pagination={false}
        scroll={{ y: bodyHeight }}
        locale={{ emptyText: empty }}
        onRow={(r) =>
          ({
            'data-testid': 'event-row',
            'data-id': r.id,
            'data-seconds': r.date ?? '',
            'data-pre-init': r.sinceInit !== undefined ? 'true' : 'false',
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
});
