// One dialog for a fleet action from confirmation to result: it names the hosts and the exact change
// (danger styling for destructive ones), then shows progress with a cancel button, then the per-host
// results with "retry the failed".
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../../shared/contract/hosts';
import { errorText, reasonText } from '../../../i18n/error-text';
import { bootRequest, type FleetAction, type FleetRequest } from './fleet-action';
import { hostNames } from './fleet-host-names';
import { BootDeviceForm, DEFAULT_BOOT } from './boot-device-form';
import { FleetResultList } from './fleet-result-list';
import type { FleetRun } from './use-fleet-run';

export interface Confirming {
  action: FleetAction;
  hosts: HostSummary[];
}

interface Props {
  confirming: Confirming | null;
  run: FleetRun | null;
  onConfirm: (c: Confirming, request: FleetRequest) => void;
  onDismiss: () => void;
  onCancelRun: () => void;
  onRetry: (run: FleetRun) => void;
}

export function FleetRunModal({ confirming, run, onConfirm, onDismiss, onCancelRun, onRetry }: Props) {
  const { t } = useTranslation();
  const [boot, setBoot] = useState(DEFAULT_BOOT);
  const action = run?.action ?? confirming?.action;
  if (!action) return null;
  const label = t(action.label);
  const running = run?.phase === 'running';

  let title: string;
  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (run) {
    title = t(running ? 'fleet.run.running' : 'fleet.run.finished', { action: label });
    const ok = run.rows.filter((r) => r.status === 'ok').length;
    const failed = run.rows.filter((r) => r.status === 'failed').length;
    const notReached = run.rows.filter((r) => r.status === 'not-reached').length;
    const retryable = failed + notReached;
    // red only when nothing succeeded: a partial failure is told by the summary and the list
    const progressStatus = running
      ? 'active'
      : run.error || (failed > 0 && ok === 0)
        ? 'exception'
        : failed || run.cancelled
          ? 'normal'
          : 'success';
    const percent = run.total ? Math.floor((run.done / run.total) * 100) : 100;
    // keyed children: Space keys them by position otherwise, and the summary appearing at the end would
    // remount the progress bar (animating from 0 again) and the list (losing its filter)
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {run.phase === 'done' &&
          (run.error ? (
            <Alert
              key="summary"
              type="error"
              showIcon
              data-testid="fleet-summary"
              title={errorText(run.error, t(action.operation))}
            />
          ) : (
            <Alert
              key="summary"
              type={run.cancelled || failed ? 'warning' : 'success'}
              showIcon
              data-testid="fleet-summary"
              data-cancelled={String(run.cancelled)}
              title={
                run.cancelled
                  ? t('fleet.run.summaryCancelled', { ok, failed, notReached })
                  : t('fleet.run.summary', { ok, failed })
              }
            />
          ))}
        {run.cancelError && (
          <Alert
            key="cancel-error"
            type="error"
            showIcon
            title={t('fleet.run.cancelFailed', { reason: reasonText(run.cancelError) })}
          />
        )}
        <div key="progress">
          <Typography.Text id="fleet-progress-label" data-testid="fleet-progress-text">
            {t('fleet.run.progress', { done: run.done, total: run.total })}
          </Typography.Text>
          <Progress
            data-testid="fleet-progress"
            data-done={run.done}
            data-total={run.total}
            aria-labelledby="fleet-progress-label"
            percent={percent}
            status={progressStatus}
            showInfo={false}
          />
        </div>
        <FleetResultList key="results" rows={run.rows} operation={t(action.operation)} />
      </Space>
    );
    footer = running ? (
      <Button danger data-testid="fleet-cancel" loading={run.cancelling} onClick={onCancelRun}>
        {run.cancelling ? t('fleet.run.cancelling') : t('fleet.run.cancel')}
      </Button>
    ) : (
      <Space>
        {retryable > 0 && !run.error && (
          <Button data-testid="fleet-retry" type="primary" onClick={() => onRetry(run)}>
            {notReached
              ? t('fleet.run.retryWithUnreached', { count: retryable })
              : t('fleet.run.retry', { count: retryable })}
          </Button>
        )}
        <Button data-testid="fleet-close" onClick={onDismiss}>
          {t('fleet.run.close')}
        </Button>
      </Space>
    );
  } else {
    const c = confirming!;
    title = t('fleet.confirm.title', { action: label });
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type={action.danger ? 'error' : 'info'}
          showIcon
          data-testid="fleet-effect"
          title={t(action.effect)}
        />
        {action.group === 'boot' && <BootDeviceForm value={boot} onChange={setBoot} />}
        <div>
          <Typography.Text strong>{t('fleet.hosts.label', { count: c.hosts.length })}</Typography.Text>
          <Typography.Paragraph data-testid="fleet-confirm-hosts" style={{ marginBottom: 0 }}>
            {hostNames(
              c.hosts.map((h) => h.name),
              t,
            )}
          </Typography.Paragraph>
        </div>
      </Space>
    );
    footer = (
      <Space>
        <Button data-testid="fleet-confirm-cancel" onClick={onDismiss}>
          {t('fleet.confirm.cancel')}
        </Button>
        <Button
          type="primary"
          danger={action.danger}
          data-testid="fleet-confirm-ok"
          onClick={() => onConfirm(c, action.request ?? bootRequest(boot))}
        >
          {label}
        </Button>
      </Space>
    );
  }

  return (
    <Modal
      open
      width={760}
      title={<span data-testid="fleet-modal-title">{title}</span>}
      // Not modal: a run over thousands of hosts takes a while, and the window stays usable meanwhile
      // (language, the list, other pages); the toolbar is disabled until this dialog is closed. No × or
      // Esc while the operation runs: its result would be lost from view; cancel it instead.
      mask={false}
      scrollLock={false}
      closable={!running}
      keyboard={!running}
      onCancel={() => !running && onDismiss()}
      footer={footer}
      wrapProps={{
        'data-testid': 'fleet-modal',
        'data-phase': run ? run.phase : 'confirm',
        style: { pointerEvents: 'none' },
      }}
    >
      {body}
    </Modal>
  );
}
