import type { DirectLineLog } from '../directline/log';
import type { HandoffRepository } from '../handoff/handoffs';
import type { HandoffNotes } from '../handoff/notes';
import type { Transcript } from '../handoff/transcript';
import type { SensitivePrompts } from './sensitivePrompts';

/**
 * How long what citizens said is kept (PDPA: no longer than needed), and the purge that enforces it. Complaints
 * themselves are records of the centres' work and are not purged here; what is purged is the conversation
 * around them: the channel's log of what was said, and the officers' transcripts.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Direct Line activity logs (DIRECTLINE_RETENTION_DAYS). */
  directLineDays: number;
  /** Officers' transcripts and ended handoffs (TRANSCRIPT_RETENTION_DAYS). */
  transcriptDays: number;
}

export interface RetentionTargets {
  directLineLog: DirectLineLog;
  transcript: Transcript;
  /** Officers' internal notes: their words about a citizen's matter, kept as long as the transcripts. */
  notes: HandoffNotes;
  handoffs: HandoffRepository;
  prompts: SensitivePrompts;
}

export interface PurgeCounts {
  activities: number;
  conversations: number;
  messages: number;
  notes: number;
  handoffs: number;
  prompts: number;
}

/** Deletes everything older than the policy allows, as of `now`; returns what it deleted, by kind. */
export async function purgeExpired(targets: RetentionTargets, policy: RetentionPolicy, now: number): Promise<PurgeCounts> {
  const directLineCutoff = now - policy.directLineDays * DAY_MS;
  const transcriptCutoff = now - policy.transcriptDays * DAY_MS;
  const { activities, conversations } = await targets.directLineLog.purgeBefore(directLineCutoff);
  const messages = await targets.transcript.purgeBefore(transcriptCutoff);
  const notes = await targets.notes.purgeBefore(transcriptCutoff);
  const handoffs = await targets.handoffs.purgeEndedBefore(transcriptCutoff);
  // A question left unanswered for as long as a conversation is kept belongs to a conversation that is gone.
  const prompts = await targets.prompts.purgeBefore(directLineCutoff);
  return { activities, conversations, messages, notes, handoffs, prompts };
}
