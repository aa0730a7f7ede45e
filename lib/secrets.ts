import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { AppError } from './errors';

/**
 * Secrets the service needs to run: the Direct Line secret (given to trusted token issuers), the key that
 * signs tokens, and the key of the keyed hashes that stand in for personal data we must compare but not keep
 * (the check digits of a complaint, a national id). An operator may set them in the environment; whatever is
 * not set is generated on first start and kept in DATA_DIR/secrets.json (mode 0600), so that `npm start` needs
 * no configuration and tokens and hashes stay valid across restarts.
 *
 * Keys are generated only for a store that holds no data yet (lib/store/holdsData.ts), or when the operator
 * asks for it (`npm run new-secrets`). A lost secrets.json beside a store in use must stop start-up: new keys
 * would silently make every stored hash unmatchable and sign everyone out. A damaged file stops start-up too.
 */

export interface Secrets {
  directLineSecret: string;
  tokenSigningKey: string;
  hashingKey: string;
}

interface SecretsFile extends Secrets {
  createdAt: string;
}

export const SECRETS_FILE = 'secrets.json';

function generate(): string {
  return randomBytes(32).toString('base64url');
}

/** Most costly to replace first: that is the order a refusal names them in. */
const SECRET_NAMES = ['hashingKey', 'tokenSigningKey', 'directLineSecret'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** The environment variable that sets each secret (read by lib/config.ts). */
export const SECRET_VARIABLES: Readonly<Record<SecretName, string>> = {
  directLineSecret: 'DIRECTLINE_SECRET',
  tokenSigningKey: 'TOKEN_SIGNING_KEY',
  hashingKey: 'HASHING_KEY',
};

/** The secrets the operator set in the environment. */
export function explicitSecrets(config: Pick<Config, 'directLineSecret' | 'tokenSigningKey' | 'hashingKey'>): Partial<Secrets> {
  return { directLineSecret: config.directLineSecret, tokenSigningKey: config.tokenSigningKey, hashingKey: config.hashingKey };
}

export interface SecretsPolicy {
  /** Whether the store already holds data (storeHoldsData): keys are then never created without being asked. */
  storeHoldsData: boolean;
  /** The operator asked for new keys (`npm run new-secrets`), knowing what they cost. */
  allowNewKeys?: boolean;
}

/** A file written by an older version may lack a newer secret: that one is added, the others kept. */
function isSecretsFile(value: unknown): value is Partial<SecretsFile> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return SECRET_NAMES.every((name) => record[name] === undefined || (typeof record[name] === 'string' && (record[name] as string).length >= 32))
    && SECRET_NAMES.some((name) => record[name] !== undefined);
}

function readExisting(file: string): Partial<SecretsFile> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('DATA_DIR_UNUSABLE', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isSecretsFile(parsed)) {
    throw new AppError('DATA_DIR_UNUSABLE', `${file} is damaged (not the expected JSON); it was left untouched. Restore it from a backup, or move it away to generate new secrets (citizens' open chat sessions will then need to start again).`);
  }
  return parsed;
}

/** Writes through a temporary file and a rename, so a crash never leaves a half-written secrets file. */
function writeAtomically(file: string, content: Partial<SecretsFile>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeFileSync(fd, `${JSON.stringify(content, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new AppError('DATA_DIR_UNUSABLE', `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`, { cause: error });
  }
}

function missingFrom(existing: Partial<SecretsFile> | undefined, explicit: Partial<Secrets>): SecretName[] {
  return SECRET_NAMES.filter((name) => explicit[name] === undefined && existing?.[name] === undefined);
}

/** The secrets set neither in the environment nor in DATA_DIR/secrets.json: those that would be generated. */
export function missingSecrets(dataDir: string, explicit: Partial<Secrets>): SecretName[] {
  return missingFrom(readExisting(path.join(dataDir, SECRETS_FILE)), explicit);
}

/** What replacing each key costs, as the refusal and `npm run new-secrets` say it. */
export const NEW_KEY_CONSEQUENCES: Readonly<Record<SecretName, string>> = {
  hashingKey: 'no stored tracking check or keyed hash would match again (citizens could no longer track earlier complaints)',
  tokenSigningKey: 'every open chat session and every photo link would stop working',
  directLineSecret: 'servers that hold the Direct Line secret would need the new one',
};

function refusal(file: string, fileExists: boolean, missing: readonly SecretName[]): AppError {
  const what = fileExists ? `${file} has no ${missing.join(' or ')}` : `${file} is missing`;
  return new AppError(
    'SECRETS_MISSING',
    `${what}, but the store already holds data: with new keys ${missing.map((name) => NEW_KEY_CONSEQUENCES[name]).join('; ')}. ` +
      `Restore ${SECRETS_FILE} from a backup, or set ${missing.map((name) => SECRET_VARIABLES[name]).join(', ')} to the keys in ` +
      'use; to create new keys anyway, run "npm run new-secrets" (see docs/operations.md).',
  );
}

/**
 * Returns the secrets: explicit values win; the others come from DATA_DIR/secrets.json. A secret found in
 * neither is generated and kept in the file, but only for a store without data or when the policy allows it;
 * explicit values are never written to the file. Instances sharing one MongoDB must share all three (set them
 * explicitly): a different hashing key would make every stored hash unmatchable.
 * @param policy the service passes whether its store holds data; without it the store counts as empty.
 * @throws AppError SECRETS_MISSING when a secret would have to be generated for a store that holds data, and
 *   DATA_DIR_UNUSABLE when the file cannot be read, written, or is damaged.
 */
export function loadSecrets(dataDir: string, explicit: Partial<Secrets>, policy: SecretsPolicy = { storeHoldsData: false }): Secrets {
  const file = path.join(dataDir, SECRETS_FILE);
  const existing = readExisting(file);
  const missing = missingFrom(existing, explicit);
  if (missing.length > 0 && policy.storeHoldsData && !policy.allowNewKeys) throw refusal(file, existing !== undefined, missing);
  const stored: Partial<SecretsFile> = { ...existing };
  if (missing.length > 0) {
    for (const name of missing) stored[name] = generate();
    stored.createdAt ??= new Date().toISOString();
    writeAtomically(file, stored);
  }
  // Every secret is now explicit or stored.
  const value = (name: SecretName): string => (explicit[name] ?? stored[name]) as string;
  return { directLineSecret: value('directLineSecret'), tokenSigningKey: value('tokenSigningKey'), hashingKey: value('hashingKey') };
}
