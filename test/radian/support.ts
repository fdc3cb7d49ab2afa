import forge from 'node-forge';
import { openP12 } from '../../server/radian/company-certificate';
import type { CompanyCredential, DianAnswer, DianEventGateway, DianSoftware, SignedEvent, SmtpSettings, SupplierNotice, SupplierNotifier } from '../../server/radian/ports';
import type { RadianTransports } from '../../server/radian/radian-events';
import { testCa, toPem, type TestIdentity } from '../support/pki';

/** A .p12 for a test identity (its certificate and the test CA), made with node-forge as an authority would. */
export function p12For(identity: TestIdentity, password: string, options: { withChain?: boolean } = {}): Buffer {
  const key = forge.pki.privateKeyFromPem(identity.keyPem);
  const cert = forge.pki.certificateFromPem(toPem(identity.certDer));
  const chain = options.withChain === false ? [] : [forge.pki.certificateFromPem(toPem(testCa().certDer))];
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert, ...chain], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

export function credentialOf(identity: TestIdentity): CompanyCredential {
  return openP12(p12For(identity, 'clave'), 'clave').credential;
}

export const SOFTWARE: DianSoftware = { softwareId: 'fa326ca7-c1f8-40d3-a6fc-24d7c1040607', pin: '20191', environment: 'habilitacion', providerNit: '900123456' };

/** DIAN's answers a test wants, in order; accepted when none is left. */
export class RecordingGateway implements DianEventGateway {
  readonly sent: { event: SignedEvent; software: DianSoftware; credential: CompanyCredential }[] = [];
  readonly answers: (Partial<DianAnswer> | Error)[] = [];

  async sendEvent(event: SignedEvent, software: DianSoftware, credential: CompanyCredential): Promise<DianAnswer> {
    this.sent.push({ event, software, credential });
    const next = this.answers.shift();
    if (next instanceof Error) throw next;
    return {
      isValid: true,
      statusCode: '00',
      statusDescription: 'Procesado Correctamente.',
      statusMessage: `La ApplicationResponse ${event.number}, ha sido autorizada.`,
      errors: [],
      documentKey: event.cude,
      applicationResponseXml: null,
      alreadyProcessed: false,
      ...next,
    };
  }
}

export class RecordingNotifier implements SupplierNotifier {
  constructor(
    private readonly smtp: SmtpSettings,
    readonly notices: { smtp: SmtpSettings; notice: SupplierNotice }[] = [],
    private readonly failWith?: () => Error | undefined,
  ) {}

  async notify(notice: SupplierNotice): Promise<{ messageId: string }> {
    const failure = this.failWith?.();
    if (failure) throw failure;
    this.notices.push({ smtp: this.smtp, notice });
    return { messageId: `<evento-${notice.event.number}@prueba>` };
  }
}

export interface RecordingTransports extends RadianTransports {
  gateway: RecordingGateway;
  /** Every notice any notifier sent (the service asks for one notifier per sending). */
  notices: RecordingNotifier['notices'];
  /** Set to make the next notices fail. */
  mailFailure?: Error;
}

export function recordingTransports(): RecordingTransports {
  const transports: RecordingTransports = {
    gateway: new RecordingGateway(),
    notices: [],
    notifier: (smtp) => new RecordingNotifier(smtp, transports.notices, () => transports.mailFailure),
  };
  return transports;
}

