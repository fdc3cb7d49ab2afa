import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Encrypts secrets kept in the database (mailbox passwords, the Alegra token) with AES-256-GCM. The key never
 * lives in the database: it comes from `AGENTE_SECRET_KEY` (base64, 32 bytes) or from a key file created on first
 * use with permissions 0600 (`AGENTE_KEY_FILE`, default `~/.config/agente-de-gastos/secret.key`). Losing the key
 * means re-entering the secrets; copying the database alone discloses nothing.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('La llave de cifrado debe tener 32 bytes.');
    return new SecretBox(key);
  }

  /** The box configured by the environment, creating the key file the first time. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
    if (env.AGENTE_SECRET_KEY) return SecretBox.fromKey(Buffer.from(env.AGENTE_SECRET_KEY, 'base64'));
    const file = env.AGENTE_KEY_FILE ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'agente-de-gastos', 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return SecretBox.fromKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url: self-describing, so the scheme can change later. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** @throws Error when the value was sealed with another key or was tampered with. */
  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Secreto con formato desconocido.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('No se pudo descifrar el secreto: la llave de cifrado cambió o el dato fue alterado. Ingresa la contraseña otra vez.');
    }
  }
}
