import type { ProgrammeTemplate } from '../types';
import { LEIYANG_TEMPLATE } from './leiyang';
import { ZHEJIANG_TEMPLATE } from './zhejiang';

/** The templates that ship with the platform; a province copies one to edit it. */
export const BUILTIN_TEMPLATES: readonly ProgrammeTemplate[] = [ZHEJIANG_TEMPLATE, LEIYANG_TEMPLATE];
