import { Button, Card, Col, Empty, Input, InputNumber, Popconfirm, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { activityOptions, options, type ReminderDoc } from '../labels';
import { COMMON_YEARS, REMINDER_ROLES, takesYears, triggerOf, yearsOf } from '../triggers';
import { freeKey, indicatorKeys, reminderKeys, updateMeasure, type Path } from './doc';
import { Field } from './Field';
import type { NodeFormProps } from './types';

/**
 * A measure's reminder rules: what starts the clock (a birthday, a festival, a career anniversary, a
 * check-up falling due, a target not yet met, a day of the year, a teacher in hardship not visited, a
 * care record's follow-up), how many days before, whom it reminds (a named role among them) and which
 * activity answers it.
 */
export function ReminderRules({ doc, change, a, m }: NodeFormProps & { a: number; m: number }) {
  const { t, lang } = useI18n();
  const measure = doc.areas[a]!.measures[m]!;
  const at: Path = ['areas', a, 'measures', m, 'reminderRules'];
  const setRules = (rules: ReminderDoc[], where: Path = at) =>
    change(
      where,
      updateMeasure(doc, a, m, (x) => ({ ...x, reminderRules: rules })),
    );
  const setRule = (r: number, fn: (rule: ReminderDoc) => ReminderDoc) =>
    setRules(
      measure.reminderRules.map((rule, n) => (n === r ? fn(rule) : rule)),
      [...at, r],
    );
  const indicators = doc.areas.flatMap((area) =>
    area.measures.flatMap((x) => x.indicators.map((i) => ({ value: i.key, label: i.name || i.key }))),
  );
  const activities = activityOptions(lang, measure.activityTypes);

  const add = () =>
    setRules([
      ...measure.reminderRules,
      {
        key: freeKey(reminderKeys(doc), 'reminder'),
        trigger: { kind: 'birthday' },
        leadDays: 0,
        audience: 'school_officer',
        ...(measure.activityTypes[0] ? { activityType: measure.activityTypes[0] } : {}),
      },
    ]);

  return (
    <>
      {measure.reminderRules.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programme.reminder.empty')} />
      )}
      {measure.reminderRules.map((rule, r) => {
        const p = [...at, r];
        const tr = rule.trigger;
        return (
          <Card
            key={r}
            size="small"
            className="reminder-card"
            title={t('programme.reminder.title', { n: r + 1 })}
            extra={
              <Popconfirm
                title={t('programme.reminder.removeConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => setRules(measure.reminderRules.filter((_, n) => n !== r))}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />}>
                  {t('programme.editor.remove')}
                </Button>
              </Popconfirm>
            }
          >
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Field path={[...p, 'trigger', 'kind']} label={t('programme.reminder.trigger')} required>
                  {(id) => (
                    <Select
                      id={id}
                      value={tr.kind}
                      options={options(t, 'trigger')}
                      onChange={(kind) =>
                        setRule(r, (x) => ({ ...x, trigger: triggerOf(kind, indicatorKeys(doc)[0] ?? '') }))
                      }
                    />
                  )}
                </Field>
              </Col>
              {tr.kind === 'festival' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'festival']}
                    label={t('programme.reminder.festival')}
                    required
                  >
                    {(id) => (
                      <Select
                        id={id}
                        value={tr.festival}
                        options={options(t, 'festival')}
                        onChange={(festival) =>
                          setRule(r, (x) => ({ ...x, trigger: { kind: 'festival', festival } }))
                        }
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'anniversary' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'anniversary']}
                    label={t('programme.reminder.anniversary')}
                    required
                  >
                    {(id) => (
                      <Select
                        id={id}
                        value={tr.anniversary}
                        options={options(t, 'anniversary')}
                        onChange={(anniversary) =>
                          setRule(r, (x) => ({
                            ...x,
                            // Counted anniversaries keep the years typed so far; the fixed ones take none.
                            trigger: takesYears(anniversary)
                              ? { kind: 'anniversary', anniversary, years: tr.years ?? [10, 20, 30] }
                              : { kind: 'anniversary', anniversary },
                          }))
                        }
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'anniversary' && takesYears(tr.anniversary) && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'years']}
                    label={t('programme.reminder.years')}
                    required
                    extra={t('programme.reminder.yearsHint')}
                  >
                    {(id) => (
                      <Select
                        id={id}
                        mode="tags"
                        value={(tr.years ?? []).map(String)}
                        placeholder={t('programme.reminder.yearsPlaceholder')}
                        options={COMMON_YEARS.map((y) => ({ value: String(y), label: String(y) }))}
                        onChange={(values: string[]) =>
                          setRule(r, (x) => {
                            const years = yearsOf(values);
                            return {
                              ...x,
                              trigger: {
                                kind: 'anniversary',
                                anniversary: tr.anniversary,
                                ...(years.length ? { years } : {}),
                              },
                            };
                          })
                        }
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'quota' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'indicatorKey']}
                    label={t('programme.reminder.indicator')}
                    required
                  >
                    {(id) => (
                      <Select
                        id={id}
                        value={tr.indicatorKey || undefined}
                        options={indicators}
                        onChange={(indicatorKey) =>
                          setRule(r, (x) => ({ ...x, trigger: { kind: 'quota', indicatorKey } }))
                        }
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'deadline' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'monthDay']}
                    label={t('programme.reminder.monthDay')}
                    required
                    extra={t('programme.monthDayHint')}
                  >
                    {(id) => (
                      <Input
                        id={id}
                        value={tr.monthDay}
                        placeholder="MM-DD"
                        onChange={(e) =>
                          setRule(r, (x) => ({
                            ...x,
                            trigger: { kind: 'deadline', monthDay: e.target.value.trim() },
                          }))
                        }
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'checkup_due' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'trigger', 'byMonthDay']}
                    label={t('programme.reminder.byMonthDay')}
                    extra={t('programme.reminder.byMonthDayHint')}
                  >
                    {(id) => (
                      <Input
                        id={id}
                        value={tr.byMonthDay ?? ''}
                        placeholder="10-31"
                        onChange={(e) => {
                          const byMonthDay = e.target.value.trim();
                          setRule(r, (x) => ({
                            ...x,
                            trigger: byMonthDay
                              ? { kind: 'checkup_due', byMonthDay }
                              : { kind: 'checkup_due' },
                          }));
                        }}
                      />
                    )}
                  </Field>
                </Col>
              )}
              {tr.kind === 'hardship_followup' && (
                <>
                  <Col xs={24} md={8}>
                    <Field
                      path={[...p, 'trigger', 'tag']}
                      label={t('programme.reminder.tag')}
                      required
                      extra={t('programme.reminder.tagHint')}
                    >
                      {(id) => (
                        <Input
                          id={id}
                          value={tr.tag}
                          maxLength={20}
                          onChange={(e) =>
                            setRule(r, (x) => ({ ...x, trigger: { ...tr, tag: e.target.value } }))
                          }
                        />
                      )}
                    </Field>
                  </Col>
                  <Col xs={24} md={8}>
                    <Field
                      path={[...p, 'trigger', 'afterDays']}
                      label={t('programme.reminder.afterDays')}
                      required
                      extra={t('programme.reminder.afterDaysHint')}
                    >
                      {(id) => (
                        <InputNumber
                          id={id}
                          value={tr.afterDays}
                          min={1}
                          max={730}
                          precision={0}
                          suffix={t('programme.reminder.days')}
                          style={{ width: '100%' }}
                          onChange={(v) =>
                            setRule(r, (x) => ({
                              ...x,
                              trigger: { ...tr, afterDays: typeof v === 'number' ? v : 1 },
                            }))
                          }
                        />
                      )}
                    </Field>
                  </Col>
                </>
              )}
              <Col xs={24} md={8}>
                <Field
                  path={[...p, 'leadDays']}
                  label={t('programme.reminder.leadDays')}
                  required
                  extra={t('programme.reminder.leadHint')}
                >
                  {(id) => (
                    <InputNumber
                      id={id}
                      value={rule.leadDays}
                      min={0}
                      max={366}
                      precision={0}
                      suffix={t('programme.reminder.days')}
                      style={{ width: '100%' }}
                      onChange={(v) => setRule(r, (x) => ({ ...x, leadDays: typeof v === 'number' ? v : 0 }))}
                    />
                  )}
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field path={[...p, 'audience']} label={t('programme.reminder.audience')} required>
                  {(id) => (
                    <Select
                      id={id}
                      value={rule.audience}
                      options={options(t, 'audience')}
                      onChange={(audience) =>
                        // Only a named role takes a role (validateTemplate: role_unexpected otherwise).
                        setRule(r, ({ role: _drop, ...x }) => ({
                          ...x,
                          audience,
                          ...(audience === 'role' && rule.role ? { role: rule.role } : {}),
                        }))
                      }
                    />
                  )}
                </Field>
              </Col>
              {rule.audience === 'role' && (
                <Col xs={24} md={8}>
                  <Field
                    path={[...p, 'role']}
                    label={t('programme.reminder.role')}
                    required
                    extra={t('programme.reminder.roleHint')}
                  >
                    {(id) => (
                      <Select<Role>
                        id={id}
                        value={rule.role}
                        options={REMINDER_ROLES.map((role) => ({ value: role, label: roleName(t, role) }))}
                        onChange={(role) => setRule(r, (x) => ({ ...x, role }))}
                      />
                    )}
                  </Field>
                </Col>
              )}
              <Col xs={24} md={8}>
                <Field
                  path={[...p, 'activityType']}
                  label={t('programme.reminder.activityType')}
                  extra={t('programme.reminder.activityTypeHint')}
                >
                  {(id) => (
                    <Select
                      id={id}
                      allowClear
                      value={rule.activityType}
                      options={activities}
                      onChange={(code?: ReminderDoc['activityType']) =>
                        setRule(r, ({ activityType: _drop, ...x }) =>
                          code ? { ...x, activityType: code } : x,
                        )
                      }
                    />
                  )}
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field
                  path={[...p, 'name']}
                  label={t('programme.reminder.name')}
                  extra={t('programme.reminder.nameHint')}
                >
                  {(id) => (
                    <Input
                      id={id}
                      value={rule.name ?? ''}
                      maxLength={60}
                      onChange={(e) =>
                        setRule(r, ({ name: _drop, ...x }) =>
                          e.target.value ? { ...x, name: e.target.value } : x,
                        )
                      }
                    />
                  )}
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field path={[...p, 'key']} label={t('programme.key')} required>
                  {(id) => (
                    <Input
                      id={id}
                      value={rule.key}
                      onChange={(e) => setRule(r, (x) => ({ ...x, key: e.target.value }))}
                    />
                  )}
                </Field>
              </Col>
            </Row>
          </Card>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={add}>
        {t('programme.reminder.add')}
      </Button>
    </>
  );
}
