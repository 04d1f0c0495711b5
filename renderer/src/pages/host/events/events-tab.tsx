// Event log tab (issue 10): the host's SEL as a filterable, virtualised table; export of the rows shown
// (CSV, JSON); clear with "export first"; the BMC clock beside this computer's, with sync.
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, ConfigProvider, Flex, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../i18n/error-text';
import type { HostTabProps } from '../tabs';
import { filterRows, isFiltered, NO_FILTER, sensorOptions, toRow, type EventFilter } from './event-rows';
import { shownText } from './event-format';
import { download, eventsCsv, eventsJson, exportFileName } from './event-export';
import { useSelEvents } from './use-sel-events';
import { EventFilters } from './event-filters';
import { EventTable } from './event-table';
import { BmcClock } from './bmc-clock';
import { ClearLog } from './clear-log';
import { ReloadButton } from './reload-button';

export function EventsTab({ host }: HostTabProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { query, progress, cancel } = useSelEvents(host.id);
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const { refetch } = query;
  const reload = useCallback(() => refetch(), [refetch]);

  const rows = useMemo(() => (query.data?.events ?? []).map(toRow), [query.data]);
  const shown = useMemo(
    () => filterRows(rows, filter, (r) => shownText(t, r, i18n.language)),
    // the search matches the text in the current language
    [rows, filter, t, i18n.language],
  );
  const filtered = isFiltered(filter);
  const sensors = useMemo(() => sensorOptions(rows), [rows]);
  const empty = rows.length ? t('events.noMatch') : t('events.empty');

  const exportAs = (ext: 'csv' | 'json') => {
    const file = exportFileName(host.name, ext);
    if (ext === 'csv') download(file, eventsCsv(shown), 'text/csv');
    else download(file, eventsJson(host, shown), 'application/json');
    void message.success({
      content: (
        <span data-testid="events-message">{t('events.export.done', { count: shown.length, file })}</span>
      ),
    });
  };

  const reading = query.isFetching;
  return (
    // placeholders name the filters, so they must be readable: antd's 25% black is 1.9:1 on white
    <ConfigProvider theme={{ token: { colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)' } }}>
      <Flex
        vertical
        gap={8}
        role="region"
        aria-label={t('events.title')}
        data-testid="events-tab"
        data-state={query.isFetching ? 'loading' : 'ready'}
      >
        <BmcClock host={host} />
        <EventFilters filter={filter} onChange={setFilter} sensors={sensors} />
        <Flex wrap gap={8} align="center" justify="space-between">
          <Space wrap>
            <Typography.Text data-testid="event-count" data-shown={shown.length} data-total={rows.length}>
              {filtered
                ? t('events.count.filtered', { shown: shown.length, total: rows.length })
                : t('events.count.all', { total: rows.length })}
            </Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              data-testid="export-csv"
              disabled={!shown.length}
              onClick={() => exportAs('csv')}
            >
              {t('events.export.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              data-testid="export-json"
              disabled={!shown.length}
              onClick={() => exportAs('json')}
            >
              {t('events.export.json')}
            </Button>
            <Typography.Text type="secondary" data-testid="export-scope">
              {filtered
                ? t('events.export.scopeFiltered', { count: shown.length })
                : t('events.export.scopeAll', { count: shown.length })}
            </Typography.Text>
          </Space>
          <Space wrap>
            {reading && (
              // in the toolbar, not a row of its own: the table below must not move while reading
              <Space data-testid="events-reading">
                <Typography.Text>
                  {progress?.total
                    ? t('events.readingCount', { done: progress.done, total: progress.total })
                    : t('events.reading')}
                </Typography.Text>
                <Progress
                  style={{ width: 120, margin: 0 }}
                  percent={progress?.total ? Math.round((100 * progress.done) / progress.total) : 0}
                  showInfo={false}
                  aria-label={t('events.reading')}
                />
                <Button size="small" data-testid="events-cancel" onClick={cancel}>
                  {t('events.cancel')}
                </Button>
              </Space>
            )}
            <ReloadButton fetching={query.isFetching} onReload={reload} />
            <ClearLog host={host} count={rows.length} disabled={query.isFetching || !query.data} />
          </Space>
        </Flex>
        {query.error && (
          <Alert
            type="error"
            showIcon
            data-testid="events-error"
            title={errorText(query.error.data, t('events.op.list'))}
          />
        )}
        <EventTable rows={shown} empty={empty} />
      </Flex>
    </ConfigProvider>
  );
}
