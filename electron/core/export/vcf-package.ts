import { createRequire } from 'node:module';

/** One vCard property as vcf formats it ("TEL;VALUE=text:+49 30 1234"). */
export interface VcfProperty {
  toString: (version: string) => string;
  valueOf: () => string | undefined;
}

/** A card as vcf reads it. */
export interface VcfCard {
  get: (key: string) => VcfProperty | VcfProperty[] | undefined;
}

/** The parts of the `vcf` package the export uses. */
export interface VcfPackage {
  Property: new (field: string, value: string, params?: Record<string, string>) => VcfProperty;
  EOL: string;
  /** Every card in a text of many. */
  parse: (text: string) => VcfCard[];
}

// vcf ships no types, and the import's reader declares the module for its own use: loaded here and typed by
// what the export needs, so the two declarations never meet.
export const vcf = createRequire(__filename)('vcf') as VcfPackage;
