/**
 * Why a message shown to an office worker is not a plain sentence, or
 * undefined when it is: it must be words ending in a full stop, with no
 * program internals (an error class, a stack line, "undefined", "[object").
 */
export function messageProblem(message: unknown): string | undefined {
  if (typeof message !== 'string') return 'not text';
  if (message.trim().length < 10) return 'too short to explain anything';
  if (!/[.!?)"”]$/.test(message.trim())) return 'not a finished sentence';
  const internals = [
    /\bundefined\b/,
    /\bnull\b/,
    /\[object /,
    /\bNaN\b/,
    /TypeError|RangeError|SyntaxError|ReferenceError/,
    /\n\s+at .+:\d+/,
    /\bSQLITE_/,
    /\bE[A-Z]{3,}\b:/,
  ];
  const found = internals.find((pattern) => pattern.test(message));
  return found ? `shows program internals (${found.source})` : undefined;
}
