/**
 * Shared facts of the Microsoft Project XML (MSPDI) exchange: see `msproject-write.ts` for the
 * file Pursuit writes and `msproject-read.ts` for what it accepts.
 */
import type { LinkType } from '@shared/schedule/model';

export const MSP_NAMESPACE = 'http://schemas.microsoft.com/project';

/** Working minutes in a day of the files Pursuit writes (and the default when a file omits it). */
export const MINUTES_PER_DAY = 480;

/** MS Project's field id of Text30, which carries a Pursuit milestone's kind. */
export const KIND_FIELD_ID = 188744016;
export const KIND_FIELD_ALIAS = 'Pursuit milestone kind';

/** PredecessorLink/Type codes: 0 finish-to-finish, 1 finish-to-start, 2 start-to-finish, 3 start-to-start. */
export const LINK_TYPE_CODES: Readonly<Record<LinkType, number>> = { FF: 0, FS: 1, SS: 3 };

/** The largest plan a file may bring in. */
export const MAX_IMPORT_TASKS = 5_000;
