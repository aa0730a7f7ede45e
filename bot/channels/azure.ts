import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { AzureBotConfig } from '../../lib/config';
import type { KeyedLock } from '../../lib/keyedLock';
import { type BotLogic, conversationKey } from '../adapter';
import { jsonBody } from '../http/body';
import { HttpError } from '../http/errors';

/** Azure channels post one activity per request; attachments travel as links, so this bound is generous. */
export const AZURE_MAX_BODY_BYTES = 256 * 1024;

/**
 * The optional Azure Bot Service channel (Teams, and the channels an operator enables in Azure). It exists only
 * when MICROSOFT_APP_ID is configured, and then every request is checked with Bot Framework authentication:
 * a request without a valid token from Azure is refused with 401 before any turn runs.
 */
export function createAzureAdapter(azure: AzureBotConfig): CloudAdapter {
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
  return new CloudAdapter(authentication);
}

export function azureRoutes(adapter: CloudAdapter, logic: BotLogic, turnLock: KeyedLock) {
  return (server: Server): void => {
    server.post(
      '/api/messages',
      jsonBody(AZURE_MAX_BODY_BYTES),
      async (req: Request, res: Response) => {
        const body = req.body;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new HttpError(400, 'BadArgument', 'The body must be a JSON activity');
        }
        await adapter.process(Object.assign(req, { body: body as Record<string, unknown> }), res, (context) => turnLock.run(conversationKey(context.activity), () => logic(context)));
      },
    );
  };
}
