import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  Switch,
  TimePicker,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EXTERNAL_CHANNELS,
  UpdateNotificationPreferencesRequest,
  type ExternalChannel,
  type FieldError,
  type NotificationPreferencesView,
} from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { MessageKey } from '@/app/i18n/zh';
import { useFormSubmit } from '@/app/useFormSubmit';
import { isStale, reloadPreferences, updatePreferences, usePreferences } from './api';
import { SecretInput, type SecretValue } from './SecretInput';

const TIME = 'HH:mm';

/** The contract's format codes, as the person reads them. */
const FORMAT_MESSAGES: Record<string, MessageKey> = {
  URL_FORMAT: 'notify.settings.urlFormat',
  EMAIL_FORMAT: 'notify.settings.emailFormat',
  TIME_FORMAT: 'notify.settings.timeFormat',
};

interface Values {
  channels: ExternalChannel[];
  email?: string;
  wecomWebhook?: SecretValue;
  dingtalkWebhook?: SecretValue;
  dingtalkSecret?: SecretValue;
  quietStart?: Dayjs | null;
  quietEnd?: Dayjs | null;
  digest: boolean;
}

/** 通知设置: where one's reminders go besides the inbox, when not to send them, and whether as a digest. */
export function NotificationSettingsPage() {
  const { t } = useI18n();
  const prefs = usePreferences();
  return (
    <Card title={t('notify.settings.title')}>
      {prefs.isPending ? (
        <Skeleton active />
      ) : prefs.isError ? (
        <Alert type="error" showIcon title={errorMessage(prefs.error)} />
      ) : (
        // A save returns the new version: the form starts again from it (secrets empty, 已设置 shown).
        <PreferencesForm key={prefs.data.version} view={prefs.data} />
      )}
    </Card>
  );
}

/** A request path to the form's field: the quiet hours are two pickers. */
function fieldOf(path: (string | number)[]): (string | number)[] {
  if (path[0] === 'quietHours') return [path[1] === 'end' ? 'quietEnd' : 'quietStart'];
  return [path[0]!];
}

const FIELDS = new Set([
  'channels',
  'email',
  'wecomWebhook',
  'dingtalkWebhook',
  'dingtalkSecret',
  'quietStart',
  'quietEnd',
  'digest',
]);

/** Field errors by request path (`wecomWebhook`, `quietHours.start`) on the fields that hold them. */
function putErrors(form: FormInstance, errors: { path: (string | number)[]; message: string }[]) {
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    const name = String(fieldOf(e.path)[0]);
    if (!FIELDS.has(name)) continue;
    const list = byField.get(name) ?? [];
    if (!list.includes(e.message)) list.push(e.message);
    byField.set(name, list);
  }
  form.setFields([...byField].map(([name, list]) => ({ name, errors: list })));
  return byField.size > 0;
}

/** The server's field errors: `body.wecomWebhook` → the WeCom field. */
const serverErrors = (form: FormInstance, errors: readonly FieldError[]) =>
  putErrors(
    form,
    errors.flatMap((e) => {
      const [where, ...rest] = e.path.split('.');
      return where === 'body' && rest.length > 0 ? [{ path: rest, message: e.message }] : [];
    }),
  );

