// What the user must be told once about this machine: no keychain, a damaged host list.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract/index';

export function Notices({ status }: { status: CallResult<'app.status'> }) {
  const { t } = useTranslation();
  const { keychain, inventory } = status;
  return (
    <>
      {keychain.backend === 'memory' && (
        <Alert type="warning" showIcon data-testid="keychain-memory" title={t('app.notice.keychainMemory')} />
      )}
      {inventory.restoredFromBackup && (
        <Alert
          type="warning"
          showIcon
          data-testid="inventory-restored"
          title={t('app.notice.inventoryRestored')}
        />
      )}
      {inventory.notice && !inventory.restoredFromBackup && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="inventory-lost"
          title={t('app.notice.inventoryLost')}
        />
      )}
    </>
  );
}
