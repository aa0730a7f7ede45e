import { HttpError } from '../../../lib/http/errors';

/**
 * What a client may post as an activity, checked field by field and copied into a new object: nothing a
 * client sends is trusted or passed on unchecked. The server sets id, timestamp, from, recipient, channel and
 * conversation itself.
 */

export const MAX_ACTIVITY_BYTES = 64 * 1024;
export const MAX_TEXT_LENGTH = 10_000;
const MAX_ATTACHMENTS = 10;
const ACCEPTED_TYPES = ['message', 'event', 'typing'] as const;

function bad(message: string): HttpError {
  return new HttpError(400, 'BadArgument', message);
}

function optionalString(source: Record<string, unknown>, name: string, max: number): string | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(`${name} must be a string`);
  if (value.length > max) throw bad(`${name} is longer than ${max} characters`);
  return value;
}

function attachments(value: unknown): Array<Record<string, string>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw bad('attachments must be an array');
  if (value.length > MAX_ATTACHMENTS) throw bad(`at most ${MAX_ATTACHMENTS} attachments`);
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) throw bad(`attachments[${index}] must be an object`);
    const source = item as Record<string, unknown>;
    const contentType = optionalString(source, 'contentType', 200);
    if (!contentType) throw bad(`attachments[${index}].contentType is required`);
    const contentUrl = optionalString(source, 'contentUrl', 2000);
    if (contentUrl !== undefined && !/^https?:\/\//i.test(contentUrl)) throw bad(`attachments[${index}].contentUrl must be an http(s) URL`);
    const name = optionalString(source, 'name', 200);
    return { contentType, ...(contentUrl ? { contentUrl } : {}), ...(name ? { name } : {}) };
  });
}

/** Checks a posted activity and returns the fields the bot may see. */
export function sanitizeIncoming(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('The body must be a JSON activity object');
  const source = body as Record<string, unknown>;
  const type = source.type;
  if (typeof type !== 'string' || !(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    throw bad(`type must be one of ${ACCEPTED_TYPES.join(', ')}`);
  }
  const text = optionalString(source, 'text', MAX_TEXT_LENGTH);
  const channelData = typeof source.channelData === 'object' && source.channelData !== null ? (source.channelData as Record<string, unknown>) : {};
  const clientActivityID = optionalString(channelData, 'clientActivityID', 200);
  const clientTimestamp = optionalString(channelData, 'clientTimestamp', 64);
  const activity: Record<string, unknown> = { type };
  if (text !== undefined) activity.text = text;
  const textFormat = optionalString(source, 'textFormat', 20);
  if (textFormat === 'plain' || textFormat === 'markdown' || textFormat === 'xml') activity.textFormat = textFormat;
  const locale = optionalString(source, 'locale', 20);
  if (locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) activity.locale = locale;
  const name = optionalString(source, 'name', 100);
  if (name) activity.name = name;
  if (source.value !== undefined) activity.value = source.value;
  const files = attachments(source.attachments);
  if (files) activity.attachments = files;
  const localTimestamp = optionalString(source, 'localTimestamp', 64);
  if (localTimestamp) activity.localTimestamp = localTimestamp;
  const localTimezone = optionalString(source, 'localTimezone', 64);
  if (localTimezone) activity.localTimezone = localTimezone;
  if (clientActivityID || clientTimestamp) {
    activity.channelData = { ...(clientActivityID ? { clientActivityID } : {}), ...(clientTimestamp ? { clientTimestamp } : {}) };
  }
  return activity;
}
