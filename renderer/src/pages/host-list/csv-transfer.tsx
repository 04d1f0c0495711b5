// CSV import and export of the host list. Export downloads what main wrote (never passwords) through a
// Blob link; import reads a chosen file, hands it to main, and shows the outcome in the page: how many
// hosts were added, or the line that stopped the import and why (main applies all rows or none).
import { useRef, useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_CSV } from '../../../../shared/contract/hosts';
import { useBmcMutation } from '../../query/use-bmc';
import { call, type BmcError } from '../../bmc-client';
import { errorText } from '../../i18n/error-text';
import type { ErrorData } from '../../../../shared/errors';

export type ImportOutcome =
  { ok: true; file: string; count: number } | { ok: false; file: string; text: string; error?: ErrorData };

function exportName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `bmc-desk-hosts-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // the click starts the download synchronously; the URL is only needed until then
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function CsvButtons(props: { hostCount: number; onImported: (o: ImportOutcome) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const importCsv = useBmcMutation('hosts.importCsv', { invalidates: () => [['hosts.list']] });

  async function doExport() {
    setExporting(true);
    try {
      const { csv } = await call('hosts.exportCsv', {});
      const file = exportName();
      download(file, csv);
      void message.success(t('hosts.csv.exported', { count: props.hostCount, file }));
    } catch (e) {
      void message.error(errorText((e as BmcError).data, t('hosts.op.exportCsv')));
    } finally {
      setExporting(false);
    }
  }

  async function doImport(f: File) {
    if (f.size > MAX_CSV) {
      props.onImported({
        ok: false,
        file: f.name,
        text: t('hosts.csv.tooBig', { file: f.name, max: MAX_CSV / 1024 / 1024 }),
      });
      return;
    }
    try {
      const r = await importCsv.mutateAsync({ csv: await f.text() });
      props.onImported({ ok: true, file: f.name, count: r.added });
    } catch (e) {
      const data = (e as BmcError).data;
      props.onImported({
        ok: false,
        file: f.name,
        text: errorText(data, t('hosts.op.importCsv')),
        error: data,
      });
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="import-csv-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after fixing it
          if (f) void doImport(f);
        }}
      />
      <Button
        icon={<UploadOutlined />}
        data-testid="import-csv"
        loading={importCsv.isPending}
        onClick={() => input.current?.click()}
      >
        {t('hosts.csv.import')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        data-testid="export-csv"
        loading={exporting}
        onClick={() => void doExport()}
      >
        {t('hosts.csv.export')}
      </Button>
    </>
  );
}

/** The outcome of the last import, until closed. */
export function ImportResult(props: { outcome: ImportOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const o = props.outcome;
  if (o.ok)
    return (
      <Alert
        type="success"
        showIcon
        closable={{ 'aria-label': t('hosts.csv.close') }}
        onClose={props.onClose}
        data-testid="import-result"
        data-ok="true"
        title={t('hosts.csv.imported', { count: o.count, file: o.file })}
      />
    );
  const e = o.error;
  // main's English validator text after "line N: " says exactly what is wrong with the value
  const detail =
    e?.code === 'csv-invalid'
      ? e.message.replace(/^line \d+:\s*/, '').replace(`${e.field ?? ''}: `, '')
      : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable={{ 'aria-label': t('hosts.csv.close') }}
      onClose={props.onClose}
      data-testid="import-result"
      data-ok="false"
      {...(e?.line !== undefined ? { 'data-line': String(e.line) } : {})}
      title={t('hosts.csv.failedTitle', { file: o.file })}
      description={
        <Space orientation="vertical" size={2}>
          <Typography.Text data-testid="import-error">{o.text}</Typography.Text>
          {e?.line !== undefined && (
            <Typography.Text data-testid="import-error-line">
              <strong>{t('hosts.csv.line', { line: e.line })}</strong>
              {e.field ? ` · ${t('hosts.csv.field', { field: e.field })}` : ''}
              {detail ? (
                <>
                  {' · '}
                  {t('hosts.csv.detail')} <Typography.Text code>{detail}</Typography.Text>
                </>
              ) : null}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('hosts.csv.hint')}</Typography.Text>
        </Space>
      }
    />
  );
}
