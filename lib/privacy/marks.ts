import type { SensitiveInput } from './sensitiveInput';

/**
 * Marks the bot puts on its own outgoing messages, read by whatever writes messages down (a channel's activity
 * log, the officers' transcript) and never sent or stored themselves: they are kept under a symbol, which
 * copying an activity with `{...activity}` keeps and JSON drops.
 *
 * - `expects`: the message asks a sensitive question, so the citizen's next message is kept only masked.
 * - `secrets`: values the citizen is shown once (an anonymous filer's PIN on the receipt, their phone number on
 *   the summary) that are written down only as `shownAs`.
 */

export interface ShownOnce {
  value: string;
  shownAs: string;
}

export interface PrivacyMark {
  expects?: SensitiveInput;
  secrets?: readonly ShownOnce[];
}

const PRIVACY = Symbol('privacy');

/**
 * The turn-state key under which the privacy middleware leaves the answer to a sensitive question as typed,
 * for the one step that asked it; the activity itself then carries the masked answer.
 */
export const SENSITIVE_ANSWER = Symbol('sensitiveAnswer');

type Markable = object & { [PRIVACY]?: PrivacyMark };

/** Marks an outgoing activity (and returns it, for chaining). */
export function markPrivacy<T extends object>(activity: T, mark: PrivacyMark): T {
  (activity as Markable)[PRIVACY] = mark;
  return activity;
}

export function privacyMarkOf(activity: object): PrivacyMark | undefined {
  return (activity as Markable)[PRIVACY];
}

/**
 * The activity as it may be written down: a JSON copy (marks dropped) with every value shown once replaced, in
 * its text, its card and its suggested actions alike.
 */
export function forStorage(activity: object): Record<string, unknown> {
  const secrets = (privacyMarkOf(activity)?.secrets ?? []).filter((secret) => secret.value !== '');
  // Every message the bot sends comes here; most hide nothing, and a parse without a reviver costs far less.
  if (secrets.length === 0) return JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(activity), (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    return secrets.reduce((text, secret) => text.split(secret.value).join(secret.shownAs), value);
  }) as Record<string, unknown>;
}

/** Whether an activity holds values that must not be written down as they are. */
export function hasSecrets(activity: object): boolean {
  return (privacyMarkOf(activity)?.secrets?.length ?? 0) > 0;
}
