import { Tag } from 'antd';
import type { ComplianceStatus } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';

/** 达标 green, 正常推进 blue, 有风险 orange, 未达标 red: the same everywhere, charts included. */
export const STATUS_COLOR: Record<ComplianceStatus, string> = {
  met: '#52c41a',
  on_track: '#1677ff',
  at_risk: '#fa8c16',
  missed: '#f5222d',
};

const STATUS_TAG: Record<ComplianceStatus, string> = {
  met: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  missed: 'error',
};

export const statusName = (t: Translate, s: ComplianceStatus) => t(`compliance.status.${s}`);

export function StatusTag({ status, t }: { status: ComplianceStatus; t: Translate }) {
  return (
    <Tag color={STATUS_TAG[status]} style={{ marginInlineEnd: 0 }}>
      {statusName(t, status)}
    </Tag>
  );
}
