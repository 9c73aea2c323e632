import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { Org } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import { kindName } from '@/app/labels';

export interface OrgNode {
  key: string;
  value: string;
  title: ReactNode;
  /** Plain name, for TreeSelect's search and its selected label. */
  label: string;
  org: Org;
  disabled?: boolean;
  children: OrgNode[];
}

/**
 * The API answers a flat list in the caller's scope; a node whose parent is outside that scope is a
 * root here. Siblings keep the server's order.
 */
export function buildOrgTree(orgs: Org[], t: Translate, disable?: (org: Org) => boolean): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs) {
    nodes.set(org.id, {
      key: org.id,
      value: org.id,
      label: org.name,
      org,
      disabled: disable?.(org),
      title: (
        <span className={org.active ? undefined : 'org-inactive'}>
          {org.name}{' '}
          <Tag variant="filled" style={{ marginInlineStart: 4 }}>
            {kindName(t, org.kind)}
          </Tag>
          {!org.active && <Tag>{t('orgs.inactive')}</Tag>}
        </span>
      ),
      children: [],
    });
  }
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The node and everything below it, to keep a move from cutting the tree. */
export function subtreeIds(orgs: Org[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
  }
  return ids;
}
