// The filter bar: severity, sensor, time range (dates only; pre-init and OEM records have none) and a
// free-text search over what the rows show.
import { Button, DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SelSeverity } from '../../../../../shared/domain/sel';
import { isFiltered, NO_FILTER, type EventFilter } from './event-rows';
import { severityText } from './event-format';

const SEVERITIES: SelSeverity[] = ['critical', 'warning', 'info'];

export function EventFilters({
  filter,
  onChange,
  sensors,
}: {
  filter: EventFilter;
  onChange: (f: EventFilter) => void;
  sensors: { key: string; count: number }[];
}) {
  const { t } = useTranslation();
  const range: [Dayjs, Dayjs] | null = filter.range
    ? [dayjs.unix(filter.range[0]), dayjs.unix(filter.range[1])]
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
      <DatePicker.RangePicker
        showTime
        allowEmpty={[false, false]}
        data-testid="filter-range"
        aria-label={`${t('events.filter.from')} – ${t('events.filter.to')}`}
        placeholder={[t('events.filter.from'), t('events.filter.to')]}
        value={range}
        onChange={(v) =>
          onChange({
            ...filter,
            range: v?.[0] && v[1] ? ([v[0].unix(), v[1].unix()] as const) : undefined,
          })
        }
      />
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
}
