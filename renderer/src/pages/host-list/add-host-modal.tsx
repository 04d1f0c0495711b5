// Add a host: the host's fields (host-form.tsx) and its password, which goes straight to the keychain.
import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { useBmcMutation } from '../../query/use-bmc';
import { errorText } from '../../i18n/error-text';
import type { BmcError } from '../../bmc-client';
import { HostFormFields, NEW_HOST, valuesToDraft, type HostFormValues } from './host-form';

export function AddHostModal(props: {
  open: boolean;
  tags: string[];
  onClose: (added?: HostSummary) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HostFormValues>();
  const [error, setError] = useState<string | null>(null);
  const add = useBmcMutation('hosts.add', { invalidates: () => [['hosts.list']] });

  async function submit(v: HostFormValues) {
    setError(null);
    try {
      const h = await add.mutateAsync({
        host: valuesToDraft(v),
        ...(v.password ? { password: v.password } : {}),
      });
      form.resetFields();
      props.onClose(h);
    } catch (e) {
      setError(errorText((e as BmcError).data, t('hosts.op.add')));
    }
  }

  return (
    <Modal
      open={props.open}
      title={t('hosts.addTitle')}
      okText={t('hosts.save')}
      cancelText={t('hosts.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        props.onClose();
      }}
      okButtonProps={{
        htmlType: 'submit',
        ...({ 'data-testid': 'add-host-submit' } as Record<string, string>),
      }}
      width={640}
      style={{ top: 32 }}
      destroyOnHidden
    >
      <Form<HostFormValues>
        form={form}
        layout="vertical"
        data-testid="add-host-form"
        initialValues={NEW_HOST}
        onFinish={(v) => void submit(v)}
      >
        <HostFormFields mode="add" tags={props.tags} />
      </Form>
      {error && <Alert type="error" showIcon role="alert" data-testid="hosts-message" title={error} />}
    </Modal>
  );
}
