// A threshold sensor's thresholds: the settable ones (as the view says) as number inputs, the others as
// text. Validators refuse a value outside the sensor's range or out of the order lnr ≤ … ≤ unr, naming
// the pair, before anything is sent; a write goes out with sensors.setThreshold, and the form then shows
// what the BMC reads back.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SensorViewData, ThresholdKey } from '../../../../../shared/domain/sensor';
import { useBmcMutation } from '../../../query/use-bmc';
import { errorText } from '../../../i18n/error-text';
import { errorData } from '../../../bmc-client';
import { finite, formatNumber, sensorRange } from './sensor-format';
import { thresholdLong, thresholdShort, unitText } from './sensor-labels';
import { thresholdProblem, type ThresholdProblem, type ThresholdValues } from './threshold-order';
import { sensorListKey, type SensorList } from './use-sensor-list';

type FormValues = Partial<Record<ThresholdKey, number | null>>;

function currentValues(s: SensorViewData): ThresholdValues {
  return Object.fromEntries(
    s.thresholds.map((th) => [th.name, th.readable ? finite(th.value) : undefined]),
  ) as ThresholdValues;
}

export function problemText(t: TFunction, lang: string, units: string, p: ThresholdProblem): string {
  const n = (v: number) => `${formatNumber(lang, v)} ${units}`.trim();
  if (p.kind === 'range')
    return t('sensors.form.range', { name: thresholdLong(t, p.threshold), min: n(p.min), max: n(p.max) });
  return t(p.relation === 'above' ? 'sensors.form.above' : 'sensors.form.below', {
    name: thresholdLong(t, p.threshold),
    other: thresholdLong(t, p.other),
    value: n(p.otherValue),
  });
}

export function ThresholdForm({
  hostId,
  hostName,
  sensor,
}: {
  hostId: string;
  hostName: string;
  sensor: SensorViewData;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const set = useBmcMutation('sensors.setThreshold');
  const lang = i18n.language;
  const units = unitText(t, sensor.units);
  const range = useMemo(() => sensorRange(sensor), [sensor]);
  const current = useMemo(() => currentValues(sensor), [sensor]);
  const settable = sensor.thresholds.filter((th) => th.settable).map((th) => th.name);
  const initial = Object.fromEntries(settable.map((k) => [k, current[k] ?? null])) as FormValues;

  // messages are made when a field is validated: in a new language, validate the refused fields again
  useEffect(() => {
    const refused = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => f.name);
    if (refused.length) form.validateFields(refused).catch(() => undefined);
  }, [lang, form]);

  const validatorFor = (k: ThresholdKey) => async (_: unknown, v: number | null | undefined) => {
    const values: ThresholdValues = { ...current, ...form.getFieldsValue(), [k]: v };
    const p = thresholdProblem(k, values, range);
    if (p) throw new Error(problemText(t, lang, units, p));
  };

  const onFinish = async (values: FormValues) => {
    setFailure(null);
    setSaved(null);
    const changed = settable.flatMap((k) => {
      const v = values[k];
      return typeof v === 'number' && v !== current[k] ? [{ threshold: k, value: v }] : [];
    });
    if (changed.length === 0) {
      void message.info(t('sensors.form.unchanged'));
      return;
    }
    try {
      const back = await set.mutateAsync({ hostId, recordId: sensor.recordId, values: changed });
      // the list shows what the BMC read back, without waiting for the next refresh
      qc.setQueryData<SensorList>(sensorListKey(hostId), (old) =>
        old ? { ...old, sensors: old.sensors.map((s) => (s.recordId === back.recordId ? back : s)) } : old,
      );
      const now = currentValues(back);
      form.setFieldsValue(Object.fromEntries(settable.map((k) => [k, now[k] ?? null])));
      const text = t('sensors.form.saved', {
        host: hostName,
        name: sensor.name,
        values: changed
          .map((c) => `${thresholdShort(t, c.threshold)} ${formatNumber(lang, now[c.threshold] ?? NaN)}`)
          .join(', '),
      });
      setSaved(text);
      void message.success(text);
    } catch (e) {
      const text = errorText(errorData(e), t('sensors.op.setThreshold', { name: sensor.name }));
      setFailure(text);
      void message.error(text);
    }
  };

  return (
    <section data-testid="threshold-form-section" aria-labelledby="threshold-form-title">
      <Typography.Title level={4} id="threshold-form-title">
        {t('sensors.form.title')}
      </Typography.Title>
      <Typography.Paragraph>
        {settable.length ? t('sensors.form.settableNote') : t('sensors.form.noneSettable')}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} data-testid="threshold-error" />}
      {saved && <Alert type="success" showIcon title={saved} data-testid="threshold-saved" />}
      <Form<FormValues>
        form={form}
        name={`thresholds-${sensor.recordId}`}
        layout="horizontal"
        size="small"
        labelCol={{ flex: '190px' }}
        labelWrap
        initialValues={initial}
        onFinish={(v) => void onFinish(v)}
        // an edit makes the last outcome old news
        onValuesChange={() => {
          setSaved(null);
          setFailure(null);
        }}
        data-testid="threshold-form"
        disabled={set.isPending}
      >
        {sensor.thresholds.map((th) => {
          const label = thresholdLong(t, th.name);
          if (!th.settable)
            return (
              <Form.Item key={th.name} label={label} style={{ marginBottom: 8 }}>
                <span data-testid={`threshold-fixed-${th.name}`}>
                  {th.readable && finite(th.value) !== undefined
                    ? `${formatNumber(lang, finite(th.value)!)} ${units}`
                    : t('sensors.form.notReadable')}
                </span>
              </Form.Item>
            );
          return (
            <Form.Item
              key={th.name}
              name={th.name}
              label={label}
              style={{ marginBottom: 8 }}
              dependencies={settable.filter((k) => k !== th.name)}
              rules={[
                ...(th.readable
                  ? [
                      {
                        required: true,
                        message: t('sensors.form.required', { name: thresholdLong(t, th.name) }),
                      },
                    ]
                  : []),
                { validator: validatorFor(th.name) },
              ]}
            >
              <InputNumber<number>
                data-testid={`threshold-input-${th.name}`}
                suffix={units}
                style={{ width: 190 }}
              />
            </Form.Item>
          );
        })}
        {settable.length > 0 && (
          <Space>
            <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="threshold-save">
              {t('sensors.form.save')}
            </Button>
            <Button
              data-testid="threshold-reset"
              onClick={() => {
                form.resetFields();
                setFailure(null);
                setSaved(null);
              }}
            >
              {t('sensors.form.reset')}
            </Button>
          </Space>
        )}
      </Form>
    </section>
  );
}
