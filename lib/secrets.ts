import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

/**
 * Secrets the service needs to run: the Direct Line secret (given to trusted token issuers) and the key that
 * signs tokens. An operator may set them in the environment; otherwise they are generated on first start and
 * kept in DATA_DIR/secrets.json (mode 0600), so that `npm start` needs no configuration and tokens stay valid
 * across restarts. A damaged file stops start-up: regenerating it would silently sign every citizen out.
 */

export interface Secrets {
  directLineSecret: string;
  tokenSigningKey: string;
}

interface SecretsFile extends Secrets {
  createdAt: string;
}

export const SECRETS_FILE = 'secrets.json';

function generate(): string {
  return randomBytes(32).toString('base64url');
}

function isSecretsFile(value: unknown): value is SecretsFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.directLineSecret === 'string' && record.directLineSecret.length >= 32
    && typeof record.tokenSigningKey === 'string' && record.tokenSigningKey.length >= 32;
}

function readExisting(file: string): SecretsFile | undefined {
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
 * Returns the secrets: explicit values win; missing ones come from DATA_DIR/secrets.json, created on first use.
 * @throws AppError DATA_DIR_UNUSABLE when the file cannot be read, written, or is damaged.
 */
export function loadSecrets(dataDir: string, explicit: Partial<Secrets>): Secrets {
  if (explicit.directLineSecret && explicit.tokenSigningKey) {
    return { directLineSecret: explicit.directLineSecret, tokenSigningKey: explicit.tokenSigningKey };
  }
  const file = path.join(dataDir, SECRETS_FILE);
  let stored = readExisting(file);
  if (!stored) {
    stored = { directLineSecret: generate(), tokenSigningKey: generate(), createdAt: new Date().toISOString() };
    writeAtomically(file, stored);
  }
  return {
    directLineSecret: explicit.directLineSecret ?? stored.directLineSecret,
    tokenSigningKey: explicit.tokenSigningKey ?? stored.tokenSigningKey,
  };
}
