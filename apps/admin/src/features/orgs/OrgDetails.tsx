import { App, Button, Descriptions, Popconfirm, Space, Tag } from 'antd';
import type { Org } from '@guanai/contracts';
import { allowedChildKinds } from '@guanai/domain/orgs';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { kindName } from '@/app/labels';
import { setOrgActive } from './api';
import { SchoolSupervisionHistory } from '@/features/supervision/SchoolSupervisionHistory';

export type OrgAction = 'create' | 'rename' | 'move';

interface Props {
  org: Org;
  parentName?: string;
  canWrite: boolean;
  /** False for the user's own organisation: the API lets one manage only what lies below one's own. */
  manageable: boolean;
  onAction: (action: OrgAction) => void;
}

export function OrgDetails({ org, parentName, canWrite, manageable, onAction }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const toggle = async () => {
    try {
      await setOrgActive(org, !org.active);
      message.success(t(org.active ? 'orgs.deactivated' : 'orgs.activated'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const childKinds = allowedChildKinds(org.kind);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('orgs.name'), children: org.name },
          { key: 'kind', label: t('orgs.kind'), children: kindName(t, org.kind) },
          { key: 'code', label: t('orgs.code'), children: org.code ?? '—' },
          { key: 'parent', label: t('orgs.parent'), children: parentName ?? '—' },
          ...(org.kind === 'school'
            ? [
                {
                  key: 'rural',
                  label: t('orgs.rural'),
                  children: org.rural ? t('common.yes') : t('common.no'),
                },
              ]
            : []),
          {
            key: 'status',
            label: t('orgs.status'),
            children: org.active ? (
              <Tag color="green">{t('orgs.active')}</Tag>
            ) : (
              <Tag>{t('orgs.inactive')}</Tag>
            ),
          },
        ]}
      />
      {canWrite && (
        <Space wrap>
          <Button
            type="primary"
            onClick={() => onAction('create')}
            disabled={childKinds.length === 0 || !org.active}
            title={childKinds.length === 0 ? t('orgs.noChildKinds') : undefined}
          >
            {t('orgs.create')}
          </Button>
          <Button onClick={() => onAction('rename')} disabled={!manageable}>
            {t('orgs.rename')}
          </Button>
          <Button onClick={() => onAction('move')} disabled={!manageable}>
            {t('orgs.move')}
          </Button>
          <Popconfirm
            disabled={!manageable}
            title={t(org.active ? 'orgs.deactivateConfirm' : 'orgs.activateConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={toggle}
          >
            <Button danger={org.active} disabled={!manageable}>
              {t(org.active ? 'orgs.deactivate' : 'orgs.activate')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {/* Labour-law supervision: the school's visits and findings (renders nothing without supervision.read). */}
      {org.kind === 'school' && <SchoolSupervisionHistory orgId={org.id} />}
    </Space>
  );
}
