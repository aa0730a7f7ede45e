import { AUDIT_INDEXES } from '../lib/audit';
import { COMPLAINT_INDEXES } from '../lib/complaints/service';
import { DIRECTLINE_LOG_INDEXES } from '../lib/directline/log';
import { FAQ_FEEDBACK_INDEXES } from '../lib/faq/service';
import { FILE_INDEXES } from '../lib/files/fileStore';
import { HANDOFF_INDEXES } from '../lib/handoff/handoffs';
import { NOTE_INDEXES } from '../lib/handoff/notes';
import { TRANSCRIPT_INDEXES } from '../lib/handoff/transcript';
import { OFFICER_INDEXES } from '../lib/officers/accounts';
import { SESSION_INDEXES } from '../lib/officers/sessions';
import { SENSITIVE_PROMPT_INDEXES } from '../lib/privacy/sensitivePrompts';
import { BOT_STATE_INDEXES } from '../lib/store/botStorage';
import type { IndexSpec } from '../lib/store/types';

/** Every index the service needs: each feature's own list, handed to the store at start-up (lib/store/indexes.ts). */
export const SERVICE_INDEXES: readonly IndexSpec[] = [
  ...BOT_STATE_INDEXES,
  ...COMPLAINT_INDEXES,
  ...DIRECTLINE_LOG_INDEXES,
  ...SENSITIVE_PROMPT_INDEXES,
  ...FILE_INDEXES,
  ...HANDOFF_INDEXES,
  ...TRANSCRIPT_INDEXES,
  ...NOTE_INDEXES,
  ...OFFICER_INDEXES,
  ...SESSION_INDEXES,
  ...AUDIT_INDEXES,
  ...FAQ_FEEDBACK_INDEXES,
];
