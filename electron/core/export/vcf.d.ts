// The small part of the `vcf` package (no types of its own) that the export uses to format cards.
declare module 'vcf' {
  class VCardProperty {
    constructor(field: string, value: string, params?: Record<string, string | string[]>);
    toString(version?: string): string;
    valueOf(): string;
  }
  class VCard {
    static Property: typeof VCardProperty;
    static EOL: string;
    /** Every card in a text of many. */
    static parse(text: string): VCard[];
    get(key: string): VCardProperty | VCardProperty[] | undefined;
  }
  export = VCard;
}
