import type { AgentState } from '#shared/agent';
import type { Bill } from '#shared/bill';
import type { CompanyProfile } from '#shared/company';
import type { DocumentStatus, InboxDocument, Page } from '#shared/inbox';
import type { DailySummary } from '#shared/summary';
import type { AutoSendSetting, CertificateView, ClaimCode, DianEnvironmentName, RadianCode, RadianEventView, RadianSettingsView, ReceivingPerson } from '#shared/radian';
import type { Permission } from '../../server/users/permissions';
import { client, setActor, unwrap } from './api';
import { sendToBackground, type ConnectInput, type ConnectResult, type ConnectionInfo } from './messages';
import type { UploadedFile } from './uploads';

export interface Me {
  company: CompanyProfile;
  /** The person whose token the extension uses: their name («Hola, {nombre}»), role and permissions in this company. */
  user: { id: string; login: string; name: string; role: 'administrador' | 'contador' | 'auxiliar'; permissions: readonly Permission[]; generalAdmin: boolean; roles: { companyId: string; nit: string; company: string; role: string }[] };
}

export interface NewCompany {
  nit: string;
  name: string;
  userName: string;
  ciiu: string[];
  inventory?: CompanyProfile['inventory'];
  /** Left out, the server takes the group from the main activity (comercio → ventas). */
  expenseFunction?: 'admin' | 'ventas';
}

/** What the RADIAN settings form sends: every part optional; the PIN and the SMTP password only when typed. */
export interface RadianSettingsChange {
  software?: { softwareId: string; pin?: string; environment: DianEnvironmentName; providerNit?: string };
  receiver?: ReceivingPerson;
  autoSend?: AutoSendSetting;
  smtp?: { host: string; port: number; secure: boolean; user?: string | null; password?: string; from: string };
}

export interface Account {
  code: string;
  name: string;
}

/**
 * Everything the views ask of the agent, one function per call. Views receive it through `ApiContext`, so the
 * popup, the options page, the in-page panel and the component tests share the same calls.
 */
export const agentApi = {
  connection: (): Promise<ConnectionInfo> => sendToBackground('agente:connection', null),
  connect: (input: ConnectInput): Promise<ConnectResult> => sendToBackground('agente:connect', input),
  disconnect: (): Promise<ConnectionInfo> => sendToBackground('agente:disconnect', null),
  setActor,

  me: (): Promise<Me> => unwrap(client.api.v1.me.$get()),
  createCompany: (input: NewCompany): Promise<CompanyProfile> => unwrap(client.api.v1.companies.$post({ json: input })),

  agentState: (): Promise<AgentState> => unwrap(client.api.v1.agent.$get()),
  activate: (): Promise<AgentState> => unwrap(client.api.v1.agent.activate.$post({ json: { mode: 'recent' } })),
  pause: (): Promise<AgentState> => unwrap(client.api.v1.agent.pause.$post()),
  resume: (): Promise<AgentState> => unwrap(client.api.v1.agent.resume.$post()),

  /** Yesterday's summary in Bogotá when no date is given (what the midnight job stores). */
  summary: (date?: string, page: { offset?: number } = {}): Promise<DailySummary> => unwrap(client.api.v1.summary.$get({ query: { ...(date ? { date } : {}), ...pageQuery(page) } })),
  todaySummary: (): Promise<DailySummary> => unwrap(client.api.v1.summary.today.$get()),

  /** One page of the inbox (the API never answers an unbounded list); `nextOffset` says where the next one starts. */
  documents: (status: DocumentStatus[], page: { limit?: number; offset?: number } = {}): Promise<Page<InboxDocument>> =>
    unwrap(client.api.v1.documents.$get({ query: { status: status.join(','), ...pageQuery(page) } })),
  document: (id: string): Promise<InboxDocument> => unwrap(client.api.v1.documents[':id'].$get({ param: { id } })),
  registerDocument: (id: string): Promise<{ document: InboxDocument }> => unwrap(client.api.v1.documents[':id'].register.$post({ param: { id } })),

  bills: (page: { limit?: number; offset?: number } = {}): Promise<Page<Bill>> => unwrap(client.api.v1.bills.$get({ query: pageQuery(page) })),
  /** Verify (same account) or change the account of one line; the agent learns from it. */
  correctLine: (billId: string, lineId: string, accountCode: string): Promise<Bill> =>
    unwrap(client.api.v1.bills[':id'].lines[':lineId'].$patch({ param: { id: billId, lineId }, json: { accountCode } })),
  /** The UVT of a year as DIAN published it, with its resolution (validated by the agent). */
  enterUvt: (year: number, value: number, resolution: string): Promise<{ year: number; value: number }> =>
    unwrap(client.api.v1.rules.uvt[':year'].$put({ param: { year: String(year) }, json: { value, resolution } })),
  /** A person's retención concept for a line (`ninguno` = sin retención): the agent re-computes the entry. */
  changeConcept: (billId: string, lineId: string, withholdingConcept: string): Promise<Bill> =>
    unwrap(client.api.v1.bills[':id'].lines[':lineId'].$patch({ param: { id: billId, lineId }, json: { withholdingConcept } })),
  /**
   * Sends one file to the reception inbox, to the same path and rules as the mailbox and the watched folder. The
   * bytes go as the body (name in `X-Nombre-Archivo`), one file per request: the 25 MB limit is per request.
   */
  upload: (file: File): Promise<UploadedFile[]> =>
    unwrap(client.api.v1.uploads.$post(undefined, { headers: { 'Content-Type': 'application/octet-stream', 'X-Nombre-Archivo': encodeURIComponent(file.name) }, init: { body: file } })),
  bill: (id: string): Promise<Bill> => unwrap(client.api.v1.bills[':id'].$get({ param: { id } })),
  /** Sends one RADIAN event about a bill: 030/032 by hand, «Aceptar» (033) or «Reclamar» (031 with its reason). */
  sendRadianEvent: (billId: string, code: RadianCode, reason?: ClaimCode): Promise<RadianEventView> =>
    unwrap(client.api.v1.radian.bills[':id'].events.$post({ param: { id: billId }, json: { code, ...(reason ? { reason } : {}) } })),
  radianSettings: (): Promise<RadianSettingsView> => unwrap(client.api.v1.radian.settings.$get()),
  saveRadianSettings: (input: RadianSettingsChange): Promise<RadianSettingsView> => unwrap(client.api.v1.radian.settings.$put({ json: input })),
  /** The company's .p12 (base64) and its password; answers what the certificate says, never the password. */
  uploadCertificate: (p12: string, password: string): Promise<CertificateView> => unwrap(client.api.v1.radian.certificate.$put({ json: { p12, password } })),
  accounts: (q: string): Promise<Account[]> => unwrap(client.api.v1.accounts.$get({ query: { q, limit: '30' } })),
};

export type AgentApi = typeof agentApi;

function pageQuery(page: { limit?: number; offset?: number }): { limit?: string; offset?: string } {
  return { ...(page.limit ? { limit: String(page.limit) } : {}), ...(page.offset ? { offset: String(page.offset) } : {}) };
}
