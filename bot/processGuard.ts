import { describeErrorForLog } from '../lib/errors';
import type { Logger } from '../lib/logger';

/**
 * The production process's last line of defence: an exception nothing caught, or a promise rejection nothing
 * handled, is logged (name, code and stack frames; never the message, which can quote a citizen's input) and
 * the service keeps serving the requests and chats it can, instead of stopping for everyone. Only the entry
 * point installs it: tests build the app in-process, where such an error must still fail the test.
 */
export function keepServingThroughUnexpectedErrors(logger: Logger): void {
  process.on('uncaughtException', (error: unknown) => {
    logger.error({ err: describeErrorForLog(error) }, 'uncaught exception; still serving');
  });
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: describeErrorForLog(reason) }, 'unhandled rejection; still serving');
  });
}
