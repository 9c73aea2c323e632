import { useState } from 'react';
import {
  App,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CreateTeacherRequest,
  Honour,
  Tag as TagSchema,
  UpdateTeacherRequest,
  type Teacher,
} from '@guanai/contracts';
import { ApiError, applyFieldErrors, errorMessage } from '@/app/api/problem';
import { FormDrawer } from '@/app/FormDrawer';
import { applyZodIssues, requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { createTeacher, isStale, updateTeacher } from './api';
import { readIdNumber } from './idNumber';
import { RepeatedRows } from './RepeatedRows';
import { notASchool, options, type EnumValue } from './labels';
import { confirmStale } from './stale';

const F = CreateTeacherRequest.shape;
const DATE = 'YYYY-MM-DD';

interface Values {
  name: string;
  sex: EnumValue<'sex'>;
  idNumber?: string;
  birthDate: Dayjs;
  birthdayCalendar: EnumValue<'birthdayCalendar'>;
  phone?: string;
  ethnicity?: string;
  politicalStatus?: EnumValue<'politicalStatus'> | null;
  maritalStatus?: EnumValue<'maritalStatus'> | null;
  orgId?: string;
  employmentType: EnumValue<'employmentType'>;
  position: EnumValue<'position'>;
  positionSince?: Dayjs | null;
  subject?: string;
  stage: EnumValue<'stage'>;
  teachingSince: Dayjs;
  joinedSchoolOn?: Dayjs | null;
  backbone: boolean;
  retirementCategory: EnumValue<'retirementCategory'>;
  titles: { level: EnumValue<'title'>; since: Dayjs }[];
  unionStatus: EnumValue<'unionStatus'>;
  unionJoinedOn?: Dayjs | null;
  address?: string;
  healthNote?: string;
  tags: string[];
  honours: { name: string; year: number }[];
  notes?: string;
  previousPostings: { orgId: string; range: [Dayjs, Dayjs] }[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format(DATE) : null);
const text = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

/** The fields both requests share, from the form's values. */
function common(v: Values) {
  return {
    name: v.name,
    sex: v.sex,
    birthDate: day(v.birthDate)!,
    birthdayCalendar: v.birthdayCalendar,
    ethnicity: text(v.ethnicity),
    politicalStatus: v.politicalStatus ?? null,
    maritalStatus: v.maritalStatus ?? null,
    employmentType: v.employmentType,
    position: v.position,
    positionSince: day(v.positionSince),
    subject: text(v.subject),
    stage: v.stage,
    titles: (v.titles ?? []).map((r) => ({ level: r.level, since: day(r.since)! })),
    teachingSince: day(v.teachingSince)!,
    backbone: v.backbone ?? false,
    honours: (v.honours ?? []).map((h) => ({ name: h.name.trim(), year: h.year })),
    unionJoinedOn: day(v.unionJoinedOn),
    unionStatus: v.unionStatus,
    retirementCategory: v.retirementCategory,
    tags: (v.tags ?? []).map((s) => s.trim()).filter(Boolean),
    notes: text(v.notes),
  };
}

function initialValues(teacher: Teacher | undefined, defaultOrgId: string | undefined): Partial<Values> {
  if (!teacher) {
    return {
      orgId: defaultOrgId,
      birthdayCalendar: 'solar',
      employmentType: 'establishment',
      position: 'teacher',
      unionStatus: 'member',
      retirementCategory: 'cadre',
      backbone: false,
      titles: [],
      honours: [],
      tags: [],
      previousPostings: [],
    };
  }
  return {
    name: teacher.name,
    sex: teacher.sex,
    birthDate: dayjs(teacher.birthDate),
    birthdayCalendar: teacher.birthdayCalendar,
    ethnicity: teacher.ethnicity ?? undefined,
    politicalStatus: teacher.politicalStatus,
    maritalStatus: teacher.maritalStatus,
    employmentType: teacher.employmentType,
    position: teacher.position,
    positionSince: teacher.positionSince ? dayjs(teacher.positionSince) : null,
    subject: teacher.subject ?? undefined,
    stage: teacher.stage,
    teachingSince: dayjs(teacher.teachingSince),
    backbone: teacher.backbone,
    retirementCategory: teacher.retirementCategory,
    titles: teacher.titles.map((r) => ({ level: r.level, since: dayjs(r.since) })),
    unionStatus: teacher.unionStatus,
    unionJoinedOn: teacher.unionJoinedOn ? dayjs(teacher.unionJoinedOn) : null,
    tags: teacher.tags,
    honours: teacher.honours,
    notes: teacher.notes ?? undefined,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Create a teacher (no `teacher`) or edit one's record; the school changes only by a transfer. */
export function TeacherFormDrawer({
  teacher,
  onClose,
}: {
  teacher?: Teacher;
  onClose: (saved?: Teacher) => void;
}) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const editing = teacher !== undefined;
  const required = { required: true, message: t('validation.required') };
  const defaultOrgId = me.org.kind === 'school' || me.org.kind === 'department' ? me.org.id : undefined;
  const [initial] = useState(() => initialValues(teacher, defaultOrgId));

  // A valid ID number says the birth date and sex; fill them in (the server checks they agree anyway).
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.idNumber === undefined) return;
    const read = readIdNumber(changed.idNumber);
    if (!read) {
      setPrefilled(false);
      return;
    }
    form.setFieldsValue({ birthDate: dayjs(read.birthDate), sex: read.sex });
    void form.validateFields(['birthDate', 'sex']).catch(() => undefined);
    setPrefilled(true);
  };

  const showServerError = (err: unknown) => {
    if (teacher && isStale(err)) {
      confirmStale(modal, t, teacher.id, () => onClose());
      return;
    }
    if (applyFieldErrors(form, err)) return;
    // An ID number problem without a field path still belongs under the ID number.
    if (err instanceof ApiError && err.code.startsWith('ID_NUMBER')) {
      form.setFields([{ name: 'idNumber', errors: [errorMessage(err)] }]);
      return;
    }
    message.error(errorMessage(err));
  };

  const onFinish = async (v: Values) => {
    const renamePosting = (p: (string | number)[]) =>
      p[0] === 'previousPostings' && (p[2] === 'from' || p[2] === 'to') ? [p[0], p[1]!, 'range'] : p;
    setBusy(true);
    try {
      if (!teacher) {
        const body = {
          ...common(v),
          idNumber: v.idNumber ?? '',
          phone: text(v.phone),
          address: text(v.address),
          healthNote: text(v.healthNote),
          orgId: v.orgId ?? '',
          joinedSchoolOn: day(v.joinedSchoolOn) ?? undefined,
          previousPostings: (v.previousPostings ?? []).map((p) => ({
            orgId: p.orgId,
            from: day(p.range[0])!,
            to: day(p.range[1])!,
          })),
        };
        const checked = CreateTeacherRequest.safeParse(body);
        if (!checked.success) {
          applyZodIssues(form, checked.error.issues, t, renamePosting);
          return;
        }
        await createTeacher(checked.data);
        message.success(t('teachers.created'));
        onClose();
      } else {
        // Only what changed; blank sensitive fields keep their stored value (the form never had it).
        const before = common(initialValues(teacher, undefined) as Values);
        const after = common(v);
        const patch: Record<string, unknown> = {};
        for (const key of Object.keys(after) as (keyof typeof after)[]) {
          if (!same(before[key], after[key])) patch[key] = after[key];
        }
        for (const key of ['idNumber', 'phone', 'address', 'healthNote'] as const) {
          const value = text(v[key]);
          if (value !== null) patch[key] = value;
        }
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        const checked = UpdateTeacherRequest.safeParse({ ...patch, version: teacher.version });
        if (!checked.success) {
          applyZodIssues(form, checked.error.issues, t);
          return;
        }
        const { version: _version, ...body } = checked.data;
        const saved = await updateTeacher(teacher, body);
        message.success(t('teachers.updated'));
        onClose(saved);
      }
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const keep = (masked: string | null | undefined) =>
    editing ? (masked ? t('teachers.keepBlank', { masked }) : t('teachers.keepBlankNone')) : undefined;
  const dateProps = { style: { width: '100%' }, format: DATE } as const;

  return (
    <FormDrawer
      title={t(editing ? 'teachers.editTitle' : 'teachers.createTitle')}
      size={760}
      form={form}
      busy={busy}
      onClose={() => onClose()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        initialValues={initial}
        scrollToFirstError
        aria-label={t(editing ? 'teachers.editTitle' : 'teachers.createTitle')}
      >
        <Divider titlePlacement="start">{t('teachers.section.basic')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.name')} name="name" rules={[requiredRule(t), zodRule(F.name, t)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('teacher.idNumber')}
              name="idNumber"
              rules={[
                ...(editing ? [] : [requiredRule(t)]),
                zodRule(F.idNumber, t, t('validation.idNumber')),
              ]}
              extra={prefilled ? t('teachers.idPrefilled') : undefined}
            >
              <Input
                autoComplete="off"
                maxLength={18}
                placeholder={keep(teacher?.idNumberMasked)}
                style={{ fontFamily: 'monospace' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('teacher.birthDate')} name="birthDate" rules={[required]}>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label={t('teacher.birthdayCalendar')}
              name="birthdayCalendar"
              rules={[required]}
              tooltip={t('teacher.birthdayCalendarHint')}
            >
              <Select options={options(t, 'birthdayCalendar')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.sex')} name="sex" rules={[required]}>
              <Select options={options(t, 'sex')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('teacher.phone')}
              name="phone"
              rules={[zodRule(F.phone, t, t('validation.phone'))]}
            >
              <Input autoComplete="off" maxLength={11} placeholder={keep(teacher?.phoneMasked)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.ethnicity')} name="ethnicity" rules={[zodRule(F.ethnicity, t)]}>
              <Input autoComplete="off" placeholder="汉族" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.politicalStatus')} name="politicalStatus">
              <Select allowClear options={options(t, 'politicalStatus')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.maritalStatus')} name="maritalStatus">
              <Select allowClear options={options(t, 'maritalStatus')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('teachers.section.work')}</Divider>
        <Row gutter={16}>
          {!editing && (
            <Col xs={24} md={12}>
              <Form.Item label={t('teacher.org')} name="orgId" rules={[required]}>
                <OrgTreeSelect disable={notASchool} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.employmentType')} name="employmentType" rules={[required]}>
              <Select options={options(t, 'employmentType')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.position')} name="position" rules={[required]}>
              <Select options={options(t, 'position')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('teacher.positionSince')}
              name="positionSince"
              tooltip={t('teacher.positionSinceHint')}
            >
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.stage')} name="stage" rules={[required]}>
              <Select options={options(t, 'stage')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.subject')} name="subject" rules={[zodRule(F.subject, t)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.teachingSince')} name="teachingSince" rules={[required]}>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24} md={12}>
              <Form.Item
                label={t('teacher.joinedSchoolOn')}
                name="joinedSchoolOn"
                extra={t('teacher.joinedSchoolOnHint')}
              >
                <DatePicker {...dateProps} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.retirementCategory')} name="retirementCategory" rules={[required]}>
              <Select options={options(t, 'retirementCategory')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.backbone')} name="backbone" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Text strong>{t('teacher.titles')}</Typography.Text>
        <RepeatedRows name="titles" addLabel={t('teachers.addTitle')}>
          {(name) => (
            <>
              <Form.Item name={[name, 'level']} rules={[required]}>
                <Select
                  aria-label={t('teacher.title')}
                  placeholder={t('teacher.title')}
                  style={{ width: 160 }}
                  options={options(t, 'title')}
                />
              </Form.Item>
              <Form.Item name={[name, 'since']} rules={[required]}>
                <DatePicker aria-label={t('teacher.titleSince')} placeholder={t('teacher.titleSince')} />
              </Form.Item>
            </>
          )}
        </RepeatedRows>

        {!editing && (
          <>
            <Typography.Text strong>{t('teacher.previousPostings')}</Typography.Text>{' '}
            <Typography.Text type="secondary">{t('teacher.previousPostingsHint')}</Typography.Text>
            <RepeatedRows name="previousPostings" addLabel={t('teachers.addPosting')} wrap>
              {(name) => (
                <>
                  <Form.Item name={[name, 'orgId']} rules={[required]}>
                    <OrgTreeSelect disable={notASchool} placeholder={t('teacher.org')} />
                  </Form.Item>
                  <Form.Item name={[name, 'range']} rules={[required]}>
                    <DatePicker.RangePicker
                      placeholder={[t('teacher.postingFrom'), t('teacher.postingTo')]}
                    />
                  </Form.Item>
                </>
              )}
            </RepeatedRows>
          </>
        )}

        <Divider titlePlacement="start">{t('teachers.section.union')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.unionStatus')} name="unionStatus" rules={[required]}>
              <Select options={options(t, 'unionStatus')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('teacher.unionJoinedOn')} name="unionJoinedOn">
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('teachers.section.other')}</Divider>
        <Form.Item label={t('teacher.address')} name="address" rules={[zodRule(F.address, t)]}>
          <Input autoComplete="off" placeholder={keep(teacher?.addressMasked)} />
        </Form.Item>
        <Form.Item label={t('teacher.healthNote')} name="healthNote" rules={[zodRule(F.healthNote, t)]}>
          <Input.TextArea
            rows={2}
            placeholder={
              editing && teacher?.hasHealthNote ? t('teachers.keepBlank', { masked: '***' }) : undefined
            }
          />
        </Form.Item>
        <Form.Item
          label={t('teacher.tags')}
          name="tags"
          rules={[
            {
              validator: async (_r, value: string[] | undefined) => {
                if ((value ?? []).some((s) => !TagSchema.safeParse(s).success))
                  throw new Error(t('validation.tooLong', { max: 20 }));
              },
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('teacher.tagsPlaceholder')} />
        </Form.Item>

        <Typography.Text strong>{t('teacher.honours')}</Typography.Text>
        <RepeatedRows
          name="honours"
          addLabel={t('teachers.addHonour')}
          newRow={() => ({ year: dayjs().year() })}
        >
          {(name) => (
            <>
              <Form.Item name={[name, 'name']} rules={[requiredRule(t), zodRule(Honour.shape.name, t)]}>
                <Input
                  aria-label={t('teacher.honourName')}
                  placeholder={t('teacher.honourName')}
                  style={{ width: 300 }}
                />
              </Form.Item>
              <Form.Item name={[name, 'year']} rules={[required]}>
                <InputNumber
                  aria-label={t('teacher.honourYear')}
                  placeholder={t('teacher.honourYear')}
                  min={1949}
                  max={2100}
                  precision={0}
                />
              </Form.Item>
            </>
          )}
        </RepeatedRows>

        <Form.Item label={t('teacher.notes')} name="notes" rules={[zodRule(F.notes, t)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
