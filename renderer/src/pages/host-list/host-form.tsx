// The fields of a host, shared by the add and the edit dialog: name, address, port, user, password,
// interface, cipher suite, privilege, groups/tags, notes. In edit mode an empty password keeps the one in
// the keychain (passwords never come back from main, so the field cannot show it).
import { ConfigProvider, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostSummary } from '../../../../shared/contract/hosts';
import type { Host, HostDraft, HostPatch } from '../../../../shared/domain/host';

export interface HostFormValues {
  name: string;
  address: string;
  port: number;
  username?: string;
  password?: string;
  interface: Host['interface'];
  cipherSuite: Host['cipherSuite'];
  privilege: Host['privilege'];
  groups: string[];
  notes?: string;
}

const SUITES = ['auto', 3, 8, 12, 17] as const;
/** literal keys, so the i18n key test sees them used */
const PRIVILEGES: Record<Host['privilege'], string> = {
  callback: 'hosts.privilege.callback',
  user: 'hosts.privilege.user',
  operator: 'hosts.privilege.operator',
  administrator: 'hosts.privilege.administrator',
  oem: 'hosts.privilege.oem',
};

// two columns keep the dialog inside a 720-pixel-high window
const GRID = { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 } as const;

export const READABLE = {
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};

// five rows of two fields with tighter spacing: the whole dialog, buttons included, fits 1280×720
const COMPACT = {
  token: READABLE,
  components: { Form: { itemMarginBottom: 12, verticalLabelPadding: '0 0 4px' } },
};

export const NEW_HOST: Partial<HostFormValues> = {
  port: 623,
  interface: 'lanplus',
  cipherSuite: 'auto',
  privilege: 'administrator',
  groups: [],
};

export function hostToValues(h: HostSummary): HostFormValues {
  return {
    name: h.name,
    address: h.address,
    port: h.port,
    username: h.username,
    interface: h.interface,
    cipherSuite: h.cipherSuite,
    privilege: h.privilege,
    groups: [...h.groups],
    notes: h.notes,
  };
}

function fields(v: HostFormValues): Required<HostDraft> {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    port: v.port,
    username: v.username ?? '',
    interface: v.interface,
    cipherSuite: v.cipherSuite,
    privilege: v.privilege,
    groups: [...new Set(v.groups.map((g) => g.trim()).filter(Boolean))],
    notes: v.notes ?? '',
  };
}

export function valuesToDraft(v: HostFormValues): HostDraft {
  return fields(v);
}

/** Only what the user changed, so a concurrent edit of another field elsewhere is not overwritten. */
export function valuesToPatch(h: HostSummary, v: HostFormValues): HostPatch {
  const next = fields(v);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    const a = next[k];
    const b = h[k];
    const same = Array.isArray(a) && Array.isArray(b) ? a.join('\n') === b.join('\n') : a === b;
    if (!same) patch[k] = a;
  }
  return patch as HostPatch;
}

export function HostFormFields(props: { mode: 'add' | 'edit'; hasPassword?: boolean; tags: string[] }) {
  const { t } = useTranslation();
  // a tag is one word of the CSV's groups column: no commas, semicolons or line breaks
  const tagRule = {
    validator: (_: unknown, v: string[] | undefined) =>
      (v ?? []).every((g) => /^[^,;\r\n]{1,64}$/.test(g.trim()))
        ? Promise.resolve()
        : Promise.reject(new Error(t('hosts.field.groupsHint'))),
  };
  return (
    // antd's hint and placeholder greys are below 4.5:1 on white; these meet WCAG AA
    <ConfigProvider theme={COMPACT}>
      <div style={GRID}>
        <Form.Item name="name" label={t('hosts.field.name')} rules={[{ required: true, max: 128 }]}>
          <Input name="name" />
        </Form.Item>
        <Form.Item name="address" label={t('hosts.field.address')} rules={[{ required: true, max: 260 }]}>
          <Input name="address" />
        </Form.Item>
        <Form.Item name="port" label={t('hosts.field.port')} rules={[{ required: true }]}>
          <InputNumber name="port" min={1} max={65535} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="username" label={t('hosts.field.username')}>
          <Input name="username" autoComplete="off" maxLength={16} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('hosts.field.password')}
          extra={
            props.mode === 'edit'
              ? props.hasPassword
                ? t('hosts.field.passwordKeep')
                : t('hosts.field.passwordNone')
              : undefined
          }
        >
          <Input.Password name="password" autoComplete="new-password" maxLength={20} />
        </Form.Item>
        <Form.Item name="interface" label={t('hosts.field.interface')}>
          <Select
            data-testid="interface"
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
        <Form.Item name="privilege" label={t('hosts.field.privilege')}>
          <Select
            data-testid="privilege"
            options={Object.entries(PRIVILEGES).map(([value, key]) => ({ value, label: t(key) }))}
          />
        </Form.Item>
        <Form.Item
          name="groups"
          label={t('hosts.field.groups')}
          tooltip={t('hosts.field.groupsHint')}
          rules={[tagRule]}
        >
          <Select
            mode="tags"
            data-testid="groups"
            tokenSeparators={[',', ';']}
            options={props.tags.map((g) => ({ value: g, label: g }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('hosts.field.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea name="notes" autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </div>
    </ConfigProvider>
  );
}
