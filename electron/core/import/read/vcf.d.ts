// Types for the parts of the `vcf` package (no types of its own) that the vCard reader uses.
declare module 'vcf' {
  namespace vCard {
    interface Property {
      /** The raw value, still vCard-escaped; undefined for an empty property. */
      valueOf: () => string | undefined;
      /** TYPE parameters, lower-cased: one, several, or none. */
      type?: string | string[];
      pref?: string;
      [param: string]: unknown;
    }
  }
  class vCard {
    version: string;
    data: Record<string, vCard.Property | vCard.Property[] | undefined>;
    /** Parses one card; throws SyntaxError for a card without BEGIN, END or VERSION. */
    parse(text: string): this;
  }
  export = vCard;
}

declare module 'quoted-printable' {
  /** Decodes quoted-printable text into a byte string (one character per byte). */
  export function decode(text: string): string;
  export function encode(byteString: string): string;
}
