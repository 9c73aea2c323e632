import { Button, Card, Col, Empty, Input, InputNumber, Popconfirm, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '@/app/i18n/I18nProvider';
import { activityOptions, options, type ReminderDoc, type TriggerKind } from '../labels';
import { freeKey, indicatorKeys, reminderKeys, updateMeasure, type Path } from './doc';
import { Field } from './Field';
import type { NodeFormProps } from './types';

type Trigger = ReminderDoc['trigger'];

/** A trigger of another kind, with its parameter set to a sensible first value. */
function triggerOf(kind: TriggerKind, firstIndicator: string): Trigger {
  switch (kind) {
    case 'festival':
      return { kind, festival: 'teachers_day' };
    case 'anniversary':
      return { kind, anniversary: 'retirement' };
    case 'quota':
      return { kind, indicatorKey: firstIndicator };
    case 'deadline':
      return { kind, monthDay: '01-01' };
    default:
      return { kind };
  }
}

/**
 * A measure's reminder rules: what starts the clock (a birthday, a festival, a career anniversary, a
 * check-up falling due, a target not yet met, a day of the year), how many days before or after, whom
 * it reminds and which activity answers it.
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
        offsetDays: 0,
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
              <Col xs={24} md={8}>
                {tr.kind === 'festival' && (
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
                )}
                {tr.kind === 'anniversary' && (
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
                          setRule(r, (x) => ({ ...x, trigger: { kind: 'anniversary', anniversary } }))
                        }
                      />
                    )}
                  </Field>
                )}
                {tr.kind === 'quota' && (
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
                )}
                {tr.kind === 'deadline' && (
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
                )}
              </Col>
              <Col xs={24} md={8}>
                <Field
                  path={[...p, 'offsetDays']}
                  label={t('programme.reminder.offsetDays')}
                  required
                  extra={t('programme.reminder.offsetHint')}
                >
                  {(id) => (
                    <InputNumber
                      id={id}
                      value={rule.offsetDays}
                      min={-366}
                      max={366}
                      precision={0}
                      suffix={t('programme.reminder.days')}
                      style={{ width: '100%' }}
                      onChange={(v) =>
                        setRule(r, (x) => ({ ...x, offsetDays: typeof v === 'number' ? v : 0 }))
                      }
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
                      onChange={(audience) => setRule(r, (x) => ({ ...x, audience }))}
                    />
                  )}
                </Field>
              </Col>
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
