import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
} from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { AzureBotConfig } from '../../lib/config';
import type { KeyedLock } from '../../lib/keyedLock';
import { type BotLogic, conversationKey } from '../adapter';
import { jsonBody } from '../../lib/http/body';
import { HttpError } from '../../lib/http/errors';

/** Azure channels post one activity per request; attachments travel as links, so this bound is generous. */
export const AZURE_MAX_BODY_BYTES = 256 * 1024;

/**
 * CloudAdapter with its activity processing open to the route. CloudAdapter.process would answer failures
 * itself, with the failure's own message as the body (for a 500 that can be a host name or a library's
 * internals) and the whole error on the console; the route answers and logs them by the service's rules.
 */
export class AzureAdapter extends CloudAdapter {
  /** Authenticates the request's Authorization header and runs the turn; throws when either fails. */
  authenticateAndRun(authHeader: string, activity: Activity, logic: BotLogic): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * The optional Azure Bot Service channel (Teams, and the channels an operator enables in Azure). It exists only
 * when MICROSOFT_APP_ID is configured, and then every request is checked with Bot Framework authentication:
 * a request without a valid token from Azure is refused with 401 before any turn runs.
 */
export function createAzureAdapter(azure: AzureBotConfig): AzureAdapter {
  const credentials = {
    MicrosoftAppId: azure.appId,
    MicrosoftAppPassword: azure.appPassword,
    MicrosoftAppType: azure.appType,
    MicrosoftAppTenantId: azure.appTenantId,
  };
  const authentication = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: azure.appId, MicrosoftAppTenantId: azure.appTenantId },
    new ConfigurationServiceClientCredentialFactory(credentials),
  );
  return new AzureAdapter(authentication);
}

/** Bot Framework timestamps arrive as strings; turns see Dates, with the original kept, as CloudAdapter does. */
function activityFrom(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** The Bot Framework's authentication failures carry a 4xx status code; anything else is the service's failure. */
function isAuthenticationFailure(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function azureRoutes(adapter: AzureAdapter, logic: BotLogic, turnLock: KeyedLock) {
  return (server: Server): void => {
    server.post('/api/messages', jsonBody(AZURE_MAX_BODY_BYTES), async (req: Request, res: Response) => {
      const body = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || Buffer.isBuffer(body)) {
        throw new HttpError(400, 'BadArgument', 'The body must be a JSON activity');
      }
      if (typeof (body as { type?: unknown }).type !== 'string') throw new HttpError(400, 'BadArgument', 'The activity has no type');
      let invoke: InvokeResponse | undefined;
      try {
        invoke = await adapter.authenticateAndRun(req.header('authorization') ?? '', activityFrom(body as Record<string, unknown>), (context) =>
          turnLock.run(conversationKey(context.activity), () => logic(context)));
      } catch (error) {
        if (isAuthenticationFailure(error)) throw new HttpError(401, 'Unauthorized', 'The request does not carry valid Bot Framework authentication');
        // Answered as a generic 500 by the error handler, which logs the error's name, code and stack, not its message.
        throw error;
      }
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    });
  };
}
