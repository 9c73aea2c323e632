import type { Doc } from '../labels';
import type { NodeRef, Path } from './doc';

/** What every node form of the editor gets: the draft and the ways to change it. */
export interface NodeFormProps {
  doc: Doc;
  /** Replaces the draft after an edit at `at` (the server's old errors there are dropped). */
  change: (at: Path, next: Doc) => void;
  /** A typed number that cannot be stored (letters, three decimals) blocks saving until fixed. */
  setFormatError: (path: Path, bad: boolean) => void;
  select: (ref: NodeRef) => void;
}
