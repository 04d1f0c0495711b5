// "Reload" with its own spinner state: the click commits the spinner in this small component alone,
// so the feedback does not wait for the tab's re-render or the query cache's batched notification.
import { memo, useState } from 'react';
import { Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const ReloadButton = memo(function ReloadButton({
  fetching,
  onReload,
}: {
  fetching: boolean;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [clicked, setClicked] = useState(false);
  return (
    <Button
      icon={<ReloadOutlined />}
      data-testid="events-reload"
      loading={fetching || clicked}
      onClick={() => {
        setClicked(true);
        void onReload().finally(() => setClicked(false));
      }}
    >
      {t('events.reload')}
    </Button>
  );
});
