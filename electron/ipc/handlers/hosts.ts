import type { AppServices } from './context';
import { summarize } from './context';
import type { Handlers } from '../dispatch';
import { csvToDrafts, hostsToCsv } from '../../services/hosts-csv';

export function hostsHandlers(
  s: AppServices,
): Pick<
  Handlers,
  'hosts.list' | 'hosts.add' | 'hosts.update' | 'hosts.remove' | 'hosts.importCsv' | 'hosts.exportCsv'
> {
  const changed = () => s.events.emit('hosts.changed', { count: s.inventory.list().length });
  return {
    'hosts.list': async () => ({ hosts: await Promise.all(s.inventory.list().map((h) => summarize(s, h))) }),
    'hosts.add': async ({ host, password }) => {
      const added = await s.inventory.add(host);
      if (password !== undefined) {
        try {
          await s.credentials.set(added.id, password);
        } catch (e) {
          await s.inventory.remove(added.id); // all or nothing: no host without the password the user typed
          throw e;
        }
      }
      changed();
      return summarize(s, added);
    },
    'hosts.update': async ({ id, patch }) => {
      const before = s.inventory.require(id);
      const h = await s.inventory.update(id, patch);
      if (h.address !== before.address || h.port !== before.port) await s.sdr.forget(before);
      changed();
      return summarize(s, h);
    },
    'hosts.remove': async ({ id }) => {
      const host = s.inventory.require(id);
      await s.pool.close(id);
      await s.sdr.forget(host);
      const removed = await s.inventory.remove(id);
      const credentialDeleted = await s.credentials.delete(id);
      changed();
      return { removed, credentialDeleted };
    },
    'hosts.importCsv': async ({ csv }) => {
      const drafts = csvToDrafts(csv); // throws on the first bad row: nothing applied
      const added = await s.inventory.addMany(drafts);
      changed();
      return { added: added.length, hosts: await Promise.all(added.map((h) => summarize(s, h))) };
    },
    'hosts.exportCsv': async () => ({ csv: hostsToCsv(s.inventory.list()) }),
  };
}
