// What is wrong with the draft, by field path ("areas.0.measures.2.indicators.0.target"): the contract's
// shape (zod), the template rules (validateTemplate, the same the server runs) and the server's own
// field errors from the last save. Checked on every edit, so a problem shows where it is made.
import { createContext, useContext } from 'react';
import { ProgrammeDocument, type FieldError } from '@guanai/contracts';
import { validateTemplate, type TemplateProblemCode } from '@guanai/domain/programmes';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import type { Doc } from '../labels';
import { startsWith, type Path } from './doc';

export type Problems = Map<string, string[]>;

export const pathKey = (path: readonly (string | number)[]) => path.join('.');

export const parsePath = (key: string): Path =>
  key === '' ? [] : key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

function add(problems: Problems, path: readonly PropertyKey[], message: string) {
  const key = pathKey(path.filter((p): p is string | number => typeof p !== 'symbol'));
  const list = problems.get(key) ?? [];
  if (!list.includes(message)) list.push(message);
  problems.set(key, list);
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

function describe(issue: Issue, t: Translate): string {
  if (issue.message === 'KEY_FORMAT') return t('programme.keyHint');
  if (issue.message === 'MONTH_DAY_FORMAT') return t('programme.monthDayHint');
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.tooShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'array') return t('programme.problem.no_activity_types');
  if (issue.code === 'too_big' && issue.origin === 'array')
    return t('programme.tooMany', { max: Number(issue.maximum) });
  return t('validation.format');
}

/** The draft's own problems (shape and rules), in the current language. */
export function draftProblems(doc: Doc, t: Translate): Problems {
  const problems: Problems = new Map();
  const shape = ProgrammeDocument.safeParse(doc);
  if (!shape.success)
    for (const issue of shape.error.issues) add(problems, issue.path, describe(issue as Issue, t));
  for (const p of validateTemplate(doc))
    add(problems, p.path, t(`programme.problem.${p.code satisfies TemplateProblemCode}` as MessageKey));
  return problems;
}

/**
 * The server's field errors under `body.draft.` (the document) and `body.name` (the template's name,
 * which the editor keeps as the document's name), keyed like the draft's own.
 */
export function serverProblems(errors: readonly FieldError[]): Problems {
  const problems: Problems = new Map();
  for (const e of errors) {
    if (e.path.startsWith('body.draft.'))
      add(problems, parsePath(e.path.slice('body.draft.'.length)), e.message);
    else if (e.path === 'body.name') add(problems, ['name'], e.message);
    else if (e.path.startsWith('draft.')) add(problems, parsePath(e.path.slice('draft.'.length)), e.message);
  }
  return problems;
}

export function merge(...all: Problems[]): Problems {
  const out: Problems = new Map();
  for (const problems of all)
    for (const [k, list] of problems) for (const m of list) add(out, parsePath(k), m);
  return out;
}

/** Drops the problems at or below `prefix` (the node just edited: its old server errors no longer hold). */
export function without(problems: Problems, prefix: Path): Problems {
  return new Map([...problems].filter(([k]) => !startsWith(parsePath(k), prefix)));
}

/** How many problems sit at or below `prefix`, leaving out those below `except` prefixes. */
export function countAt(problems: Problems, prefix: Path, except: Path[] = []): number {
  let n = 0;
  for (const [k, list] of problems) {
    const path = parsePath(k);
    if (startsWith(path, prefix) && !except.some((e) => startsWith(path, e))) n += list.length;
  }
  return n;
}

export const ProblemsContext = createContext<Problems>(new Map());

export function useProblemsAt(path: Path): string[] {
  return useContext(ProblemsContext).get(pathKey(path)) ?? [];
}
