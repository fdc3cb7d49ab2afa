/** A company whose purchases the agent registers. An accountant keeps several in one database. */
export interface CompanyProfile {
  id: string;
  nit: string;
  dv?: string;
  name: string;
  /** The person using the agent, for "Hola, {nombre}". */
  userName: string;
  /** CIIU economic activities, main first (`4719`, `5611`…). */
  ciiu: string[];
  /** Agente de retención en la fuente (personas jurídicas are). */
  withholdingAgent: boolean;
  /** Gran contribuyente (O-13): practises ReteIVA. */
  largeTaxpayer: boolean;
  /** Agente retenedor de IVA designated by DIAN (O-23): practises ReteIVA too. */
  ivaWithholdingAgent: boolean;
  /** Responsable de IVA: IVA paid is descontable (240810) instead of cost. */
  ivaResponsible: boolean;
  /** ReteICA rate in per mille for purchases in the company's municipality, when it is an ICA withholding agent. */
  icaRatePerMille?: string;
  /**
   * DIVIPOLA code of the municipality where the company practises ReteICA (`11001` Bogotá). The rate then comes
   * from the supplier's activity in `server/data/reteica-rules.json`, not from a single company rate.
   */
  icaMunicipality?: string;
  /**
   * IVA paid on fixed assets and intangible licences: into the asset's cost (`capitalize`), or to 135530 as a
   * discount on income tax (`discount`, ET art. 258-1), per the company's policy.
   */
  fixedAssetIva: 'capitalize' | 'discount';
  /** Which class-5 group expenses go to: administración (51), ventas (52) or costo (61/7). */
  expenseFunction: 'admin' | 'ventas' | 'costo';
  /** Keeps inventory (perpetual → 1435; periodic → 6205; none → goods are expenses). */
  inventory: 'perpetual' | 'periodic' | 'none';
  /**
   * NITs of suppliers whose documents may register by themselves when they arrive without DIAN's response (a
   * vendor portal's bare XML), as long as the supplier's own signature verifies under a known authority. Never
   * relaxes anything else: a broken signature is never registered.
   */
  trustedSupplierNits?: string[];
  createdAt: string;
}

export type CompanyInput = Omit<CompanyProfile, 'id' | 'createdAt' | 'fixedAssetIva'> & { fixedAssetIva?: CompanyProfile['fixedAssetIva'] };
