import { useQuery } from '@tanstack/react-query';
import type { CareAttachment } from '@guanai/contracts';
import { api, download } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

const key = (recordId: string) => ['care-records', 'attachments', recordId] as const;

export function useAttachments(recordId: string) {
  return useQuery({
    queryKey: key(recordId),
    queryFn: async () =>
      (await api.get<{ items: CareAttachment[] }>(`/care-records/${recordId}/attachments`)).items,
  });
}

const reload = (recordId: string) => queryClient.invalidateQueries({ queryKey: key(recordId) });

export const uploadAttachment = (recordId: string, file: File) =>
  api.upload<CareAttachment>(`/care-records/${recordId}/attachments`, file, 'file', file.name).then((a) => {
    void reload(recordId);
    return a;
  });

export const downloadAttachment = (recordId: string, a: CareAttachment) =>
  download(`/care-records/${recordId}/attachments/${a.id}`, a.fileName);

export const removeAttachment = (recordId: string, id: string, reason: string) =>
  api
    .post<{ ok: true }>(`/care-records/${recordId}/attachments/${id}/delete`, { reason })
    .then(() => reload(recordId));
