/** Profiles feature channels (owned by the profiles feature). */
import type { EventTable, RequestTable } from './define';

export const requests = {} satisfies RequestTable;
export const events = {} satisfies EventTable;
