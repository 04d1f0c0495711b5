// Edit a host with the add dialog's fields. Sends only the fields that changed (hosts.update); a typed
// password replaces the stored one (credentials.set), an empty one keeps it. Every cached read about the
// host is dropped afterwards, since a new address/port/user means another BMC or another session.
import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { useBmcMutation } from '../../query/use-bmc';
import { errorText } from '../../i18n/error-text';
import type { BmcError } from '../../bmc-client';
import { HostFormFields, hostToValues, valuesToPatch, type HostFormValues } from './host-form';

export function EditHostModal(props: { host: HostSummary | null; tags: string[]; onClose: () => void }) {
  // keep showing the last host while the dialog animates closed
  const [last, setLast] = useState(props.host);
  if (props.host && props.host !== last) setLast(props.host);
  const host = props.host ?? last;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<HostFormValues>();
  const [error, setError] = useState<string | null>(null);
  const update = useBmcMutation('hosts.update', { invalidates: () => [['hosts.list']] });
  const setPassword = useBmcMutation('credentials.set', {
    invalidates: (i) => [['hosts.list'], ['credentials.has', { hostId: i.hostId }]],
  });
  const busy = update.isPending || setPassword.isPending;

  async function submit(h: HostSummary, v: HostFormValues) {
    setError(null);
    const patch = valuesToPatch(h, v);
    const name = patch.name ?? h.name;
    let step = t('hosts.op.edit', { name: h.name });
    try {
      if (Object.keys(patch).length) await update.mutateAsync({ id: h.id, patch });
      if (v.password) {
        step = t('hosts.op.password', { name });
        await setPassword.mutateAsync({ hostId: h.id, password: v.password });
      }
      if (!Object.keys(patch).length && !v.password) void message.info(t('hosts.unchanged', { name }));
      else {
        // Reset, not just invalidate: what was read at the old address or with the old login is not
        // this host's state any more, and must not stay on screen while the new reads run.
        await qc.resetQueries({
          predicate: (q) => (q.queryKey[1] as { hostId?: string } | undefined)?.hostId === h.id,
        });
        void message.success(t('hosts.saved', { name }));
      }
      props.onClose();
    } catch (e) {
      setError(errorText((e as BmcError).data, step));
    }
  }

  return (
    <Modal
      open={props.host !== null}
      title={host ? t('hosts.editTitle', { name: host.name }) : ''}
      okText={t('hosts.save')}
      cancelText={t('hosts.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      okButtonProps={{
        htmlType: 'submit',
        ...({ 'data-testid': 'edit-host-submit' } as Record<string, string>),
      }}
      width={640}
      style={{ top: 32 }}
      destroyOnHidden
    >
      {host && (
        <Form<HostFormValues>
          form={form}
          layout="vertical"
          data-testid="edit-host-form"
          initialValues={hostToValues(host)}
          onFinish={(v) => void submit(host, v)}
        >
          <HostFormFields mode="edit" hasPassword={host.hasPassword} tags={props.tags} />
        </Form>
      )}
      {error && <Alert type="error" showIcon role="alert" data-testid="edit-host-message" title={error} />}
    </Modal>
  );
}
