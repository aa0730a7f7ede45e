/**
 * Who wrote a message the service sends from its side of a conversation: the bot, unless an officer did. An
 * officer's reply is marked with its author, under a symbol as the privacy marks are (copying an activity with
 * `{...activity}` keeps it, JSON drops it), and a channel whose client can name a sender names the officer
 * there (Web Chat: the activity's `from`), so that the citizen sees who is answering them.
 */

export interface OfficerAuthor {
  officerId: string;
  /** As the citizen should see it: the officer account's display name. */
  displayName: string;
}

const AUTHOR = Symbol('author');

type Markable = object & { [AUTHOR]?: OfficerAuthor };

/** Marks an outgoing activity as written by an officer (and returns it, for chaining). */
export function markWrittenBy<T extends object>(activity: T, author: OfficerAuthor): T {
  (activity as Markable)[AUTHOR] = { officerId: author.officerId, displayName: author.displayName };
  return activity;
}

/** The officer who wrote an outgoing activity; undefined for the bot's own messages. */
export function officerAuthorOf(activity: object): OfficerAuthor | undefined {
  return (activity as Markable)[AUTHOR];
}
