import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../shared/contract/hosts';
import type { CallResult } from '../../../shared/contract/index';
import { call, errorData } from '../bmc-client';
import { errorText } from '../i18n/index';

export function HostDetail({ host }: { host: HostSummary }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [power, setPower] = useState<'on' | 'off' | null>(null);
  const [device, setDevice] = useState<CallResult<'mc.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function connect() {
    setBusy(true);
    setError(null);
    try {
      await call('session.connect', { hostId: host.id });
      const [p, d] = await Promise.all([
        call('power.status', { hostId: host.id }),
        call('mc.info', { hostId: host.id }),
      ]);
      setPower(p.power);
      setDevice(d);
    } catch (e) {
      setPower(null);
      setDevice(null);
      setError(errorText(errorData(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="host-detail" data-testid="host-detail">
      <h2>
        {host.name} <small>{host.address}</small>
      </h2>
      <button type="button" data-testid="connect" disabled={busy} onClick={() => void connect()}>
        {device ? t('host.refresh') : t('host.connect')}
      </button>
      {error && (
        <p className="error" role="alert" data-testid="host-error">
          {error}
        </p>
      )}
      {device && (
        <dl>
          <dt>{t('host.power')}</dt>
          <dd data-testid="power-state" data-power={power ?? 'unknown'}>
            {power === 'on' ? t('host.on') : power === 'off' ? t('host.off') : t('host.unknown')}
          </dd>
          <dt>{t('host.deviceId')}</dt>
          <dd data-testid="device-id">{device.deviceId}</dd>
          <dt>{t('host.firmware')}</dt>
          <dd data-testid="firmware">{device.firmwareRevision}</dd>
          <dt>{t('host.ipmiVersion')}</dt>
          <dd data-testid="ipmi-version">{device.ipmiVersion}</dd>
          <dt>{t('host.manufacturer')}</dt>
          <dd data-testid="manufacturer">{device.manufacturerId}</dd>
          <dt>{t('host.product')}</dt>
          <dd data-testid="product">{device.productId}</dd>
        </dl>
      )}
    </section>
  );
}
