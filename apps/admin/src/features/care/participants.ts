import type { FieldError } from '@guanai/contracts';
import type { TeacherFilters } from '@/features/teachers/query';
import {
  idNumbersToSend,
  parsePastedIds,
  serverProblemsByEntry,
  serverProblemsByTeacher,
  type PastedId,
} from './pastedIds';

// Who took part in care work, as the participant picker holds it, and the request's selection made of it.

export interface PickedTeacher {
  id: string;
  name: string;
  orgName?: string;
}

/** Who took part, chosen three ways at once (the server takes the union). */
export interface ParticipantsValue {
  picked: PickedTeacher[];
  useFilter: boolean;
  filter: TeacherFilters;
  /** The pasted text as typed; parsed on every change. */
  pasted: string;
}

export const NO_PARTICIPANTS: ParticipantsValue = { picked: [], useFilter: false, filter: {}, pasted: '' };

export type PickerTab = 'search' | 'filter' | 'paste';

/** What the server said about the participants of the last attempt, by where they came from. */
export interface ParticipantProblems {
  byEntry: Map<number, string>;
  byTeacher: Map<string, string>;
}

export const NO_PROBLEMS: ParticipantProblems = { byEntry: new Map(), byTeacher: new Map() };

/**
 * The filter as the contract takes it: the teacher list's query strings ('true'/'false' for the yes/no
 * filters, as in a URL), without empty keys.
 */
export function filterBody(filter: TeacherFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'boolean' ? String(v) : (v as string | number);
  }
  return out;
}

export interface BuiltSelection {
  selection: { teacherIds: string[]; idNumbers: string[]; filter?: Record<string, string | number> };
  entries: PastedId[];
  /** Index of the pasted entry behind each sent ID number. */
  entryIndex: number[];
  invalid: number;
  empty: boolean;
}

export function buildSelection(v: ParticipantsValue): BuiltSelection {
  const entries = parsePastedIds(v.pasted);
  const { idNumbers, entryIndex } = idNumbersToSend(entries);
  const teacherIds = v.picked.map((p) => p.id);
  return {
    selection: { teacherIds, idNumbers, ...(v.useFilter ? { filter: filterBody(v.filter) } : {}) },
    entries,
    entryIndex,
    invalid: entries.filter((e) => e.problem !== null).length,
    empty: teacherIds.length === 0 && idNumbers.length === 0 && !v.useFilter,
  };
}

/** The server's 422 about participants, mapped back to the pasted lines and picked teachers. */
export function participantProblems(
  errors: readonly FieldError[],
  built: BuiltSelection,
): ParticipantProblems & { tab: PickerTab | null } {
  const byEntry = serverProblemsByEntry(errors, built.entryIndex);
  const byTeacher = serverProblemsByTeacher(errors, built.selection.teacherIds);
  return { byEntry, byTeacher, tab: byEntry.size ? 'paste' : byTeacher.size ? 'search' : null };
}
