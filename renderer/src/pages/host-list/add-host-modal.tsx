// Add a host: name, address, port, user, password (straight to the keychain), interface, cipher suite.
import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../shared/contract/hosts';
import { useBmcMutation } from '../../query/use-bmc';
import { errorText } from '../../i18n/error-text';

interface Values {
  name: string;
  address: string;
  port: number;
  username?: string;
  password?: string;
  interface: 'lanplus' | 'lan';
  cipherSuite: 'auto' | number;
}

const SUITES = ['auto', 3, 8, 12, 17] as const;

export function AddHostModal(props: { open: boolean; onClose: (added?: HostSummary) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useBmcMutation('hosts.add', { invalidates: () => [['hosts.list']] });

  async function submit(v: Values) {
    setError(null);
    try {
      const h = await add.mutateAsync({
        host: {
          name: v.name,
          address: v.address.trim(),
          port: v.port,
          username: v.username ?? '',
          interface: v.interface,
          cipherSuite: v.cipherSuite,
        },
        ...(v.password ? { password: v.password } : {}),
      });
      form.resetFields();
      props.onClose(h);
    } catch (e) {
      setError(errorText((e as { data: Parameters<typeof errorText>[0] }).data, t('hosts.op.add')));
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
      onCancel={() => props.onClose()}
      okButtonProps={{
        htmlType: 'submit',
        ...({ 'data-testid': 'add-host-submit' } as Record<string, string>),
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="add-host-form"
        initialValues={{ port: 623, interface: 'lanplus', cipherSuite: 'auto' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('hosts.field.name')} rules={[{ required: true, max: 128 }]}>
          <Input name="name" />
        </Form.Item>
        <Form.Item name="address" label={t('hosts.field.address')} rules={[{ required: true, max: 260 }]}>
          <Input name="address" />
        </Form.Item>
        <Form.Item name="port" label={t('hosts.field.port')} rules={[{ required: true }]}>
          <InputNumber name="port" min={1} max={65535} />
        </Form.Item>
        <Form.Item name="username" label={t('hosts.field.username')}>
          <Input name="username" autoComplete="off" maxLength={16} />
        </Form.Item>
        <Form.Item name="password" label={t('hosts.field.password')}>
          <Input.Password name="password" autoComplete="new-password" maxLength={20} />
        </Form.Item>
        <Form.Item name="interface" label={t('hosts.field.interface')}>
          <Select
            options={[
              { value: 'lanplus', label: 'lanplus (IPMI 2.0)' },
              { value: 'lan', label: 'lan (IPMI 1.5)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="cipherSuite" label={t('hosts.field.cipherSuite')}>
          <Select
            data-testid="cipher-suite"
            options={SUITES.map((s) => ({
              value: s,
              label: s === 'auto' ? t('hosts.field.auto') : String(s),
            }))}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" data-testid="hosts-message" title={error} />}
    </Modal>
  );
}
