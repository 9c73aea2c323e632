import { useEffect, useMemo } from 'react';
import { Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ActivityTypeCode, FieldError, Org } from '@guanai/contracts';
import { CreateCareRecordRequest } from '@guanai/contracts';
import { requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { OrgTreeSelect } from '@/features/orgs/OrgTreeSelect';
import { measureLabel, measuresOf, useAdoptedProgramme, useAdoptedProgrammes } from './api';
import { activityTypeOptions, carriesAmount } from './catalogue';
import { parseYuan } from './money';

const F = CreateCareRecordRequest.shape;
export const DATE = 'YYYY-MM-DD';

/** The activity's fields as the form holds them; the amount is the text typed, in yuan. */
export interface CareFieldValues {
  activityType?: ActivityTypeCode;
  orgId?: string;
  programmeId?: string | null;
  measureKey?: string | null;
  title?: string;
  occurredOn?: Dayjs;
  followUpOn?: Dayjs | null;
  amount?: string;
  notes?: string;
}

/** A unit that can do care work: a school or department, or a tenant union itself (not the province). */
const notAUnit = (o: Org) => !o.active || o.tenantId === null;

/**
 * The fields of a care record, shared by the quick entry form and the edit dialog: activity type (the
 * catalogue's Chinese names), unit, programme and measure (only measures that list the type), title,
 * date, amount in 元 for types that carry one, notes. `withOrg`: the unit is chosen only when creating.
 */
export function CareFields({ form, withOrg }: { form: FormInstance<CareFieldValues>; withOrg: boolean }) {
  const { t, lang } = useI18n();
  const activityType = Form.useWatch('activityType', form);
  const programmeId = Form.useWatch('programmeId', form);
  const programmes = useAdoptedProgrammes();
  const programme = useAdoptedProgramme(programmeId);
  const measures = useMemo(() => measuresOf(programme.data), [programme.data]);
  const fitting = useMemo(
    () => measures.filter((m) => !activityType || m.activityTypes.includes(activityType)),
    [measures, activityType],
  );
  const withAmount = carriesAmount(activityType);
  const required = { required: true, message: t('validation.required') };

  // A measure must list the type: when the type or programme changes, drop a measure that no longer
  // fits and suggest one — the only measure with an indicator that counts the type (a type such as
  // counselling is listed by several measures, but counted by one), else the only measure listing it.
  // Clearing it by hand stays cleared.
  useEffect(() => {
    if (!programme.data) return;
    const current = form.getFieldValue('measureKey') as string | null | undefined;
    if (current && !fitting.some((m) => m.key === current)) {
      form.setFieldValue('measureKey', null);
      return;
    }
    if (current || !activityType) return;
    const counting = fitting.filter((m) => m.indicators.some((i) => i.activityTypes.includes(activityType)));
    const only = counting.length === 1 ? counting[0] : fitting.length === 1 ? fitting[0] : undefined;
    if (only) form.setFieldValue('measureKey', only.key);
  }, [programme.data, fitting, activityType, form]);

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('care.activityType')} name="activityType" rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={activityTypeOptions(lang)}
            placeholder={t('care.activityType')}
          />
        </Form.Item>
      </Col>
      {withOrg && (
        <Col xs={24} md={12}>
          <Form.Item label={t('care.org')} name="orgId" rules={[required]} extra={t('care.orgHint')}>
            <OrgTreeSelect disable={notAUnit} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item label={t('care.programme')} name="programmeId">
          <Select
            allowClear
            loading={programmes.isPending}
            placeholder={t('care.noProgramme')}
            onChange={() => form.setFieldValue('measureKey', null)}
            options={(programmes.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.templateName}（${p.year}）`,
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('care.measure')}
          name="measureKey"
          extra={programmeId ? t('care.measureHint') : t('care.measureNeedsProgramme')}
        >
          <Select
            allowClear
            disabled={!programmeId}
            loading={programme.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={fitting.map((m) => ({ value: m.key, label: measureLabel(m) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={withOrg ? 12 : 24}>
        <Form.Item label={t('care.title')} name="title" rules={[requiredRule(t), zodRule(F.title, t)]}>
          <Input autoComplete="off" maxLength={200} placeholder={t('care.titlePlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('care.occurredOn')} name="occurredOn" rules={[required]}>
          <DatePicker format={DATE} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('care.followUpOn')}
          name="followUpOn"
          dependencies={['occurredOn']}
          extra={t('care.followUpOnHint')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs | null | undefined) => {
                const occurredOn = getFieldValue('occurredOn') as Dayjs | undefined;
                if (v && occurredOn && v.isBefore(occurredOn, 'day'))
                  throw new Error(t('care.followUpBeforeActivity'));
              },
            }),
          ]}
        >
          <DatePicker
            format={DATE}
            style={{ width: '100%' }}
            disabledDate={(d) => {
              const occurredOn = form.getFieldValue('occurredOn') as Dayjs | undefined;
              return occurredOn ? d.isBefore(occurredOn, 'day') : false;
            }}
          />
        </Form.Item>
      </Col>
      {withAmount && (
        <Col xs={24} md={12}>
          <Form.Item
            label={t('care.amount')}
            name="amount"
            extra={t('care.amountHint')}
            rules={[
              {
                validator: async (_r, v: string | undefined) => {
                  const parsed = parseYuan(v ?? '');
                  if (!parsed.ok)
                    throw new Error(
                      t(parsed.problem === 'format' ? 'care.amountFormat' : 'care.amountTooLarge'),
                    );
                },
              },
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" suffix={t('care.yuan')} style={{ maxWidth: 240 }} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item label={t('care.notes')} name="notes" rules={[zodRule(F.notes, t)]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The amount in fen the form says: 0 for a type that carries none (the field is hidden then). */
export function amountFenOf(v: CareFieldValues): number {
  if (!carriesAmount(v.activityType)) return 0;
  const parsed = parseYuan(v.amount ?? '');
  return parsed.ok ? parsed.fen : 0;
}

/** The notes to send: trimmed, null when blank. */
export const notesOf = (v: CareFieldValues): string | null => v.notes?.trim() || null;

/** The follow-up day to send, null when none. */
export const followUpOf = (v: CareFieldValues): string | null => v.followUpOn?.format(DATE) ?? null;

/** A request path (`amountFen`) to the form field that holds it. */
export function careFieldName(path: (string | number)[]): (string | number)[] {
  return path[0] === 'amountFen' ? ['amount'] : path;
}

const FIELDS = new Set([
  'activityType',
  'orgId',
  'programmeId',
  'measureKey',
  'title',
  'occurredOn',
  'followUpOn',
  'amount',
  'notes',
]);

/** The server's field errors about the activity (`body.title`, `body.amountFen`) on the form's fields. */
export function applyCareFieldErrors(form: FormInstance, errors: readonly FieldError[]): boolean {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const e of errors) {
    const [where, ...rest] = e.path.split('.');
    if (where !== 'body' || rest.length === 0) continue;
    const name = careFieldName(rest);
    if (!FIELDS.has(String(name[0]))) continue;
    fields.push({ name: [name[0]!], errors: [e.message] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
