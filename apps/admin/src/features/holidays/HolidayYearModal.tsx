import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HolidayYearView } from '@guanai/contracts';
import { ApiError, errorMessage } from '@/app/api/problem';
import { requiredChoice, requiredRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useSaveHolidayYear } from './api';

interface Values {
  year: number;
  source: string;
  offDays: Dayjs[];
  workdays: Dayjs[];
}

const iso = (ds: Dayjs[] | undefined) => (ds ?? []).map((d) => d.format('YYYY-MM-DD'));

/**
 * Enters a year's arrangement (or corrects one): the notice with its number, every day off and every
 * make-up working day, picked on calendars. The server checks them (dates within the year, make-up days
 * on weekends, no day both); its complaints land on the list they concern, naming the date.
 */
export function HolidayYearModal({
  year,
  taken,
  onClose,
}: {
  /** The year to correct or edit; null to enter a new one. */
  year: HolidayYearView | null;
  /** Years already entered (a new entry for one of them would be refused as stale). */
  taken: number[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveHolidayYear();

  const onFinish = (v: Values) => {
    const offDays = iso(v.offDays);
    const workdays = iso(v.workdays);
    save.mutate(
      {
        year: v.year,
        body: {
          source: v.source,
          offDays,
          workdays,
          ...(year?.origin === 'entered' && year.version ? { version: year.version } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success(t('holidays.saved'));
          onClose();
        },
        onError: (err) => {
          // `body.offDays.3` → the offDays picker, naming the fourth date.
          if (err instanceof ApiError && err.problem.errors?.length) {
            const lists = { offDays, workdays } as Record<string, string[]>;
            const byField = new Map<string, string[]>();
            for (const e of err.problem.errors) {
              const [, field, index] = e.path.split('.');
              if (!field || !(field in lists || field === 'source')) continue;
              const date = index !== undefined ? lists[field]?.[Number(index)] : undefined;
              byField.set(field, [...(byField.get(field) ?? []), date ? `${date}：${e.message}` : e.message]);
            }
            if (byField.size) {
              form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
              return;
            }
          }
          message.error(errorMessage(err));
        },
      },
    );
  };

  const initial: Partial<Values> = year
    ? {
        year: year.year,
        source: year.source,
        offDays: year.offDays.map((d) => dayjs(d)),
        workdays: year.workdays.map((d) => dayjs(d)),
      }
    : { year: dayjs().year() + 1, offDays: [], workdays: [] };

  return (
    <Modal
      open
      title={year ? t('holidays.editTitle', { year: year.year }) : t('holidays.enter')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Form.Item
          name="year"
          label={t('holidays.year')}
          rules={[
            requiredChoice(t),
            {
              validator: (_, v: number) =>
                !year && taken.includes(v)
                  ? Promise.reject(new Error(t('holidays.yearTaken')))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={2000} max={2100} disabled={year !== null} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('holidays.source')}
          rules={[requiredRule(t)]}
          extra={t('holidays.sourceHint')}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="offDays" label={t('holidays.offDays')} rules={[requiredChoice(t)]}>
          <DatePicker multiple style={{ width: '100%' }} maxTagCount="responsive" />
        </Form.Item>
        <Form.Item name="workdays" label={t('holidays.workdays')} extra={t('holidays.workdaysHint')}>
          <DatePicker multiple style={{ width: '100%' }} maxTagCount="responsive" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
