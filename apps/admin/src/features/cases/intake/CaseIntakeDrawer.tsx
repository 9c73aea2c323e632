import { useState } from 'react';
import { Alert, App, Divider, Form } from 'antd';
import { CreateCaseRequest, type DisputeCase, type Org } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { applyZodIssues, requiredChoice } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { createCase } from '../api';
import { applyServerErrors } from '../fieldErrors';
import { ApplicantsSelect, type PickedApplicant } from './ApplicantsSelect';
import { intakeBody, intakeFieldName, type IntakeValues } from './intake';
import { IntakeFields } from './IntakeFields';

interface Values extends IntakeValues {
  applicants?: PickedApplicant[];
}

/** A respondent of the registry is a school or a department (the API refuses the rest). */
const notASchool = (o: Org) => !o.active || (o.kind !== 'school' && o.kind !== 'department');

/**
 * 登记维权案件: a handler takes in a case for one or more teachers. The form checks what the contract
 * says before sending; what only the server knows (a teacher or school outside the union, a date out of
 * order) comes back on its field.
 */
export function CaseIntakeDrawer({ onClose }: { onClose: (saved?: DisputeCase) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    const body = { ...intakeBody(v), applicantTeacherIds: (v.applicants ?? []).map((a) => a.value) };
    const checked = CreateCaseRequest.safeParse(body);
    if (!checked.success && applyZodIssues(form, checked.error.issues, t, intakeFieldName)) return;
    setBusy(true);
    try {
      const saved = await createCase(body);
      message.success(t('case.intake.created'));
      onClose(saved);
    } catch (err) {
      if (!applyServerErrors(form, err, intakeFieldName)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer title={t('case.intake.title')} size={760} form={form} busy={busy} onClose={() => onClose()}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ respondentKind: 'registry_school', wageArrearsOngoing: false }}
        onFinish={onFinish}
        scrollToFirstError
        aria-label={t('case.intake.title')}
      >
        <Divider titlePlacement="start">{t('case.intake.section.parties')}</Divider>
        <Form.Item
          label={t('case.intake.applicants')}
          name="applicants"
          extra={t('case.intake.applicantsHint')}
          rules={[
            { ...requiredChoice(t), type: 'array', min: 1, message: t('case.intake.applicantsRequired') },
          ]}
        >
          <ApplicantsSelect />
        </Form.Item>
        <IntakeFields form={form} school={<OrgTreeSelect disable={notASchool} style={{ width: '100%' }} />} />
        <Alert type="info" showIcon title={t('case.intake.sealed')} />
      </Form>
    </FormDrawer>
  );
}
