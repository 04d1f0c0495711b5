// "Clear log…": a dialog naming the host and how many events go, with "export first" (the default):
// sel.clear reads every event before it erases (and refuses if the SEL changed meanwhile), and those
// events are saved as a file before the result is reported.
import { useState } from 'react';
import { App, Button, Modal, Radio, Space, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { newOperationId } from '../../../bmc-client';
import { useBmcMutation } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import { toRow } from './event-rows';
import { download, eventsCsv, eventsJson, exportFileName } from './event-export';
import { selListKey } from './use-sel-events';

type ExportFirst = 'json' | 'csv' | 'none';

export function ClearLog({ host, count, disabled }: { host: HostSummary; count: number; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [exportFirst, setExportFirst] = useState<ExportFirst>('json');
  const clear = useBmcMutation('sel.clear', {
    invalidates: (i) => [selListKey(i.hostId), ['sel.time.get', { hostId: i.hostId }]],
  });

  const onOk = () =>
    clear.mutate(
      { hostId: host.id, operationId: newOperationId(), export: exportFirst !== 'none' },
      {
        onSuccess: (r) => {
          setOpen(false);
          let text = t('events.clear.done', { host: host.name, left: r.entriesAfter });
          if (exportFirst !== 'none' && r.exported) {
            const rows = r.exported.map(toRow);
            const file = exportFileName(host.name, exportFirst);
            if (exportFirst === 'csv') download(file, eventsCsv(rows), 'text/csv');
            else download(file, eventsJson(host, rows), 'application/json');
            text = t('events.clear.doneExported', {
              host: host.name,
              left: r.entriesAfter,
              count: rows.length,
              file,
            });
          }
          void message.success({ content: <span data-testid="events-message">{text}</span>, duration: 6 });
        },
        onError: (e) =>
          void message.error({
            content: <span data-testid="events-message">{errorText(e.data, t('events.op.clear'))}</span>,
            duration: 8,
          }),
      },
    );

  return (
    <>
      <Button
        danger
        icon={<DeleteOutlined />}
        data-testid="clear-log"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {t('events.clear.button')}
      </Button>
      <Modal
        open={open}
        title={t('events.clear.title', { host: host.name })}
        okText={t('events.clear.ok')}
        okButtonProps={
          { danger: true, loading: clear.isPending, 'data-testid': 'clear-confirm' } as ButtonProps
        }
        cancelButtonProps={{ disabled: clear.isPending }}
        onOk={onOk}
        onCancel={() => setOpen(false)}
        data-testid="clear-dialog"
      >
        <Typography.Paragraph>
          {t('events.clear.body', { host: host.name, address: host.address, count })}
        </Typography.Paragraph>
        <Radio.Group
          aria-label={t('events.clear.exportFirst')}
          data-testid="clear-export-first"
          value={exportFirst}
          onChange={(e) => setExportFirst(e.target.value as ExportFirst)}
        >
          <Space orientation="vertical">
            <Radio value="json" data-testid="clear-export-json">
              {t('events.clear.json')}
            </Radio>
            <Radio value="csv" data-testid="clear-export-csv">
              {t('events.clear.csv')}
            </Radio>
            <Radio value="none" data-testid="clear-export-none">
              {t('events.clear.none')}
            </Radio>
          </Space>
        </Radio.Group>
      </Modal>
    </>
  );
}
