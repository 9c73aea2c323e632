import { useEffect, useState } from 'react';
import { Alert, App, Form, Select } from 'antd';
import { SubmitMyCaseRequest } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { applyZodIssues } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useMyRecord } from '@/features/self-service/api';
import { applyServerErrors } from '../fieldErrors';
import { intakeBody, intakeFieldName, type IntakeValues } from '../intake/intake';
import { IntakeFields } from '../intake/IntakeFields';
import { submitMyCase } from './api';

/**
 * 求助 / 申请法律援助: a teacher asks the union for help; they are the applicant. A school of the registry
 * can only be their own (a teacher sees no other); a private school or another employer by name.
 */
export function AskForHelpDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [busy, setBusy] = useState(false);
  const record = useMyRecord();
  const schoolId = record.data?.orgId;
  // The record loads after the form opens: its school becomes the default respondent then.
  useEffect(() => {
    if (schoolId && !form.getFieldValue('respondentOrgId')) form.setFieldValue('respondentOrgId', schoolId);
  }, [form, schoolId]);
  const ownSchool = record.data
    ? [{ value: record.data.orgId, label: t('case.mine.ownSchool', { name: record.data.orgName }) }]
    : [];

  const onFinish = async (v: IntakeValues) => {
    const body = intakeBody(v);
    const checked = SubmitMyCaseRequest.safeParse(body);
    if (!checked.success && applyZodIssues(form, checked.error.issues, t, intakeFieldName)) return;
    setBusy(true);
    try {
      await submitMyCase(body);
      message.success(t('case.mine.submitted'));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, intakeFieldName)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer
      title={t('case.mine.askTitle')}
      size={720}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('case.mine.submit')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          respondentKind: 'registry_school',
          wageArrearsOngoing: false,
        }}
        onFinish={onFinish}
        scrollToFirstError
        aria-label={t('case.mine.askTitle')}
      >
        <IntakeFields form={form} school={<Select options={ownSchool} loading={record.isPending} />} />
        <Alert type="info" showIcon title={t('case.mine.sealed')} />
      </Form>
    </FormDrawer>
  );
}
