import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../shared/contract/index';
import type { HostSummary } from '../../shared/contract/hosts';
import { call, on } from './bmc-client';
import { LANGUAGES, setLanguage } from './i18n/index';
import { HostList } from './pages/host-list';
import { HostDetail } from './pages/host-detail';

type Status = CallResult<'app.status'>;

export function App() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [hosts, setHosts] = useState<HostSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await call('hosts.list', {});
    setHosts(r.hosts);
    setSelected((cur) => (cur && r.hosts.some((h) => h.id === cur) ? cur : null));
  }, []);

  useEffect(() => {
    void (async () => {
      setStatus(await call('app.status', {}));
      await reload();
    })();
    return on('hosts.changed', () => void reload());
  }, [reload]);

  const host = hosts.find((h) => h.id === selected) ?? null;
  return (
    <div className="app" data-app-state={status ? 'loaded' : 'loading'}>
      <header>
        <h1>{t('app.title')}</h1>
        <label className="lang">
          {t('app.language')}{' '}
          <select data-testid="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      {status?.keychain.backend === 'memory' && (
        <div className="notice warn" role="status" data-testid="keychain-memory">
          {t('notice.keychainMemory')}
        </div>
      )}
      {status?.inventory.restoredFromBackup && (
        <div className="notice warn" role="status" data-testid="inventory-restored">
          {t('notice.inventoryRestored')}
        </div>
      )}
      {status?.inventory.notice && !status.inventory.restoredFromBackup && (
        <div className="notice warn" role="alert" data-testid="inventory-lost">
          {t('notice.inventoryLost')}
        </div>
      )}
      {!status ? (
        <p>{t('app.loading')}</p>
      ) : (
        <main>
          <HostList hosts={hosts} selected={selected} onSelect={setSelected} onChanged={reload} />
          {host ? <HostDetail key={host.id} host={host} /> : <p className="hint">{t('host.select')}</p>}
        </main>
      )}
    </div>
  );
}
