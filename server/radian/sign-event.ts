import { X509Certificate } from 'node:crypto';
import { signXadesEpes } from '../authenticity/sign-xades';
import type { CompanyCredential } from './ports';

/**
 * Signs a RADIAN event with the company's certificate, the way DIAN's signature policy asks: the one XAdES-EPES
 * signer in server/authenticity/sign-xades.ts (the same shape the verifier there checks), carrying the chain.
 */

export interface SignOptions {
  /** XAdES SigningTime, ISO with the Bogotá offset (`2026-12-03T10:15:00.000-05:00`). */
  signingTime: string;
  /** The signer's role (XAdES ClaimedRole); DIAN's policy names the issuer of a document `supplier`. */
  role?: string;
}

/** Returns the signed XML. The input must have exactly one empty `ext:ExtensionContent` (event-document.ts makes it). */
export function signEvent(xml: string, credential: CompanyCredential, options: SignOptions): string {
  if (!/<ext:ExtensionContent\s*\/>/.test(xml)) throw new Error('El evento no tiene dónde llevar la firma (ext:ExtensionContent vacío).');
  try {
    return signXadesEpes(
      xml,
      {
        certificateDer: new X509Certificate(credential.certificatePem).raw,
        chainDer: credential.chainPem.map((pem) => new X509Certificate(pem).raw),
        privateKey: credential.privateKey,
      },
      options,
    );
  } catch (error) {
    if (/llave privada no corresponde/.test((error as Error).message)) throw new Error('La llave privada no corresponde al certificado de la empresa.', { cause: error });
    throw error;
  }
}
