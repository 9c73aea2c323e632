import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AdoptProgrammeRequest,
  BuiltinTemplateList,
  CreateTemplateRequest,
  DraftDiff,
  Programme,
  ProgrammeDocument,
  ProgrammeList,
  ProgrammeVersion,
  ProgrammeVersionList,
  Template,
  TemplateList,
  UpdateProgrammeRequest,
} from '@guanai/contracts';
import type { z } from 'zod';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

export type BuiltinTemplate = z.infer<typeof BuiltinTemplateList>['items'][number];
export type TemplateSummary = z.infer<typeof TemplateList>['items'][number];
export type VersionSummary = z.infer<typeof ProgrammeVersionList>['items'][number];
export type ProgrammeSummary = z.infer<typeof ProgrammeList>['items'][number];
export type Change = z.infer<typeof DraftDiff>['changes'][number];
export type Diff = z.infer<typeof DraftDiff>;

export const TEMPLATES_KEY = ['programme-templates'] as const;
export const VERSIONS_KEY = ['programme-versions'] as const;
export const PROGRAMMES_KEY = ['programmes'] as const;

// --- templates (the province's) ---

export function useBuiltinTemplates() {
  return useQuery({
    queryKey: ['builtin-templates'],
    queryFn: async () => (await api.get<z.infer<typeof BuiltinTemplateList>>('/builtin-templates')).items,
    staleTime: Infinity,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'list'],
    queryFn: async () => (await api.get<z.infer<typeof TemplateList>>('/programme-templates')).items,
  });
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'one', id],
    queryFn: () => api.get<Template>(`/programme-templates/${id}`),
    // The editor holds its own copy of the draft: a background refetch must not look like a change.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

function templateChanged(tpl: Template): Template {
  queryClient.setQueryData([...TEMPLATES_KEY, 'one', tpl.id], tpl);
  void queryClient.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'list'] });
  return tpl;
}

export const createTemplate = (body: CreateTemplateRequest) =>
  api.post<Template>('/programme-templates', body).then(templateChanged);

export const saveDraft = (tpl: Template, draft: ProgrammeDocument) =>
  api
    .put<Template>(`/programme-templates/${tpl.id}/draft`, { version: tpl.version, name: draft.name, draft })
    .then(templateChanged);

export const reloadTemplate = (id: string) =>
  queryClient.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'one', id] });

export const fetchDraftDiff = (id: string) => api.get<Diff>(`/programme-templates/${id}/diff`);

export const publishTemplate = (tpl: Template, note: string) =>
  api
    .post<ProgrammeVersion>(`/programme-templates/${tpl.id}/publish`, {
      version: tpl.version,
      note: note.trim() || undefined,
    })
    .then(async (v) => {
      await reloadTemplate(tpl.id);
      void queryClient.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: VERSIONS_KEY });
      return v;
    });

// --- published versions (the province's and those above; never change) ---

export function useVersions(templateId?: string) {
  return useQuery({
    queryKey: [...VERSIONS_KEY, 'list', templateId ?? null],
    queryFn: async () =>
      (await api.get<z.infer<typeof ProgrammeVersionList>>('/programme-versions', { templateId })).items,
  });
}

export function useVersion(id: string | null | undefined) {
  return useQuery({
    queryKey: [...VERSIONS_KEY, 'one', id],
    queryFn: () => api.get<ProgrammeVersion>(`/programme-versions/${id}`),
    enabled: !!id,
    // A published version never changes.
    staleTime: Infinity,
  });
}

// --- programmes (a union's, per year) ---

export type ProgrammesQuery = { year?: number; orgId?: string; templateId?: string };

export function useProgrammes(query: ProgrammesQuery = {}, enabled = true) {
  return useQuery({
    queryKey: [...PROGRAMMES_KEY, 'list', query],
    queryFn: async () => (await api.get<z.infer<typeof ProgrammeList>>('/programmes', query)).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: [...PROGRAMMES_KEY, 'one', id],
    queryFn: () => api.get<Programme>(`/programmes/${id}`),
  });
}

function programmeChanged(p: Programme): Programme {
  queryClient.setQueryData([...PROGRAMMES_KEY, 'one', p.id], p);
  void queryClient.invalidateQueries({ queryKey: [...PROGRAMMES_KEY, 'list'] });
  return p;
}

export const adoptProgramme = (body: AdoptProgrammeRequest) =>
  api.post<Programme>('/programmes', body).then(programmeChanged);

export const updateProgramme = (p: Programme, body: Omit<UpdateProgrammeRequest, 'version'>) =>
  api.patch<Programme>(`/programmes/${p.id}`, { ...body, version: p.version }).then(programmeChanged);

export const upgradeProgramme = (p: Programme, versionId: string) =>
  api
    .post<Programme>(`/programmes/${p.id}/upgrade`, { version: p.version, versionId })
    .then(programmeChanged);

export const reloadProgramme = (id: string) =>
  queryClient.invalidateQueries({ queryKey: [...PROGRAMMES_KEY, 'one', id] });

/** Someone saved first: the copy carries a newer version than the one edited. */
export function isStale(err: unknown): boolean {
  // Only STALE_VERSION: other 409s (a key or a year already taken) belong on their fields.
  return err instanceof ApiError && err.code === 'STALE_VERSION';
}
