import { useState } from 'react';
import { Button, Form, Input, Radio, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { AddFamilyLinkRequest, Name, type Teacher } from '@guanai/contracts';
import { applyZodIssues, requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useFormSubmit } from '@/app/useFormSubmit';
import { addFamilyLink } from './api';
import { label, options, type EnumValue } from './labels';
import { teacherOption, useTeacherSearch } from './useTeacherSearch';

type FamilyLink = Teacher['family'][number];

/**
 * 家庭关系: the links behind 教师之家 and 教师世家 (Leiyang 4). A relative on file links to their record
 * where `linkRelatives` (not on a teacher's own record: they may not open others').
 */
export function FamilySection({
  teacher,
  canWrite,
  linkRelatives,
}: {
  teacher: Teacher;
  canWrite: boolean;
  linkRelatives: boolean;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Table<FamilyLink>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={teacher.family}
        locale={{ emptyText: t('teachers.family.empty') }}
        columns={[
          { title: t('teachers.family.kind'), key: 'kind', render: (_, f) => label(t, 'family', f.kind) },
          {
            title: t('teachers.family.name'),
            key: 'name',
            render: (_, f) =>
              f.relativeId && linkRelatives ? (
                <Link to={`/teachers/${f.relativeId}`}>{f.relativeName}</Link>
              ) : (
                f.relativeName
              ),
          },
          {
            title: t('teachers.family.inEducation'),
            key: 'inEducation',
            render: (_, f) => (f.inEducation ? <Tag color="blue">{t('common.yes')}</Tag> : t('common.no')),
          },
          { title: t('teachers.family.note'), key: 'note', render: (_, f) => f.note ?? '—' },
        ]}
      />
      {canWrite && (
        <Button style={{ marginTop: 12 }} icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('teachers.family.add')}
        </Button>
      )}
      {adding && <AddRelativeModal teacher={teacher} onClose={() => setAdding(false)} />}
    </>
  );
}

interface Values {
  kind: EnumValue<'family'>;
  source: 'teacher' | 'outside';
  relativeId?: string;
  relativeName?: string;
  inEducation?: boolean;
  note?: string;
}

function AddRelativeModal({ teacher, onClose }: { teacher: Teacher; onClose: () => void }) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<Values>(onClose);
  const source = Form.useWatch('source', form) ?? 'teacher';
  const required = { required: true, message: t('validation.required') };

  const onFinish = async (v: Values) => {
    const body =
      v.source === 'teacher'
        ? { kind: v.kind, relativeId: v.relativeId }
        : {
            kind: v.kind,
            relativeName: v.relativeName,
            inEducation: v.inEducation ?? false,
            note: v.note?.trim() || undefined,
          };
    const checked = AddFamilyLinkRequest.safeParse(body);
    if (!checked.success) {
      applyZodIssues(form, checked.error.issues, t);
      return;
    }
    await submit(() => addFamilyLink(teacher, checked.data), t('teachers.family.added'));
  };

  return (
    <FormModal
      title={t('teachers.family.addTitle')}
      form={form}
      busy={busy}
      onClose={onClose}
      onFinish={onFinish}
      initialValues={{ source: 'teacher', inEducation: true }}
    >
      <Form.Item label={t('teachers.family.kind')} name="kind" rules={[required]}>
        <Select options={options(t, 'family')} />
      </Form.Item>
      <Form.Item label={t('teachers.family.source')} name="source">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'teacher', label: t('teachers.family.sourceTeacher') },
            { value: 'outside', label: t('teachers.family.sourceOutside') },
          ]}
        />
      </Form.Item>
      {source === 'teacher' ? (
        <Form.Item label={t('teachers.family.teacher')} name="relativeId" rules={[required]}>
          <TeacherSearchSelect exclude={teacher.id} />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            label={t('teachers.family.name')}
            name="relativeName"
            rules={[requiredRule(t), zodRule(Name, t)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('teachers.family.inEducation')} name="inEducation" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label={t('teachers.family.note')} name="note">
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** Finds a teacher in scope by name (server search, debounced); works as a form control. */
function TeacherSearchSelect({
  id,
  value,
  onChange,
  exclude,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  exclude: string;
}) {
  const { t } = useI18n();
  const { setTyped, q, found } = useTeacherSearch();
  const opts = (found.data?.items ?? []).filter((x) => x.id !== exclude).map(teacherOption);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('teachers.family.teacherPlaceholder')}
      loading={found.isFetching}
      notFoundContent={q ? t('teachers.empty') : null}
      options={opts}
    />
  );
}
