import { createLogger, type Logger } from '../../lib/logger';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Every line written so far, as raw text: what an operator's log store would hold. */
  text(): string;
}

/** A real pino logger writing JSON lines into memory. */
export function captureLogs(level: 'info' | 'debug' | 'trace' = 'info'): CapturedLogs {
  const chunks: string[] = [];
  const logger = createLogger(level, { write: (chunk: string) => { chunks.push(chunk); } });
  return {
    logger,
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => chunks.join(''),
  };
}
