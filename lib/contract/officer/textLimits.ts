/**
 * The longest texts the officer API takes: a reply, a note, a status change's note. A module of its own, with no
 * schema, so that the officer app counts with the service's limits without bundling zod (the schemas that
 * enforce them import these: conversations.ts, complaints.ts).
 */

/** An officer's reply. */
export const MAX_REPLY_LENGTH = 4000;
/** An internal note, and a note given with a transfer. */
export const MAX_NOTE_LENGTH = 2000;
/** The note a status change tells the citizen. */
export const MAX_STATUS_NOTE_LENGTH = 1000;
