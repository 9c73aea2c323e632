import { useState } from 'react';
import { App } from 'antd';
import type { FieldError } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import {
  buildSelection,
  NO_PARTICIPANTS,
  NO_PROBLEMS,
  participantProblems,
  type BuiltSelection,
  type ParticipantProblems,
  type ParticipantsValue,
  type PickedTeacher,
  type PickerTab,
} from './participants';

/**
 * The participant picker's state where care work is recorded (a new record, more people on one): who
 * was chosen, the server's problems with the last attempt, the open tab. Spread `pickerProps` on the
 * ParticipantsPicker.
 */
export function useParticipantsPicker(picked: PickedTeacher[] = []) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState<ParticipantsValue>(() => ({ ...NO_PARTICIPANTS, picked }));
  const [problems, setProblems] = useState<ParticipantProblems>(NO_PROBLEMS);
  const [tab, setTab] = useState<PickerTab>('search');

  const onChange = (next: ParticipantsValue) => {
    // Lines renumber when the text changes: the server's answer about the old ones no longer applies;
    // nor does its answer about a teacher no longer picked.
    setProblems((p) => ({
      byEntry: next.pasted === value.pasted ? p.byEntry : new Map(),
      byTeacher: new Map([...p.byTeacher].filter(([id]) => next.picked.some((x) => x.id === id))),
    }));
    setValue(next);
  };

  /** The selection to send; null, with the paste tab shown and a toast, while pasted lines are invalid. */
  const build = (): BuiltSelection | null => {
    const built = buildSelection(value);
    if (built.invalid === 0) return built;
    setTab('paste');
    message.error(t('care.pick.pasteInvalid', { n: built.invalid }));
    return null;
  };

  /** Puts the server's answer back on the lines and teachers it concerns; true if it had one. */
  const showProblems = (errors: readonly FieldError[], built: BuiltSelection): boolean => {
    const found = participantProblems(errors, built);
    if (!found.tab) return false;
    setProblems(found);
    setTab(found.tab);
    return true;
  };

  return { build, showProblems, pickerProps: { value, onChange, problems, tab, onTabChange: setTab } };
}
