import { useTypedQuery } from '@/app/useTypedQuery';
import { Select } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useApplicantCandidates } from '../api';

export interface PickedApplicant {
  value: string;
  label: string;
}

/**
 * 申请人: teachers of the registry found by name as it is typed (as the care record's participant picker
 * does), several allowed. A form control: the value keeps each teacher's label, so namesakes stay told
 * apart (school and masked ID number) after the search moves on.
 */
export function ApplicantsSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: PickedApplicant[];
  onChange?: (value: PickedApplicant[]) => void;
}) {
  const { t } = useI18n();
  // Retired teachers may still claim against a former employer; every status is offered.
  const { typed, setTyped, q } = useTypedQuery();
  const found = useApplicantCandidates(q);
  return (
    <Select<PickedApplicant[]>
      id={id}
      mode="multiple"
      labelInValue
      style={{ width: '100%' }}
      value={value ?? []}
      onChange={(chosen) => onChange?.(chosen.map((c) => ({ value: c.value, label: String(c.label) })))}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onBlur={() => setTyped('')}
      placeholder={t('case.intake.applicantsPlaceholder')}
      loading={found.isFetching}
      notFoundContent={q ? t('teachers.empty') : null}
      options={(found.data?.items ?? []).map((x) => ({
        value: x.id,
        label: `${x.name}（${x.orgName}，${x.idNumberMasked}）`,
      }))}
      maxCount={50}
    />
  );
}
