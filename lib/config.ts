import path from 'node:path';
import { AppError } from './errors';

/**
 * The service's configuration. This module is the only reader of `process.env`: everything else receives a
 * Config. Values are validated once at start-up; an invalid value stops start-up with one line naming the
 * variable and what is wrong with it. The object is frozen, and serialising it (for a log line) redacts secrets.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

export interface AzureBotConfig {
  appId: string;
  appPassword: string | undefined;
  appTenantId: string | undefined;
  appType: AppType;
}

/** How much citizens and officers may upload, and how long uploaded files are kept (lib/files). */
export interface UploadLimits {
  /** Per conversation, what the citizen uploaded: at most this many files… */
  conversationFiles: number;
  /** …and this many bytes. */
  conversationBytes: number;
  /** Everything uploaded, by citizens and officers, that is kept. */
  totalBytes: number;
  /** A file no filed complaint refers to is deleted this many days after it was uploaded. */
  retentionDays: number;
  /** A file a complaint refers to is deleted once the complaint has not changed for this many days. */
  complaintRetentionDays: number;
}

/** A rate limit: `burst` requests at once, then `perMinute` a minute (a token bucket, lib/rateLimit.ts). */
export interface RateLimitSetting {
  burst: number;
  perMinute: number;
}

/**
 * The limits on citizens' traffic. Per client address: many citizens share one (carrier-grade NAT on Thai
 * mobile networks, a provincial hall's Wi-Fi), so these are set far above what a busy shared address does
 * (docs/operations.md, "Rate limits"). Per conversation: one citizen.
 */
export interface RateLimits {
  /** The chat page's token (a new chat, or a returning browser), per client address. */
  chatTokens: RateLimitSetting;
  /** Direct Line conversations started, per client address. */
  directLineStarts: RateLimitSetting;
  /** Direct Line stream sockets opened, per client address. */
  directLineSockets: RateLimitSetting;
  /** Activities posted, per conversation. */
  directLineMessages: RateLimitSetting;
  /** Uploads, per conversation. */
  directLineUploads: RateLimitSetting;
}

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the embedded store and generated secrets. */
  dataDir: string;
  /** Unset: the embedded store in dataDir. */
  mongodbUri: string | undefined;
  logLevel: LogLevel;
  /** Where citizens and officers reach the service, without a trailing slash. */
  publicUrl: string;
  /** False when PUBLIC_URL is unset: links are then built from each request's Host header. */
  publicUrlConfigured: boolean;
  /** Behind a reverse proxy: client addresses and the scheme come from X-Forwarded-For / X-Forwarded-Proto. */
  trustProxy: boolean;
  /**
   * How many reverse proxies in a row the service trusts (with trustProxy). The client is the address the
   * outermost of them saw: X-Forwarded-For counted from the right, since entries further left are the client's own.
   */
  trustProxyHops: number;
  /** Present only when an Azure Bot Service app id is configured; enables /api/messages. */
  azure: AzureBotConfig | undefined;
  /** Explicit secrets; when unset they are generated on first start and kept in dataDir (lib/secrets.ts). */
  directLineSecret: string | undefined;
  tokenSigningKey: string | undefined;
  hashingKey: string | undefined;
  /** Conversation and user state idle for longer than this is deleted (PDPA: keep only what is needed). */
  stateRetentionDays: number;
  /** Direct Line activity logs (what was said on Web Chat) are deleted after this many days. */
  directLineRetentionDays: number;
  /** Officers' transcripts, and the requests of handoffs that ended, are deleted after this many days. */
  transcriptRetentionDays: number;
  /** How long shutdown waits for running turns and requests before closing the store anyway. */
  shutdownTimeoutMs: number;
  /** A request for an officer not claimed within this time is offered to become a question. */
  handoffOfferMinutes: number;
  /** A live chat with an officer quiet for this long is closed. */
  handoffIdleMinutes: number;
  uploads: UploadLimits;
  rateLimits: RateLimits;
  toJSON(): Record<string, unknown>;
}

