import type { ReactNode } from 'react';
import { Checkbox, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { SubmitMyCaseRequest } from '@guanai/contracts';
import { requiredChoice, requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { parseYuan } from '@/features/care/money';
import { todayInShanghai } from '../days';
import { categoryOptions } from '../labels';
import { DATE, type IntakeValues, type RespondentKind } from './intake';

const F = SubmitMyCaseRequest.shape;
const KINDS: RespondentKind[] = ['registry_school', 'private_school', 'outside_employer'];

/** After today in Shanghai: the date the teacher knew cannot lie in the future. */
export const afterToday = (d: Dayjs) => d.format(DATE) > todayInShanghai();

/**
 * Against whom and what a dispute is about (under 请求与事实), shared by the handler's intake and the teacher's own request: the respondent
 * (a school of the registry — `school` is its picker — a private school or an outside employer by name),
 * category, the claim in 元, other claims, the facts, the date the teacher knew, wages still owed.
 */
export function IntakeFields({ form, school }: { form: FormInstance<IntakeValues>; school: ReactNode }) {
  const { t } = useI18n();
  const kind = Form.useWatch('respondentKind', form);
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item label={t('case.intake.respondentKind')} name="respondentKind" rules={[requiredChoice(t)]}>
          <Radio.Group
            options={KINDS.map((k) => ({ value: k, label: t(`case.respondentKind.${k}`) }))}
            optionType="button"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        {kind === 'registry_school' ? (
          <Form.Item
            label={t('case.intake.respondentSchool')}
            name="respondentOrgId"
            rules={[requiredChoice(t)]}
          >
            {school}
          </Form.Item>
        ) : (
          <Form.Item
            label={t('case.intake.respondentName')}
            name="respondentName"
            rules={[requiredRule(t), { max: 200, message: t('validation.tooLong', { max: 200 }) }]}
          >
            <Input maxLength={200} placeholder={t('case.intake.respondentNamePlaceholder')} />
          </Form.Item>
        )}
      </Col>
      <Col span={24}>
        <Divider titlePlacement="start">{t('case.intake.section.claims')}</Divider>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('case.category')} name="category" rules={[requiredChoice(t)]}>
          <Select options={categoryOptions(t)} placeholder={t('case.category')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('case.claimedShort')}
          name="claimed"
          extra={t('case.intake.claimedHint')}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                const parsed = parseYuan(v ?? '');
                if (!parsed.ok)
                  throw new Error(
                    t(
                      parsed.problem === 'format' ? 'case.intake.amountFormat' : 'case.intake.amountTooLarge',
                    ),
                  );
              },
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" suffix={t('case.yuan')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label={t('case.intake.otherClaims')}
          name="otherClaims"
          rules={[zodRule(F.otherClaims, t)]}
        >
          <Input.TextArea rows={2} maxLength={10_000} placeholder={t('case.intake.otherClaimsPlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label={t('case.intake.facts')} name="facts" rules={[requiredRule(t), zodRule(F.facts, t)]}>
          <Input.TextArea rows={5} maxLength={10_000} placeholder={t('case.intake.factsPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('case.intake.knewOn')}
          name="knewOn"
          extra={t('case.intake.knewOnHint')}
          rules={[
            requiredChoice(t),
            {
              validator: async (_r, v: Dayjs | null | undefined) => {
                if (v && afterToday(v)) throw new Error(t('case.intake.knewOnFuture'));
              },
            },
          ]}
        >
          <DatePicker format={DATE} disabledDate={afterToday} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="wageArrearsOngoing"
          valuePropName="checked"
          extra={t('case.intake.wageArrearsOngoingHint')}
          label=" "
          colon={false}
        >
          <Checkbox>{t('case.intake.wageArrearsOngoing')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
