import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../shared/contract/hosts';
import { call, errorData } from '../bmc-client';
import { errorText } from '../i18n/index';

interface Props {
  hosts: HostSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  onChanged: () => Promise<void>;
}

export function HostList({ hosts, selected, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '');
    const password = text('password');
    try {
      const h = await call('hosts.add', {
        host: {
          name: text('name'),
          address: text('address').trim(),
          port: Number(text('port') || 623),
          username: text('username'),
          interface: text('interface') === 'lan' ? 'lan' : 'lanplus',
          cipherSuite:
            text('cipherSuite') === 'auto' || !text('cipherSuite') ? 'auto' : Number(text('cipherSuite')),
        },
        ...(password ? { password } : {}),
      });
      form.reset();
      setMessage({ kind: 'ok', text: t('hosts.added', { name: h.name }) });
      await onChanged();
      onSelect(h.id);
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(errorData(err)) });
    }
  }

  async function remove(h: HostSummary) {
    try {
      await call('hosts.remove', { id: h.id });
      setMessage({ kind: 'ok', text: t('hosts.removed', { name: h.name }) });
      await onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(errorData(err)) });
    }
  }

  return (
    <section className="hosts">
      <h2>{t('hosts.title')}</h2>
      {hosts.length === 0 ? (
        <p className="hint">{t('hosts.empty')}</p>
      ) : (
        <table data-testid="host-table">
          <thead>
            <tr>
              <th>{t('hosts.name')}</th>
              <th>{t('hosts.address')}</th>
              <th>{t('hosts.username')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {hosts.map((h) => (
              <tr
                key={h.id}
                data-testid="host-row"
                data-host-id={h.id}
                className={h.id === selected ? 'selected' : ''}
              >
                <td>
                  <button type="button" className="link" onClick={() => onSelect(h.id)}>
                    {h.name}
                  </button>
                </td>
                <td>
                  {h.address}:{h.port}
                </td>
                <td>
                  {h.username}{' '}
                  <span className="tag">
                    {h.hasPassword ? t('hosts.hasPassword') : t('hosts.noPassword')}
                  </span>
                </td>
                <td>
                  <button type="button" data-testid="remove-host" onClick={() => void remove(h)}>
                    {t('hosts.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="add-host" onSubmit={(e) => void add(e)} data-testid="add-host-form">
        <label>
          {t('hosts.name')}
          <input name="name" required maxLength={128} />
        </label>
        <label>
          {t('hosts.address')}
          <input name="address" required maxLength={260} />
        </label>
        <label>
          {t('hosts.port')}
          <input name="port" type="number" min={1} max={65535} defaultValue={623} />
        </label>
        <label>
          {t('hosts.username')}
          <input name="username" maxLength={16} autoComplete="off" />
        </label>
        <label>
          {t('hosts.password')}
          <input name="password" type="password" maxLength={20} autoComplete="new-password" />
        </label>
        <label>
          {t('hosts.interface')}
          <select name="interface" defaultValue="lanplus">
            <option value="lanplus">lanplus (IPMI 2.0)</option>
            <option value="lan">lan (IPMI 1.5)</option>
          </select>
        </label>
        <label>
          {t('hosts.cipherSuite')}
          <select name="cipherSuite" defaultValue="auto">
            {['auto', '3', '8', '12', '17'].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('hosts.add')}</button>
      </form>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="hosts-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
