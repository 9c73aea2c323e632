import { ProgrammeDocument } from '@guanai/contracts';
import { BUILTIN_TEMPLATES } from './builtin/builtin-templates';
import { validateTemplate } from './template-rules';
import type { ProgrammeTemplate } from './types';

// The API accepts documents by the zod contract and checks them with validateTemplate; a document the
// contract yields must be a ProgrammeTemplate, and the built-in ones must pass both.
const asTemplate = (d: ProgrammeDocument): ProgrammeTemplate => d;

describe('the template contract and the domain agree', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.key, t] as const))('%s parses by the contract and has no problems', (_, t) => {
    const parsed = ProgrammeDocument.safeParse(t);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(validateTemplate(asTemplate(parsed.data!))).toEqual([]);
  });
});
