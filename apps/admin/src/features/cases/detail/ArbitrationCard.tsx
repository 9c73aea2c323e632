import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, InputNumber } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { DisputeCase } from '@guanai/contracts';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { updateCaseFacts } from '../api';
import { applyServerErrors } from '../fieldErrors';
import { afterToday } from '../intake/IntakeFields';
import { DATE } from '../intake/intake';
import { useOnConflict } from './CaseActionModal';

interface Values {
  arbitrationAcceptedOn?: Dayjs | null;
  awardExtensionDays?: number | null;
  awardOn?: Dayjs | null;
}

const asDay = (d: string | null) => (d ? dayjs(d) : null);

/**
 * 仲裁: the dated facts no workflow step carries — when the commission accepted the application (the
 * award's 45 days run from it, 第四十三条), an extension of at most 15 days, the award's day.
 */
export function ArbitrationCard({ dispute: c, canWrite }: { dispute: DisputeCase; canWrite: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const none = t('case.none');
  return (
    <Card
      title={t('case.facts.title')}
      extra={
        canWrite && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('case.facts.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'applied',
            label: t('case.detail.arbitrationAppliedOn'),
            children: c.arbitrationAppliedOn ?? none,
          },
          { key: 'accepted', label: t('case.facts.acceptedOn'), children: c.arbitrationAcceptedOn ?? none },
          { key: 'extension', label: t('case.facts.extensionDays'), children: c.awardExtensionDays ?? none },
          { key: 'award', label: t('case.facts.awardOn'), children: c.awardOn ?? none },
        ]}
      />
      {editing && <ArbitrationModal dispute={c} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function ArbitrationModal({ dispute: c, onClose }: { dispute: DisputeCase; onClose: () => void }) {
  const { t } = useI18n();
  const onConflict = useOnConflict(c.id, onClose);
  const { form, busy, submit } = useFormSubmit<Values>(onClose, {
    onError: onConflict,
    fieldErrors: (f, err) => applyServerErrors(f, err, (p) => [p[0]!]),
  });

  // A cleared field clears the fact (null), so a wrong date can be taken back.
  const onFinish = (v: Values) =>
    submit(
      () =>
        updateCaseFacts(c, {
          arbitrationAcceptedOn: v.arbitrationAcceptedOn?.format(DATE) ?? null,
          awardExtensionDays: v.awardExtensionDays ?? null,
          awardOn: v.awardOn?.format(DATE) ?? null,
        }),
      t('case.facts.saved'),
    );

  return (
    <FormModal
      title={t('case.facts.edit')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{
        arbitrationAcceptedOn: asDay(c.arbitrationAcceptedOn),
        awardExtensionDays: c.awardExtensionDays,
        awardOn: asDay(c.awardOn),
      }}
      width={520}
    >
      <Form.Item
        label={t('case.facts.acceptedOn')}
        name="arbitrationAcceptedOn"
        extra={t('case.facts.acceptedOnHint')}
      >
        <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('case.facts.extensionDays')}
        name="awardExtensionDays"
        extra={t('case.facts.extensionDaysHint')}
      >
        <InputNumber min={1} max={15} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('case.facts.awardOn')} name="awardOn">
        <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
