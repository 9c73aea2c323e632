import { useMemo, useState } from 'react';
import { Alert, App, Modal, Spin, Typography } from 'antd';
import type { Programme } from '@guanai/contracts';
import { checkTenantTarget, diffTemplates } from '@guanai/domain/programmes';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { isStale, reloadProgramme, upgradeProgramme, useVersion, useVersions } from '../api';
import { ChangeList, ChangeSummary } from '../ChangeList';
import { cited, type Doc } from '../labels';

/** What the union's choices lose on the new version: targets whose indicator went or no longer fits, budgets whose measure went. */
function dropped(next: Doc, p: Programme) {
  const indicators = new Map(
    next.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i]))),
  );
  const measures = new Set(next.areas.flatMap((a) => a.measures.map((m) => m.key)));
  const oldIndicators = new Map(
    p.document.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i.name]))),
  );
  const oldMeasures = new Map(p.document.areas.flatMap((a) => a.measures.map((m) => [m.key, cited(m)])));
  return {
    targets: Object.entries(p.targets)
      .filter(([key, value]) => {
        const ind = indicators.get(key);
        return !ind || checkTenantTarget(ind, value) !== null;
      })
      .map(([key]) => oldIndicators.get(key) ?? key),
    budgets: Object.keys(p.budgets)
      .filter((key) => !measures.has(key))
      .map((key) => oldMeasures.get(key) ?? key),
  };
}

/** 升级: the changes from the adopted version to the newest, what of the union's choices no longer applies, then the move. */
export function UpgradeModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const versions = useVersions(programme.templateId);
  const latest = versions.data?.find((v) => v.number === programme.latestVersionNumber);
  const next = useVersion(latest?.id);
  const doc = next.data?.document;
  const changes = useMemo(
    () => (doc ? diffTemplates(programme.document, doc) : []),
    [doc, programme.document],
  );
  const lost = useMemo(() => (doc ? dropped(doc, programme) : null), [doc, programme]);

  const upgrade = async () => {
    if (!latest) return;
    setBusy(true);
    try {
      await upgradeProgramme(programme, latest.id);
      message.success(t('programme.upgrade.done', { n: latest.number }));
      onClose();
    } catch (err) {
      if (isStale(err)) {
        modal.confirm({
          title: t('programme.stale'),
          content: t('programme.staleHint'),
          okText: t('programme.editor.reload'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            await reloadProgramme(programme.id);
            onClose();
          },
        });
      } else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('programme.upgrade.title', {
        from: programme.versionNumber,
        to: programme.latestVersionNumber,
      })}
      okText={t('programme.upgrade.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !doc }}
      confirmLoading={busy}
      onOk={upgrade}
      onCancel={onClose}
    >
      {!doc ? (
        next.isError || versions.isError ? (
          <Alert type="error" showIcon title={errorMessage(next.error ?? versions.error)} />
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Typography.Paragraph>{t('programme.upgrade.hint')}</Typography.Paragraph>
          <ChangeSummary changes={changes} />
          <div className="change-scroll">
            <ChangeList changes={changes} before={programme.document} after={doc} />
          </div>
          {lost && (lost.targets.length > 0 || lost.budgets.length > 0) && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('programme.upgrade.dropped')}
              description={[
                lost.targets.length
                  ? t('programme.upgrade.droppedTargets', { list: lost.targets.join('、') })
                  : '',
                lost.budgets.length
                  ? t('programme.upgrade.droppedBudgets', { list: lost.budgets.join('、') })
                  : '',
              ]
                .filter(Boolean)
                .join('；')}
            />
          )}
        </>
      )}
    </Modal>
  );
}
