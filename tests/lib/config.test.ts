import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig, redactUri } from '../../lib/config';
import { AppError } from '../../lib/errors';

function configError(env: Record<string, string>): AppError {
  try {
    loadConfig(env, '/srv/bot');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

const APP_ID = '0d4a9c3e-8f1b-4c5d-9e7f-1a2b3c4d5e6f';

describe('loadConfig', () => {
  test('needs nothing: every variable has a default for the quick start', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config).toMatchObject({
      port: 3978,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/bot', 'data'),
      mongodbUri: undefined,
      logLevel: 'info',
      publicUrl: 'http://localhost:3978',
      publicUrlConfigured: false,
      trustProxy: false,
      trustProxyHops: 1,
      azure: undefined,
      stateRetentionDays: 90,
      shutdownTimeoutMs: 10000,
      uploads: { conversationFiles: 20, conversationBytes: 50 * 1024 * 1024, totalBytes: 2048 * 1024 * 1024, retentionDays: 30, complaintRetentionDays: 730 },
      rateLimits: {
        chatTokens: { burst: 60, perMinute: 30 },
        directLineStarts: { burst: 60, perMinute: 30 },
        directLineSockets: { burst: 120, perMinute: 60 },
        directLineMessages: { burst: 20, perMinute: 60 },
        directLineUploads: { burst: 20, perMinute: 10 },
      },
    });
  });

  test('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: 'var/bot',
      MONGODB_URI: 'mongodb://bot:s3cret@db.example:27017/damrongdham',
      LOG_LEVEL: 'DEBUG',
      PUBLIC_URL: 'https://bot.example.go.th/',
      TRUST_PROXY: 'true',
      TRUST_PROXY_HOPS: '2',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'azure-password',
      MICROSOFT_APP_TYPE: 'singletenant',
      MICROSOFT_APP_TENANT_ID: 'tenant-1',
      DIRECTLINE_SECRET: 'd'.repeat(40),
      TOKEN_SIGNING_KEY: 't'.repeat(40),
      HASHING_KEY: 'h'.repeat(40),
      STATE_RETENTION_DAYS: '30',
      SHUTDOWN_TIMEOUT_MS: '2500',
      UPLOAD_QUOTA_CONVERSATION_FILES: '8',
      UPLOAD_QUOTA_CONVERSATION_MB: '12',
      UPLOAD_QUOTA_TOTAL_MB: '500',
      UPLOAD_RETENTION_DAYS: '7',
      UPLOAD_COMPLAINT_RETENTION_DAYS: '365',
      RATE_LIMIT_CHAT_TOKENS: '200/100',
      RATE_LIMIT_DIRECTLINE_STARTS: '150 / 90',
      RATE_LIMIT_DIRECTLINE_SOCKETS: '400/200',
      RATE_LIMIT_DIRECTLINE_MESSAGES: '30/120',
      RATE_LIMIT_DIRECTLINE_UPLOADS: '5/2',
    }, '/srv/bot');
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('/srv/bot/var/bot');
    expect(config.mongodbUri).toBe('mongodb://bot:s3cret@db.example:27017/damrongdham');
    expect(config.logLevel).toBe('debug');
    expect(config.publicUrl).toBe('https://bot.example.go.th');
    expect(config.publicUrlConfigured).toBe(true);
    expect(config.trustProxy).toBe(true);
    expect(config.trustProxyHops).toBe(2);
    expect(config.azure).toEqual({ appId: APP_ID, appPassword: 'azure-password', appType: 'SingleTenant', appTenantId: 'tenant-1' });
    expect(config.directLineSecret).toBe('d'.repeat(40));
    expect(config.tokenSigningKey).toBe('t'.repeat(40));
    expect(config.hashingKey).toBe('h'.repeat(40));
    expect(config.stateRetentionDays).toBe(30);
    expect(config.shutdownTimeoutMs).toBe(2500);
    expect(config.uploads).toEqual({ conversationFiles: 8, conversationBytes: 12 * 1024 * 1024, totalBytes: 500 * 1024 * 1024, retentionDays: 7, complaintRetentionDays: 365 });
    expect(config.rateLimits).toEqual({
      chatTokens: { burst: 200, perMinute: 100 },
      directLineStarts: { burst: 150, perMinute: 90 },
      directLineSockets: { burst: 400, perMinute: 200 },
      directLineMessages: { burst: 30, perMinute: 120 },
      directLineUploads: { burst: 5, perMinute: 2 },
    });
  });

  test('every variable is in the README\'s table', () => {
    const readme = require('node:fs').readFileSync(path.join(__dirname, '../../README.md'), 'utf8') as string;
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(`| \`${name}\` |`);
  });

  test('every documented variable is in .env.example', () => {
    const example = require('node:fs').readFileSync(path.join(__dirname, '../../.env.example'), 'utf8') as string;
    for (const name of CONFIG_VARIABLES) expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });

  test('empty values count as unset', () => {
    expect(loadConfig({ PORT: '', MONGODB_URI: '  ' }).port).toBe(3978);
  });

  test.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must be from 1 to 65535 (got 70000)'],
    [{ PORT: '0' }, 'Invalid configuration: PORT must be from 1 to 65535 (got 0)'],
    [{ LOG_LEVEL: 'loud' }, 'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ PUBLIC_URL: 'bot.example' }, 'Invalid configuration: PUBLIC_URL must be an absolute http(s) URL such as https://bot.example.go.th (got "bot.example")'],
    [{ PUBLIC_URL: 'ftp://bot.example' }, 'Invalid configuration: PUBLIC_URL must use http or https (got "ftp:")'],
    [{ TRUST_PROXY: 'maybe' }, 'Invalid configuration: TRUST_PROXY must be true or false (got "maybe")'],
    [{ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '0' }, 'Invalid configuration: TRUST_PROXY_HOPS must be from 1 to 10 (got 0)'],
    [{ TRUST_PROXY_HOPS: '2' }, 'Invalid configuration: TRUST_PROXY_HOPS is set but TRUST_PROXY is not true'],
    [{ MONGODB_URI: 'postgres://x' }, 'Invalid configuration: MONGODB_URI must start with mongodb:// or mongodb+srv:// followed by a host'],
    [{ MICROSOFT_APP_PASSWORD: 'x' }, 'Invalid configuration: MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not'],
    [{ MICROSOFT_APP_ID: 'my-bot' }, 'Invalid configuration: MICROSOFT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "my-bot")'],
    [{ MICROSOFT_APP_ID: APP_ID }, 'Invalid configuration: MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE is MultiTenant'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' }, 'Invalid configuration: MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is SingleTenant'],
    [{ DIRECTLINE_SECRET: 'short' }, 'Invalid configuration: DIRECTLINE_SECRET must be at least 32 characters long'],
    [{ SHUTDOWN_TIMEOUT_MS: '-1' }, 'Invalid configuration: SHUTDOWN_TIMEOUT_MS must be a whole number from 0 to 600000 (got "-1")'],
    [{ STATE_RETENTION_DAYS: '0' }, 'Invalid configuration: STATE_RETENTION_DAYS must be from 1 to 3650 (got 0)'],
    [{ UPLOAD_QUOTA_TOTAL_MB: '2GB' }, 'Invalid configuration: UPLOAD_QUOTA_TOTAL_MB must be a whole number from 1 to 10000000 (got "2GB")'],
    [{ UPLOAD_QUOTA_CONVERSATION_FILES: '0' }, 'Invalid configuration: UPLOAD_QUOTA_CONVERSATION_FILES must be from 1 to 1000 (got 0)'],
    [{ UPLOAD_RETENTION_DAYS: '60', UPLOAD_COMPLAINT_RETENTION_DAYS: '30' }, "Invalid configuration: UPLOAD_COMPLAINT_RETENTION_DAYS must be at least UPLOAD_RETENTION_DAYS (60): a complaint's photos are kept no shorter than others (got 30)"],
    [{ RATE_LIMIT_CHAT_TOKENS: '60' }, 'Invalid configuration: RATE_LIMIT_CHAT_TOKENS must be <at once>/<per minute>, two whole numbers from 1 to 1000000, such as 60/30 (got "60")'],
    [{ RATE_LIMIT_DIRECTLINE_SOCKETS: '0/10' }, 'Invalid configuration: RATE_LIMIT_DIRECTLINE_SOCKETS must be <at once>/<per minute>, two whole numbers from 1 to 1000000, such as 60/30 (got "0/10")'],
    [{ RATE_LIMIT_DIRECTLINE_UPLOADS: '10/0.5' }, 'Invalid configuration: RATE_LIMIT_DIRECTLINE_UPLOADS must be <at once>/<per minute>, two whole numbers from 1 to 1000000, such as 60/30 (got "10/0.5")'],
  ])('%j stops start-up with one line naming the variable', (env, message) => {
    const error = configError(env);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  test('never echoes a secret in its error', () => {
    const error = configError({ MONGODB_URI: 'mysql://root:hunter2@db' });
    expect(error.message).not.toContain('hunter2');
  });

  test('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  test('serialises without secrets', () => {
    const config = loadConfig({
      MONGODB_URI: 'mongodb://bot:s3cret@db.example/damrongdham',
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'azure-password',
      DIRECTLINE_SECRET: 'd'.repeat(40),
      TOKEN_SIGNING_KEY: 't'.repeat(40),
    });
    const logged = JSON.stringify({ config });
    expect(logged).not.toContain('s3cret');
    expect(logged).not.toContain('azure-password');
    expect(logged).not.toContain('d'.repeat(40));
    expect(logged).not.toContain('t'.repeat(40));
    expect(logged).toContain('mongodb://[redacted]@db.example/damrongdham');
    expect(logged).toContain(APP_ID);
  });

  test('redactUri keeps URIs without credentials as they are', () => {
    expect(redactUri('mongodb://db.example:27017/x')).toBe('mongodb://db.example:27017/x');
    expect(redactUri('mongodb+srv://u:p@cluster.example/x')).toBe('mongodb+srv://[redacted]@cluster.example/x');
  });
});
