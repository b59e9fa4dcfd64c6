/**
 * A file separated by semicolons comes from where the comma is the decimal
 * point (Excel chooses ';' there, and Rolodesk's export does too), so its
 * "1,234" is one point two three four, not a thousand, and "1.234.567,5"
 * groups thousands with points. Such a number is given back with a decimal
 * point; anything else is left for the number rules to judge.
 */
const commaDecimal = /^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

export function withDecimalPoint(typed: string): string {
  const text = typed.trim();
  return commaDecimal.test(text) ? text.replace(/\./g, '').replace(',', '.') : typed;
}
