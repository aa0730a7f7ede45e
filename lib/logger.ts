import { createHash, createHmac } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Log lines carry ids, codes and counts, never personal data: no message text, names,
 * phone numbers or national ids. The redact list is a second line of defence for credentials that might slip
 * into a logged object.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'damrongdham-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'headers.authorization',
          'headers.cookie',
          '*.headers.authorization',
          '*.headers.cookie',
          'password',
          '*.password',
          'token',
          '*.token',
          'secret',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * How logs name a conversation: a 12-character hash of its key (`channel/conversation id`), the same in every
 * log line, so that an operator can follow one conversation without the log holding its id.
 */
export function conversationLogRef(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/**
 * How logs name an identifier drawn from a small space, such as a tracking number: a keyed hash, because an
 * unkeyed hash of a billion possible values is undone by trying them all.
 */
export function keyedLogRef(hashingKey: string, value: string): string {
  return createHmac('sha256', hashingKey).update(`log\u0000${value}`).digest('hex').slice(0, 12);
}
