import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { ReminderRuleDoc, type ActivityTypeCode, type Role } from '@guanai/contracts';
import { isMonthDay } from '@guanai/domain/programmes';
import { requiredChoice, requiredRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { applyZodIssues } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import {
  activityOptions,
  options,
  type Doc,
  type ReminderDoc,
  type TriggerKind,
} from '@/features/programmes/labels';
import {
  COMMON_YEARS,
  DEFAULT_HARDSHIP_DAYS,
  DEFAULT_HARDSHIP_TAG,
  REMINDER_ROLES,
  takesYears,
  yearsOf,
} from '@/features/programmes/triggers';

type Audience = ReminderDoc['audience'];
type Festival = Extract<ReminderDoc['trigger'], { kind: 'festival' }>['festival'];
type Anniversary = Extract<ReminderDoc['trigger'], { kind: 'anniversary' }>['anniversary'];

interface Values {
  name?: string;
  kind: TriggerKind;
  festival?: Festival;
  anniversary?: Anniversary;
  years?: string[];
  byMonthDay?: string;
  indicatorKey?: string;
  monthDay?: string;
  tag?: string;
  afterDays?: number;
  leadDays: number;
  audience: Audience;
  role?: Role;
  activityType?: ActivityTypeCode;
}

/** The care that usually answers a trigger, offered first (the officer may choose another or none). */
const SUGGESTED: Partial<Record<TriggerKind, ActivityTypeCode>> = {
  birthday: 'birthday_greeting',
  festival: 'festival_greeting',
  checkup_due: 'health_checkup',
  hardship_followup: 'visit',
  care_followup: 'visit',
};

function triggerFrom(v: Values): ReminderDoc['trigger'] {
  switch (v.kind) {
    case 'festival':
      return { kind: 'festival', festival: v.festival! };
    case 'anniversary': {
      const years = yearsOf(v.years ?? []);
      return takesYears(v.anniversary!)
        ? { kind: 'anniversary', anniversary: v.anniversary!, years }
        : { kind: 'anniversary', anniversary: v.anniversary! };
    }
    case 'checkup_due':
      return v.byMonthDay?.trim()
        ? { kind: 'checkup_due', byMonthDay: v.byMonthDay.trim() }
        : { kind: 'checkup_due' };
    case 'quota':
      return { kind: 'quota', indicatorKey: v.indicatorKey ?? '' };
    case 'deadline':
      return { kind: 'deadline', monthDay: v.monthDay?.trim() ?? '' };
    case 'hardship_followup':
      return { kind: 'hardship_followup', tag: v.tag?.trim() ?? '', afterDays: v.afterDays ?? 0 };
    case 'birthday':
    case 'care_followup':
      return { kind: v.kind };
  }
}

/** A rule path (`trigger.festival`) to the field holding it. */
const fieldOf = (path: (string | number)[]) => (path[0] === 'trigger' && path[1] ? [path[1]] : [path[0]!]);

/**
 * 新增自定义提醒: a rule of the union's own beside the programme's — its own festival, anniversary,
 * deadline or follow-up — with its lead time, whom it reminds and the care that answers it.
 */
export function CustomRuleModal({
  doc,
  ruleKey,
  onAdd,
  onClose,
}: {
  doc: Doc;
  /** A key no other rule of the programme uses. */
  ruleKey: string;
  onAdd: (rule: ReminderDoc) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const anniversary = Form.useWatch('anniversary', form);
  const audience = Form.useWatch('audience', form);
  const indicators = doc.areas.flatMap((a) =>
    a.measures.flatMap((m) => m.indicators.map((i) => ({ value: i.key, label: i.name || i.key }))),
  );
  const required = requiredChoice(t);
  const text = requiredRule(t);
  const monthDayRule = {
    validator: async (_r: unknown, v: string | undefined) => {
      const day = v?.trim();
      if (!day) return;
      if (!/^\d{2}-\d{2}$/.test(day)) throw new Error(t('validation.format'));
      if (!isMonthDay(day)) throw new Error(t('programme.problem.invalid_month_day'));
    },
  };

  const onFinish = (v: Values) => {
    const rule = {
      key: ruleKey,
      ...(v.name?.trim() ? { name: v.name.trim() } : {}),
      trigger: triggerFrom(v),
      leadDays: v.leadDays,
      audience: v.audience,
      ...(v.audience === 'role' && v.role ? { role: v.role } : {}),
      ...(v.activityType ? { activityType: v.activityType } : {}),
    };
    const checked = ReminderRuleDoc.safeParse(rule);
    if (!checked.success) {
      applyZodIssues(form, checked.error.issues, t, fieldOf);
      return;
    }
    onAdd(checked.data);
    onClose();
  };

  return (
    <FormModal<Values>
      title={t('reminder.rules.addTitle')}
      form={form}
      busy={false}
      onClose={onClose}
      onFinish={onFinish}
      okText={t('reminder.rules.add')}
      width={720}
      initialValues={{
        kind: 'deadline',
        festival: 'dragon_boat',
        anniversary: 'teaching_years',
        years: ['10', '20', '30'],
        tag: DEFAULT_HARDSHIP_TAG,
        afterDays: DEFAULT_HARDSHIP_DAYS,
        leadDays: 0,
        audience: 'tenant_officer',
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('programme.reminder.trigger')} name="kind" rules={[required]}>
            <Select
              options={options(t, 'trigger')}
              onChange={(k: TriggerKind) => {
                const suggested = SUGGESTED[k];
                if (!form.getFieldValue('activityType') && suggested)
                  form.setFieldValue('activityType', suggested);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('programme.reminder.name')}
            name="name"
            extra={t('programme.reminder.nameHint')}
            rules={kind === 'deadline' ? [text] : []}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        {kind === 'festival' && (
          <Col xs={24} md={12}>
            <Form.Item label={t('programme.reminder.festival')} name="festival" rules={[required]}>
              <Select options={options(t, 'festival')} />
            </Form.Item>
          </Col>
        )}
        {kind === 'anniversary' && (
          <Col xs={24} md={12}>
            <Form.Item label={t('programme.reminder.anniversary')} name="anniversary" rules={[required]}>
              <Select options={options(t, 'anniversary')} />
            </Form.Item>
          </Col>
        )}
        {kind === 'anniversary' && anniversary && takesYears(anniversary) && (
          <Col xs={24} md={12}>
            <Form.Item
              label={t('programme.reminder.years')}
              name="years"
              extra={t('programme.reminder.yearsHint')}
              rules={[
                {
                  validator: async (_r, v: string[] | undefined) => {
                    if (yearsOf(v ?? []).length === 0) throw new Error(t('programme.problem.years_required'));
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                placeholder={t('programme.reminder.yearsPlaceholder')}
                options={COMMON_YEARS.map((y) => ({ value: String(y), label: String(y) }))}
              />
            </Form.Item>
          </Col>
        )}
        {kind === 'checkup_due' && (
          <Col xs={24} md={12}>
            <Form.Item
              label={t('programme.reminder.byMonthDay')}
              name="byMonthDay"
              extra={t('programme.reminder.byMonthDayHint')}
              rules={[monthDayRule]}
            >
              <Input placeholder="10-31" maxLength={5} />
            </Form.Item>
          </Col>
        )}
        {kind === 'quota' && (
          <Col xs={24} md={12}>
            <Form.Item label={t('programme.reminder.indicator')} name="indicatorKey" rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={indicators} />
            </Form.Item>
          </Col>
        )}
        {kind === 'deadline' && (
          <Col xs={24} md={12}>
            <Form.Item
              label={t('programme.reminder.monthDay')}
              name="monthDay"
              extra={t('programme.monthDayHint')}
              rules={[text, monthDayRule]}
            >
              <Input placeholder="MM-DD" maxLength={5} />
            </Form.Item>
          </Col>
        )}
        {kind === 'hardship_followup' && (
          <>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('programme.reminder.tag')}
                name="tag"
                extra={t('programme.reminder.tagHint')}
                rules={[text]}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('programme.reminder.afterDays')}
                name="afterDays"
                extra={t('programme.reminder.afterDaysHint')}
                rules={[required]}
              >
                <InputNumber
                  min={1}
                  max={730}
                  precision={0}
                  suffix={t('programme.reminder.days')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            label={t('programme.reminder.leadDays')}
            name="leadDays"
            extra={t('programme.reminder.leadHint')}
            rules={[required]}
          >
            <InputNumber
              min={0}
              max={366}
              precision={0}
              suffix={t('programme.reminder.days')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('programme.reminder.audience')} name="audience" rules={[required]}>
            <Select options={options(t, 'audience')} />
          </Form.Item>
        </Col>
        {audience === 'role' && (
          <Col xs={24} md={12}>
            <Form.Item
              label={t('programme.reminder.role')}
              name="role"
              extra={t('programme.reminder.roleHint')}
              rules={[{ required: true, message: t('programme.problem.role_required') }]}
            >
              <Select options={REMINDER_ROLES.map((r) => ({ value: r, label: roleName(t, r) }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            label={t('programme.reminder.activityType')}
            name="activityType"
            extra={t('reminder.rules.activityHint')}
          >
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={activityOptions(lang)} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