function PreferencesForm({ view }: { view: NotificationPreferencesView }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { form, busy, submit } = useFormSubmit<Values>(() => undefined, {
    onError: (err) => {
      if (!isStale(err)) return false;
      modal.confirm({
        title: t('notify.settings.stale'),
        content: t('notify.settings.staleHint'),
        okText: t('notify.settings.reload'),
        cancelText: t('common.cancel'),
        onOk: () => reloadPreferences(),
      });
      return true;
    },
    fieldErrors: (f, err) => err instanceof ApiError && serverErrors(f, err.problem.errors ?? []),
  });
  const emailAvailable = view.available.includes('email');
  /** Quiet hours need both ends. */
  const bothOrNeither = (other: 'quietStart' | 'quietEnd') => ({
    validator: async (_r: unknown, v: Dayjs | null | undefined) => {
      if (!v && form.getFieldValue(other)) throw new Error(t('notify.settings.quietBoth'));
    },
  });

  const onFinish = async (v: Values) => {
    const body = {
      channels: v.channels,
      email: v.email?.trim() || null,
      // Absent keeps what is stored; null removes it.
      ...(v.wecomWebhook !== undefined ? { wecomWebhook: v.wecomWebhook?.trim() ?? null } : {}),
      ...(v.dingtalkWebhook !== undefined ? { dingtalkWebhook: v.dingtalkWebhook?.trim() ?? null } : {}),
      ...(v.dingtalkSecret !== undefined ? { dingtalkSecret: v.dingtalkSecret?.trim() ?? null } : {}),
      quietHours:
        v.quietStart && v.quietEnd
          ? { start: v.quietStart.format(TIME), end: v.quietEnd.format(TIME) }
          : null,
      digest: v.digest,
      // Version 0 is "never saved": the contract's versions start at 1, so none is sent then.
      ...(view.version > 0 ? { version: view.version } : {}),
    };
    // The contract's own checks first (an address that is no URL); https and private hosts are the server's.
    const checked = UpdateNotificationPreferencesRequest.safeParse(body);
    if (!checked.success) {
      const own = checked.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: FORMAT_MESSAGES[i.message] ? t(FORMAT_MESSAGES[i.message]!) : t('validation.format'),
      }));
      putErrors(form, own);
      return;
    }
    await submit(() => updatePreferences(body), t('common.saved'));
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onFinish={onFinish}
      initialValues={{
        channels: view.channels,
        email: view.email ?? undefined,
        quietStart: view.quietHours ? dayjs(view.quietHours.start, TIME) : null,
        quietEnd: view.quietHours ? dayjs(view.quietHours.end, TIME) : null,
        digest: view.digest,
      }}
    >
      <Alert type="info" showIcon title={t('notify.settings.inboxAlways')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('notify.settings.channels')}
        name="channels"
        extra={emailAvailable ? undefined : t('notify.settings.emailUnavailable')}
      >
        <Checkbox.Group
          options={EXTERNAL_CHANNELS.map((c) => ({
            value: c,
            label: t(`notify.channel.${c}`),
            disabled: c === 'email' && !emailAvailable && !view.channels.includes('email'),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('notify.settings.email')}
        name="email"
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_r, v: string | undefined) => {
              if ((getFieldValue('channels') as ExternalChannel[]).includes('email') && !v?.trim())
                throw new Error(t('notify.settings.emailRequired'));
            },
          }),
        ]}
        dependencies={['channels']}
      >
        <Input type="email" autoComplete="email" maxLength={200} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item
        label={t('notify.settings.wecomWebhook')}
        name="wecomWebhook"
        extra={t('notify.settings.wecomHint')}
      >
        <SecretInput
          isSet={view.wecomWebhookSet}
          placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label={t('notify.settings.dingtalkWebhook')}
            name="dingtalkWebhook"
            extra={t('notify.settings.dingtalkHint')}
          >
            <SecretInput
              isSet={view.dingtalkWebhookSet}
              placeholder="https://oapi.dingtalk.com/robot/send?access_token=…"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label={t('notify.settings.dingtalkSecret')}
            name="dingtalkSecret"
            extra={t('notify.settings.dingtalkSecretHint')}
          >
            <SecretInput isSet={view.dingtalkSecretSet} placeholder="SEC…" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('notify.settings.quietHours')} extra={t('notify.settings.quietHint')}>
        <Space wrap>
          <Form.Item
            name="quietStart"
            noStyle
            dependencies={['quietEnd']}
            rules={[bothOrNeither('quietEnd')]}
          >
            <TimePicker
              aria-label={t('notify.settings.quietStart')}
              placeholder={t('notify.settings.quietStart')}
              format={TIME}
              minuteStep={5}
            />
          </Form.Item>
          <span>—</span>
          <Form.Item
            name="quietEnd"
            noStyle
            dependencies={['quietStart']}
            rules={[bothOrNeither('quietStart')]}
          >
            <TimePicker
              aria-label={t('notify.settings.quietEnd')}
              placeholder={t('notify.settings.quietEnd')}
              format={TIME}
              minuteStep={5}
            />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item
        label={t('notify.settings.digest')}
        name="digest"
        valuePropName="checked"
        extra={t('notify.settings.digestHint')}
      >
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
