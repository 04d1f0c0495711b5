// The filter bar: severity, sensor, time range (dates only; pre-init and OEM records have none) and a
// free-text search over what the rows show.
import { memo } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SelSeverity } from '../../../../../shared/domain/sel';
import { isFiltered, NO_FILTER, type EventFilter } from './event-rows';
import { severityText } from './event-format';

/** the last second a SEL timestamp can hold: an open end of the range */
const OPEN_END = 0xffffffff;
const SEVERITIES: SelSeverity[] = ['critical', 'warning', 'info'];

// memo: re-rendered only when its own props change, not on every state change of the tab
export const EventFilters = memo(function EventFilters({
  filter,
  onChange,
  sensors,
}: {
  filter: EventFilter;
  onChange: (f: EventFilter) => void;
  sensors: { key: string; count: number }[];
}) {
  const { t } = useTranslation();
  // either end may be left open (and must be: the picker keeps the focus in an empty required end)
  const range: [Dayjs | null, Dayjs | null] | null = filter.range
    ? [
        filter.range[0] > 0 ? dayjs.unix(filter.range[0]) : null,
        filter.range[1] < OPEN_END ? dayjs.unix(filter.range[1]) : null,
      ]
    : null;
  return (
    <Space wrap data-testid="event-filters">
      <Select<SelSeverity[]>
        mode="multiple"
        allowClear
        data-testid="filter-severity"
        aria-label={t('events.filter.severity')}
        placeholder={t('events.filter.severity')}
        style={{ minWidth: 170 }}
        value={[...filter.severities]}
        onChange={(v) => onChange({ ...filter, severities: v })}
        options={SEVERITIES.map((s) => ({ value: s, label: severityText(t, s) }))}
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        data-testid="filter-sensor"
        aria-label={t('events.filter.sensor')}
        placeholder={t('events.filter.sensor')}
        style={{ minWidth: 220, maxWidth: 360 }}
        maxTagCount="responsive"
        value={[...filter.sensors]}
        onChange={(v) => onChange({ ...filter, sensors: v })}
        options={sensors.map((s) => ({ value: s.key, label: `${s.key} (${s.count})` }))}
      />
      {/* the picker passes no data-* attributes on, hence the wrapper */}
      <span data-testid="filter-range">
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          aria-label={`${t('events.filter.from')} – ${t('events.filter.to')}`}
          placeholder={[t('events.filter.from'), t('events.filter.to')]}
          value={range}
          onChange={(v) =>
            onChange({
              ...filter,
              range: v?.[0] || v?.[1] ? ([v[0]?.unix() ?? 0, v[1]?.unix() ?? OPEN_END] as const) : undefined,
            })
          }
        />
      </span>
      <Input
        prefix={<SearchOutlined />}
        allowClear
        data-testid="filter-search"
        aria-label={t('events.filter.search')}
        placeholder={t('events.filter.search')}
        style={{ width: 220 }}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <Button data-testid="filter-reset" disabled={!isFiltered(filter)} onClick={() => onChange(NO_FILTER)}>
        {t('events.filter.reset')}
      </Button>
    </Space>
  );
});