/** One documented line per variable; README's table and .env.example follow this list. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'MONGODB_URI',
  'LOG_LEVEL',
  'PUBLIC_URL',
  'TRUST_PROXY',
  'TRUST_PROXY_HOPS',
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_TENANT_ID',
  'MICROSOFT_APP_TYPE',
  'DIRECTLINE_SECRET',
  'TOKEN_SIGNING_KEY',
  'HASHING_KEY',
  'STATE_RETENTION_DAYS',
  'DIRECTLINE_RETENTION_DAYS',
  'TRANSCRIPT_RETENTION_DAYS',
  'SHUTDOWN_TIMEOUT_MS',
  'HANDOFF_OFFER_MINUTES',
  'HANDOFF_IDLE_MINUTES',
  'UPLOAD_QUOTA_CONVERSATION_FILES',
  'UPLOAD_QUOTA_CONVERSATION_MB',
  'UPLOAD_QUOTA_TOTAL_MB',
  'UPLOAD_RETENTION_DAYS',
  'UPLOAD_COMPLAINT_RETENTION_DAYS',
  'RATE_LIMIT_CHAT_TOKENS',
  'RATE_LIMIT_DIRECTLINE_STARTS',
  'RATE_LIMIT_DIRECTLINE_SOCKETS',
  'RATE_LIMIT_DIRECTLINE_MESSAGES',
  'RATE_LIMIT_DIRECTLINE_UPLOADS',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function invalid(variable: string, problem: string): AppError {
  return new AppError('CONFIG_INVALID', `Invalid configuration: ${variable} ${problem}`);
}

/** Empty strings count as unset: `.env` files often carry `NAME=` lines. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw invalid(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  const value = Number(raw);
  if (value < min || value > max) throw invalid(name, `must be from ${min} to ${max} (got ${value})`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const match = allowed.find((option) => option.toLowerCase() === raw.toLowerCase());
  if (!match) throw invalid(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  return match;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw invalid(name, `must be true or false (got "${raw}")`);
}

function publicUrl(env: Env, port: number): string {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('PUBLIC_URL', `must be an absolute http(s) URL such as https://bot.example.go.th (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('PUBLIC_URL', `must use http or https (got "${url.protocol}")`);
  }
  if (url.search || url.hash) throw invalid('PUBLIC_URL', 'must not have a query string or fragment');
  return url.toString().replace(/\/+$/, '');
}

function mongodbUri(env: Env): string | undefined {
  const raw = read(env, 'MONGODB_URI');
  if (raw === undefined) return undefined;
  // The value may hold a password: the message names the problem, never the value.
  if (!/^mongodb(\+srv)?:\/\/[^\s/]+/.test(raw)) {
    throw invalid('MONGODB_URI', 'must start with mongodb:// or mongodb+srv:// followed by a host');
  }
  return raw;
}

function secret(env: Env, name: string, minLength: number): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  if (raw.length < minLength) throw invalid(name, `must be at least ${minLength} characters long`);
  return raw;
}

function trustProxyHops(env: Env, trustProxy: boolean): number {
  const hops = integer(env, 'TRUST_PROXY_HOPS', 1, 1, 10);
  if (!trustProxy && read(env, 'TRUST_PROXY_HOPS') !== undefined) throw invalid('TRUST_PROXY_HOPS', 'is set but TRUST_PROXY is not true');
  return hops;
}

function azure(env: Env): AzureBotConfig | undefined {
  const appId = read(env, 'MICROSOFT_APP_ID');
  const appPassword = read(env, 'MICROSOFT_APP_PASSWORD');
  const appTenantId = read(env, 'MICROSOFT_APP_TENANT_ID');
  const appType = oneOf(env, 'MICROSOFT_APP_TYPE', APP_TYPES, 'MultiTenant');
  if (appId === undefined) {
    if (appPassword !== undefined) throw invalid('MICROSOFT_APP_PASSWORD', 'is set but MICROSOFT_APP_ID is not');
    if (appTenantId !== undefined) throw invalid('MICROSOFT_APP_TENANT_ID', 'is set but MICROSOFT_APP_ID is not');
    return undefined;
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
    throw invalid('MICROSOFT_APP_ID', `must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${appId}")`);
  }
  if (appType !== 'UserAssignedMSI' && appPassword === undefined) {
    throw invalid('MICROSOFT_APP_PASSWORD', `is required when MICROSOFT_APP_ID is set and MICROSOFT_APP_TYPE is ${appType}`);
  }
  if (appType !== 'MultiTenant' && appTenantId === undefined) {
    throw invalid('MICROSOFT_APP_TENANT_ID', `is required when MICROSOFT_APP_TYPE is ${appType}`);
  }
  return { appId, appPassword, appTenantId, appType };
}

const MB = 1024 * 1024;

function uploads(env: Env): UploadLimits {
  const retentionDays = integer(env, 'UPLOAD_RETENTION_DAYS', 30, 1, 3650);
  const complaintRetentionDays = integer(env, 'UPLOAD_COMPLAINT_RETENTION_DAYS', 730, 1, 36500);
  if (complaintRetentionDays < retentionDays) {
    throw invalid('UPLOAD_COMPLAINT_RETENTION_DAYS', `must be at least UPLOAD_RETENTION_DAYS (${retentionDays}): a complaint's photos are kept no shorter than others (got ${complaintRetentionDays})`);
  }
  return Object.freeze({
    conversationFiles: integer(env, 'UPLOAD_QUOTA_CONVERSATION_FILES', 20, 1, 1000),
    conversationBytes: integer(env, 'UPLOAD_QUOTA_CONVERSATION_MB', 50, 1, 10_000) * MB,
    totalBytes: integer(env, 'UPLOAD_QUOTA_TOTAL_MB', 2048, 1, 10_000_000) * MB,
    retentionDays,
    complaintRetentionDays,
  });
}

const MAX_RATE = 1_000_000;

/** `<at once>/<per minute>`, for example `60/30`: 60 requests at once, then 30 a minute. */
function rateLimit(env: Env, name: string, fallback: RateLimitSetting): RateLimitSetting {
  const raw = read(env, name);
  if (raw === undefined) return Object.freeze({ ...fallback });
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const burst = match ? Number(match[1]) : NaN;
  const perMinute = match ? Number(match[2]) : NaN;
  if (!(burst >= 1 && burst <= MAX_RATE && perMinute >= 1 && perMinute <= MAX_RATE)) {
    throw invalid(name, `must be <at once>/<per minute>, two whole numbers from 1 to ${MAX_RATE}, such as 60/30 (got "${raw}")`);
  }
  return Object.freeze({ burst, perMinute });
}

