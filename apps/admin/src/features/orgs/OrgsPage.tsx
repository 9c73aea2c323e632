import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Spin, Tree } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan, useCurrentUser } from '@/app/session';
import { useOrgs } from './api';
import { MoveOrgModal } from './MoveOrgModal';
import { OrgDetails, type OrgAction } from './OrgDetails';
import { OrgFormModal } from './OrgFormModal';
import { buildOrgTree } from './tree';

export function OrgsPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useCurrentUser();
  const orgs = useOrgs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [action, setAction] = useState<OrgAction | null>(null);
  const tree = useMemo(() => buildOrgTree(orgs.data ?? [], t), [orgs.data, t]);
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);
  const selected = (selectedId && byId.get(selectedId)) || tree[0]?.org;
  const close = () => setAction(null);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t('orgs.title')}>
          {orgs.isPending ? (
            <Spin />
          ) : tree.length === 0 ? (
            <Empty description={t('orgs.empty')} />
          ) : (
            <Tree
              aria-label={t('orgs.title')}
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={selected?.name ?? t('orgs.selectHint')}>
          {selected ? (
            <OrgDetails
              org={selected}
              parentName={selected.parentId ? byId.get(selected.parentId)?.name : undefined}
              canWrite={can('org.write')}
              manageable={!me.orgChain.some((o) => o.id === selected.id)}
              onAction={setAction}
            />
          ) : (
            <Empty description={t('orgs.selectHint')} />
          )}
        </Card>
      </Col>
      {selected && action === 'create' && (
        <OrgFormModal
          parent={selected}
          onClose={(o) => {
            close();
            if (o) setSelectedId(o.id);
          }}
        />
      )}
      {selected && action === 'rename' && <OrgFormModal org={selected} onClose={close} />}
      {selected && action === 'move' && <MoveOrgModal org={selected} onClose={close} />}
    </Row>
  );
}
