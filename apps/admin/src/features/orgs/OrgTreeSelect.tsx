import { TreeSelect } from 'antd';
import type { Org } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useOrgs } from './api';
import { buildOrgTree } from './tree';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Nodes that may not be picked (shown, greyed). */
  disable?: (org: Org) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** Picks one organisation in the user's scope; works as an antd form control. */
export function OrgTreeSelect({ id, value, onChange, disable, allowClear, placeholder, style }: Props) {
  const { t } = useI18n();
  const orgs = useOrgs();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={orgs.isPending}
      treeData={buildOrgTree(orgs.data ?? [], t, disable)}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="label"
      treeNodeLabelProp="label"
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
