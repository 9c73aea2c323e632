import { useState } from 'react';
import { App, Button, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CreateSupervisionVisitRequest, SUPERVISION_CHECKS, type SupervisionVisit } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { applyZodIssues, requiredChoice, requiredRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import {
  createSupervisionVisit,
  isStale,
  lastOwnership,
  reloadSupervision,
  updateSupervisionVisit,
} from './api';
import { checkName, findingSubjectOptions, ownershipOptions, resultOptions } from './labels';
import {
  DATE,
  findingsAfterMarking,
  newVisitValues,
  visitRequestOf,
  visitValuesOf,
  type VisitValues,
} from './visitForm';

/**
 * 登记/编辑监督检查: the school and the visit, the four checks (合规 / 发现问题 / 未检查, with a note),
 * the findings and the deadline to rectify by. Marking a check as a finding adds a row to describe it;
 * without findings there is no deadline.
 */
export function VisitDrawer({
  visit,
  schoolId,
  onClose,
}: {
  /** The visit to edit; none to record a new one. */
  visit?: SupervisionVisit;
  /** A new visit's school, when opened from the school's page. */
  schoolId?: string;
  onClose: (saved?: SupervisionVisit) => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const [busy, setBusy] = useState(false);
  const [initial] = useState<VisitValues>(() => (visit ? visitValuesOf(visit) : newVisitValues(schoolId)));
  const findings = Form.useWatch('findings', form) ?? initial.findings;
  const hasFindings = findings.length > 0;

  const onValuesChange = (changed: Partial<VisitValues>, all: VisitValues) => {
    if (changed.checks) {
      const rows = findingsAfterMarking(all.checks, all.findings ?? []);
      if (rows) form.setFieldValue('findings', rows);
    }
    // The school's ownership as last recorded, to start a new visit with (the inspectors confirm it).
    if (changed.schoolId && !visit)
      void lastOwnership(changed.schoolId)
        .then((o) => o && !form.getFieldValue('schoolOwnership') && form.setFieldValue('schoolOwnership', o))
        .catch(() => undefined);
  };

  const onFinish = async (v: VisitValues) => {
    const body = visitRequestOf({ ...v, schoolId: visit?.schoolId ?? v.schoolId });
    const checked = CreateSupervisionVisitRequest.safeParse(body);
    if (!checked.success && applyZodIssues(form, checked.error.issues, t)) return;
    setBusy(true);
    try {
      const { schoolId: _school, ...fields } = body;
      const saved = visit ? await updateSupervisionVisit(visit, fields) : await createSupervisionVisit(body);
      message.success(t(visit ? 'supervision.updated' : 'supervision.created'));
      onClose(saved);
    } catch (err) {
      if (isStale(err)) {
        onClose();
        modal.confirm({
          title: t('supervision.stale'),
          content: t('supervision.staleHint'),
          okText: t('supervision.reload'),
          cancelText: t('common.cancel'),
          onOk: () => reloadSupervision(),
        });
      } else if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDrawer
      title={t(visit ? 'supervision.drawer.edit' : 'supervision.drawer.create')}
      size={760}
      form={form}
      busy={busy}
      onClose={() => onClose()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        scrollToFirstError
        aria-label={t(visit ? 'supervision.drawer.edit' : 'supervision.drawer.create')}
      >
        <Divider titlePlacement="start">{t('supervision.drawer.section.visit')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            {visit ? (
              // The school stays as recorded.
              <Form.Item label={t('supervision.school')}>
                <Input value={visit.schoolName} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('supervision.school')}
                name="schoolId"
                rules={[requiredChoice(t)]}
                extra={t('supervision.drawer.schoolHint')}
              >
                <OrgTreeSelect disable={(o) => o.kind !== 'school'} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              label={t('supervision.ownership')}
              name="schoolOwnership"
              rules={[requiredChoice(t)]}
              tooltip={t('supervision.drawer.ownershipHint')}
            >
              <Radio.Group optionType="button" options={ownershipOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('supervision.visitedOn')} name="visitedOn" rules={[requiredChoice(t)]}>
              <DatePicker
                format={DATE}
                style={{ width: '100%' }}
                disabledDate={(d: Dayjs) => d.isAfter(new Date(), 'day')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              label={t('supervision.inspectors')}
              name="inspectors"
              rules={[requiredChoice(t)]}
              extra={t('supervision.inspectorsHint')}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('supervision.drawer.section.checks')}</Divider>
        {SUPERVISION_CHECKS.map((c) => (
          <Row gutter={16} key={c} align="top">
            <Col xs={24} md={12}>
              <Form.Item label={checkName(t, c)} name={['checks', c, 'result']} rules={[requiredChoice(t)]}>
                <Radio.Group optionType="button" options={resultOptions(t)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('supervision.checkNote')} name={['checks', c, 'note']}>
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        ))}

        <Divider titlePlacement="start">{t('supervision.drawer.section.findings')}</Divider>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }} wrap>
                  <Form.Item
                    name={[name, 'check']}
                    label={t('supervision.findingCheck')}
                    rules={[requiredChoice(t)]}
                  >
                    <Select options={findingSubjectOptions(t)} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'description']}
                    label={t('supervision.findingDescription')}
                    rules={[requiredRule(t)]}
                  >
                    <Input.TextArea autoSize maxLength={2000} style={{ width: 380 }} />
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label={t('supervision.removeFinding')}
                    onClick={() => remove(name)}
                  />
                </Space>
              ))}
              <Form.Item>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ check: 'other', description: '' })}
                >
                  {t('supervision.addFinding')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item
          label={t('supervision.rectifyBy')}
          name="rectifyBy"
          required={hasFindings}
          dependencies={['findings', 'visitedOn']}
          extra={hasFindings ? t('supervision.rectifyByHint') : t('supervision.rectifyByNeedsFindings')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value: Dayjs | null) => {
                if (!(getFieldValue('findings') ?? []).length) return;
                if (!value) throw new Error(t('validation.required'));
                const visited: Dayjs | undefined = getFieldValue('visitedOn');
                if (visited && value.isBefore(visited, 'day'))
                  throw new Error(t('supervision.rectifyByBeforeVisit'));
              },
            }),
          ]}
        >
          <DatePicker format={DATE} disabled={!hasFindings} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