/** The defaults, and why they are what they are: docs/operations.md, "Rate limits". */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  chatTokens: { burst: 60, perMinute: 30 },
  directLineStarts: { burst: 60, perMinute: 30 },
  directLineSockets: { burst: 120, perMinute: 60 },
  directLineMessages: { burst: 20, perMinute: 60 },
  directLineUploads: { burst: 20, perMinute: 10 },
});

function rateLimits(env: Env): RateLimits {
  return Object.freeze({
    chatTokens: rateLimit(env, 'RATE_LIMIT_CHAT_TOKENS', DEFAULT_RATE_LIMITS.chatTokens),
    directLineStarts: rateLimit(env, 'RATE_LIMIT_DIRECTLINE_STARTS', DEFAULT_RATE_LIMITS.directLineStarts),
    directLineSockets: rateLimit(env, 'RATE_LIMIT_DIRECTLINE_SOCKETS', DEFAULT_RATE_LIMITS.directLineSockets),
    directLineMessages: rateLimit(env, 'RATE_LIMIT_DIRECTLINE_MESSAGES', DEFAULT_RATE_LIMITS.directLineMessages),
    directLineUploads: rateLimit(env, 'RATE_LIMIT_DIRECTLINE_UPLOADS', DEFAULT_RATE_LIMITS.directLineUploads),
  });
}

/** Replaces the password in a MongoDB URI, so that the URI can be logged. */
export function redactUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)([^@/]*)@/, (_match, scheme: string) => `${scheme}[redacted]@`);
}

/**
 * Reads and validates the configuration.
 * @param env the environment; tests pass their own.
 * @param cwd relative DATA_DIR values are resolved against it.
 * @throws AppError CONFIG_INVALID with a one-line message naming the variable.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const port = integer(env, 'PORT', 3978, 1, 65535);
  const trustProxy = flag(env, 'TRUST_PROXY', false);
  const config: Config = {
    port,
    host: read(env, 'HOST') ?? '0.0.0.0',
    dataDir: path.resolve(cwd, read(env, 'DATA_DIR') ?? './data'),
    mongodbUri: mongodbUri(env),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    publicUrl: publicUrl(env, port),
    publicUrlConfigured: read(env, 'PUBLIC_URL') !== undefined,
    trustProxy,
    trustProxyHops: trustProxyHops(env, trustProxy),
    azure: azure(env),
    directLineSecret: secret(env, 'DIRECTLINE_SECRET', 32),
    tokenSigningKey: secret(env, 'TOKEN_SIGNING_KEY', 32),
    hashingKey: secret(env, 'HASHING_KEY', 32),
    stateRetentionDays: integer(env, 'STATE_RETENTION_DAYS', 90, 1, 3650),
    directLineRetentionDays: integer(env, 'DIRECTLINE_RETENTION_DAYS', 90, 1, 3650),
    transcriptRetentionDays: integer(env, 'TRANSCRIPT_RETENTION_DAYS', 365, 1, 3650),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    handoffOfferMinutes: integer(env, 'HANDOFF_OFFER_MINUTES', 10, 1, 240),
    handoffIdleMinutes: integer(env, 'HANDOFF_IDLE_MINUTES', 20, 1, 1440),
    uploads: uploads(env),
    rateLimits: rateLimits(env),
    toJSON() {
      return {
        port: this.port,
        host: this.host,
        dataDir: this.dataDir,
        store: this.mongodbUri ? `mongodb ${redactUri(this.mongodbUri)}` : 'embedded',
        logLevel: this.logLevel,
        publicUrl: this.publicUrl,
        trustProxy: this.trustProxy,
        trustProxyHops: this.trustProxyHops,
        azure: this.azure ? { appId: this.azure.appId, appType: this.azure.appType, appTenantId: this.azure.appTenantId } : 'off',
        directLineSecret: this.directLineSecret ? '[redacted]' : 'generated',
        tokenSigningKey: this.tokenSigningKey ? '[redacted]' : 'generated',
        hashingKey: this.hashingKey ? '[redacted]' : 'generated',
        stateRetentionDays: this.stateRetentionDays,
        directLineRetentionDays: this.directLineRetentionDays,
        transcriptRetentionDays: this.transcriptRetentionDays,
        shutdownTimeoutMs: this.shutdownTimeoutMs,
        handoffOfferMinutes: this.handoffOfferMinutes,
        handoffIdleMinutes: this.handoffIdleMinutes,
        uploads: this.uploads,
        rateLimits: this.rateLimits,
      };
    },
  };
  if (config.azure) Object.freeze(config.azure);
  return Object.freeze(config);
}
