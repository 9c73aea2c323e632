import { useState } from 'react';
import { Alert, App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import {
  CASE_DOCUMENT_ACCEPT,
  CASE_DOCUMENT_MAX_BYTES,
  type CaseDocument,
  type CaseDocumentKind,
} from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import type { Translate } from '@/app/i18n/lang';

export const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

export const kindLabel = (t: Translate, kind: CaseDocumentKind) => t(`caseDocs.kind.${kind}`);

/**
 * One upload at a time, and why the last one was refused: the server's own message (wrong type,
 * extension not matching the content, case ended…) stays on screen until the next try. A file over
 * 20 MB is stopped here, before its bytes travel.
 */
export function useUploader(send: (file: File) => Promise<CaseDocument>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; detail?: string } | null>(null);

  const upload = async (file: File) => {
    setRefusal(null);
    if (file.size > CASE_DOCUMENT_MAX_BYTES) {
      setRefusal({ title: t('caseDocs.tooLarge', { name: file.name }) });
      return;
    }
    setBusy(true);
    try {
      const d = await send(file);
      message.success(t('caseDocs.uploaded', { name: d.fileName }));
    } catch (err) {
      setRefusal({ title: t('caseDocs.refused', { name: file.name }), detail: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const alert = refusal && (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => setRefusal(null) }}
      title={refusal.title}
      description={refusal.detail}
      style={{ marginBottom: 12 }}
    />
  );
  return { busy, upload, alert };
}

/** A file picker that hands the file over instead of posting it (the API call carries the token). */
export function UploadButton({
  label,
  busy,
  onFile,
}: {
  label: string;
  busy: boolean;
  onFile: (file: File) => void;
}) {
  return (
    <Upload
      showUploadList={false}
      accept={CASE_DOCUMENT_ACCEPT}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        {label}
      </Button>
    </Upload>
  );
}
