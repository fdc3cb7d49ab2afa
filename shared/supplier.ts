/** A supplier as the books see it: who it is and what decides the rates withheld from it. */
export interface Supplier {
  id: string;
  nit: string;
  dv?: string;
  name: string;
  /** `juridica` or `natural`: from the document (AdditionalAccountID) unless a person changed it. */
  personType?: 'juridica' | 'natural';
  /**
   * Files an income-tax return (declarante). Legal entities always do; for natural persons the XML does not say, so
   * a person sets it (from the RUT or a signed declaration). `null`: not known yet.
   */
  declarante: boolean | null;
  responsibilities: string[];
  ciiu: string[];
}

export interface SupplierTaxChange {
  personType?: 'juridica' | 'natural';
  declarante?: boolean | null;
}
