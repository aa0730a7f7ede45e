import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

/**
 * Secrets the service needs to run: the Direct Line secret (given to trusted token issuers), the key that
 * signs tokens, and the key of the keyed hashes that stand in for personal data we must compare but not keep
 * (the check digits of a complaint, a national id). An operator may set the first two in the environment;
 * whatever is not set is generated on first start and kept in DATA_DIR/secrets.json (mode 0600), so that
 * `npm start` needs no configuration and tokens and hashes stay valid across restarts. A damaged file stops
 * start-up: regenerating it would silently sign every citizen out and make every stored hash useless.
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

const SECRET_NAMES = ['directLineSecret', 'tokenSigningKey', 'hashingKey'] as const;

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
function writeAtomically(file: string, content: SecretsFile): void {
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

/**
 * Returns the secrets: explicit values win; the others come from DATA_DIR/secrets.json, created on first use.
 * Instances sharing one MongoDB must share all three (set them explicitly): a different hashing key would make
 * every stored hash unmatchable.
 * @throws AppError DATA_DIR_UNUSABLE when the file cannot be read, written, or is damaged.
 */
export function loadSecrets(dataDir: string, explicit: Partial<Secrets>): Secrets {
  const file = path.join(dataDir, SECRETS_FILE);
  const existing = readExisting(file);
  const stored: SecretsFile = {
    directLineSecret: existing?.directLineSecret ?? generate(),
    tokenSigningKey: existing?.tokenSigningKey ?? generate(),
    hashingKey: existing?.hashingKey ?? generate(),
    createdAt: existing?.createdAt ?? new Date().toISOString(),
  };
  if (SECRET_NAMES.some((name) => existing?.[name] === undefined)) writeAtomically(file, stored);
  return {
    directLineSecret: explicit.directLineSecret ?? stored.directLineSecret,
    tokenSigningKey: explicit.tokenSigningKey ?? stored.tokenSigningKey,
    hashingKey: explicit.hashingKey ?? stored.hashingKey,
  };
}
