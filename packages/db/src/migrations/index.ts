import { Spine1763800000000 } from './1763800000000-Spine';

/** In order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [Spine1763800000000];
