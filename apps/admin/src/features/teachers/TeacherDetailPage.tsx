import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { EditOutlined, LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';
import { RecordNotLoaded } from '@/app/RecordNotLoaded';
import { useCan } from '@/app/session';
import { TeacherCareSection } from '@/features/care/TeacherCareSection';
import { TeacherRecordActions } from '@/features/teacher-requests/TeacherRecordActions';
import { useTeacher } from './api';
import { lastListUrl } from './query';
import { RetireModal, TransferModal } from './LifecycleModals';
import { TeacherHeader, TeacherRecordSections } from './RecordSections';
import { TeacherFormDrawer } from './TeacherFormDrawer';

type Action = 'edit' | 'transfer' | 'retire';

export function TeacherDetailPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const teacher = useTeacher(id);
  const navigate = useNavigate();
  const [action, setAction] = useState<Action | null>(null);
  // Back to the list as it was last seen (its filters and page live in the URL).
  const back = <Button onClick={() => navigate(lastListUrl())}>{t('teachers.backToList')}</Button>;

  if (!teacher.isSuccess)
    return (
      <RecordNotLoaded
        query={teacher}
        notFound={t('teachers.notFound')}
        notFoundHint={t('teachers.notFoundHint')}
        back={back}
      />
    );

  const x = teacher.data;
  const canWrite = can('teacher.write');
  const active = x.status === 'active';
  const close = () => setAction(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <TeacherHeader
        teacher={x}
        actions={
          <>
            {canWrite && (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setAction('edit')}>
                  {t('common.edit')}
                </Button>
                {active && (
                  <Button icon={<SwapOutlined />} onClick={() => setAction('transfer')}>
                    {t('teachers.transfer')}
                  </Button>
                )}
                {active && (
                  <Button icon={<LogoutOutlined />} onClick={() => setAction('retire')}>
                    {t('teachers.retire')}
                  </Button>
                )}
              </>
            )}
            <TeacherRecordActions teacher={x} />
            {back}
          </>
        }
      />

      <TeacherRecordSections
        teacher={x}
        canReveal={can('teacher.reveal')}
        canWrite={canWrite}
        linkRelatives
      />

      <Card title={t('teachers.section.care')}>
        <TeacherCareSection teacherId={x.id} />
      </Card>

      {action === 'edit' && <TeacherFormDrawer teacher={x} onClose={close} />}
      {action === 'transfer' && <TransferModal teacher={x} onClose={close} />}
      {action === 'retire' && <RetireModal teacher={x} onClose={close} />}
    </Space>
  );
}
