import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Template } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { fetchDraftDiff, publishTemplate, TEMPLATES_KEY, useVersion, useVersions } from '../api';
import { ChangeList, ChangeSummary } from '../ChangeList';

/**
 * 发布: what the saved draft changes against the latest published version (the server's diff), a note
 * for the version, and the publish itself. A version never changes once published.
 */
export function PublishModal({
  template,
  onClose,
  onPublished,
}: {
  template: Template;
  onClose: () => void;
  onPublished: (number: number) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const diff = useQuery({
    queryKey: [...TEMPLATES_KEY, 'diff', template.id, template.version],
    queryFn: () => fetchDraftDiff(template.id),
    staleTime: 0,
  });
  const versions = useVersions(template.id);
  const latestId = versions.data?.find((v) => v.number === template.latestVersion)?.id;
  const latest = useVersion(latestId);
  const changes = diff.data?.changes ?? [];

  const publish = async () => {
    setBusy(true);
    try {
      const v = await publishTemplate(template, note);
      message.success(t('programme.publish.done', { n: v.number }));
      onPublished(v.number);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('programme.publish.title', { name: template.name })}
      okText={t('programme.publish.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !diff.data || changes.length === 0 }}
      confirmLoading={busy}
      onOk={publish}
      onCancel={onClose}
    >
      {diff.isPending ? (
        <Spin />
      ) : diff.isError ? (
        <Alert type="error" showIcon title={errorMessage(diff.error)} />
      ) : (
        <>
          <Typography.Paragraph>
            {diff.data.against === null
              ? t('programme.publish.first')
              : t('programme.publish.against', { n: diff.data.against, next: diff.data.against + 1 })}
          </Typography.Paragraph>
          <ChangeSummary changes={changes} />
          <div className="change-scroll">
            <ChangeList changes={changes} before={latest.data?.document} after={template.draft} />
          </div>
          {changes.length === 0 && <Alert type="info" showIcon title={t('programme.publish.nothing')} />}
          <Form layout="vertical" component="div" style={{ marginTop: 16 }}>
            <Form.Item
              label={t('programme.publish.note')}
              htmlFor="publish-note"
              extra={t('programme.publish.noteHint')}
            >
              <Input.TextArea
                id="publish-note"
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 5 }}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
