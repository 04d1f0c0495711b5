// The BMC's SEL clock beside this computer's, and the difference (events are stamped with the BMC's
// clock, so a wrong clock misdates them); "Sync BMC clock" sets it to this computer's time and shows
// what the BMC reads back.
import { memo, useEffect, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { useBmcMutation, useBmcQuery } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import { formatDate, formatDifference, formatSinceInit } from './event-format';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

// memo: re-rendered only when its own props change, not on every state change of the tab
export const BmcClock = memo(function BmcClock({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const now = useNow();
  const clock = useBmcQuery('sel.time.get', { hostId: host.id });
  const sync = useBmcMutation('sel.time.sync', {
    invalidates: (i) => [['sel.time.get', { hostId: i.hostId }]],
  });

  const onSync = () =>
    sync.mutate(
      { hostId: host.id },
      {
        onSuccess: (r) =>
          void message.success({
            content: (
              <span data-testid="events-message">
                {t('events.clock.synced', { host: host.name, time: formatDate(r.after.seconds) })}
              </span>
            ),
          }),
        onError: (e) =>
          void message.error({
            content: <span data-testid="events-message">{errorText(e.data, t('events.op.timeSync'))}</span>,
            duration: 8,
          }),
      },
    );

  let bmcText = '…';
  let diffText = '…';
  let offset: number | undefined;
  if (clock.error) bmcText = diffText = errorText(clock.error.data, t('events.op.timeGet'));
  else if (clock.data) {
    const { time, offsetSeconds } = clock.data;
    if (time.preInit) {
      bmcText = t('events.clock.notSet', { since: formatSinceInit(time.seconds) });
      diffText = '—';
    } else {
      offset = offsetSeconds;
      // the BMC's clock runs with ours: show it ticking at the measured offset
      bmcText = formatDate(Math.floor(now / 1000) + offsetSeconds);
      diffText =
        Math.abs(offsetSeconds) <= 1
          ? t('events.clock.same')
          : t(offsetSeconds > 0 ? 'events.clock.ahead' : 'events.clock.behind', {
              d: formatDifference(t, offsetSeconds),
            });
    }
  }

  return (
    <Space wrap size="large" data-testid="bmc-clock-bar" align="center">
      <ClockCircleOutlined aria-hidden />
      <span>
        <Typography.Text type="secondary">{t('events.clock.bmc')}: </Typography.Text>
        <Typography.Text data-testid="bmc-clock" strong>
          {bmcText}
        </Typography.Text>
      </span>
      <span>
        <Typography.Text type="secondary">{t('events.clock.local')}: </Typography.Text>
        <Typography.Text data-testid="local-clock">{formatDate(Math.floor(now / 1000))}</Typography.Text>
      </span>
      <span>
        <Typography.Text type="secondary">{t('events.clock.difference')}: </Typography.Text>
        <Typography.Text
          data-testid="clock-offset"
          data-offset={offset ?? ''}
          type={offset !== undefined && Math.abs(offset) > 60 ? 'danger' : undefined}
        >
          {diffText}
        </Typography.Text>
      </span>
      <Button
        data-testid="sync-clock"
        size="small"
        loading={sync.isPending}
        disabled={clock.isFetching && !clock.data}
        onClick={onSync}
      >
        {t('events.clock.sync')}
      </Button>
    </Space>
  );
});
