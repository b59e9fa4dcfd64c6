/** A template split into literal text and the fields it names. */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'field'; name: string; fallback: string | null; source: string; at: number };

/** A mistake in how a template is written, at a character offset. */
export interface SyntaxProblem {
  at: number;
  message: string;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  problems: SyntaxProblem[];
}

// A field name: words of letters, digits and underscores, with one optional "company." in front.
const fieldPattern = /^\s*([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?)\s*(?:\|\s*(?:"([^"]*)"|“([^”]*)”|'([^']*)')\s*)?$/;

/**
 * Splits a template into text and `{{ field }}` / `{{ field | "fallback" }}`
 * parts, tolerant of spaces. Mistakes (a "{{" never closed, a "}}" with no
 * "{{", "{{ }}", a field inside a field) become problems and the text they
 * cover stays literal, so a preview can still show everything else.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: SyntaxProblem[] = [];
  let text = '';
  let at = 0;
  const flushText = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    const strayClose = source.indexOf('}}', at);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      problems.push({ at: strayClose, message: 'a “}}” has no “{{” before it' });
      text += source.slice(at, strayClose + 2);
      at = strayClose + 2;
      continue;
    }
    if (open === -1) {
      text += source.slice(at);
      break;
    }
    text += source.slice(at, open);
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      problems.push({ at: open, message: 'a “{{” is never closed' });
      const resume = nextOpen === -1 ? source.length : nextOpen;
      text += source.slice(open, resume);
      at = resume;
      continue;
    }
    const inside = source.slice(open + 2, close);
    const whole = source.slice(open, close + 2);
    const match = fieldPattern.exec(inside);
    if (inside.trim() === '') {
      problems.push({ at: open, message: '“{{ }}” names no field' });
      text += whole;
    } else if (!match) {
      problems.push({
        at: open,
        message: `“${shorten(whole)}” is not a field: write {{field}} or {{field | "fallback"}}`,
      });
      text += whole;
    } else {
      flushText();
      parts.push({
        kind: 'field',
        name: match[1]!.toLowerCase(),
        fallback: match[2] ?? match[3] ?? match[4] ?? null,
        source: whole,
        at: open,
      });
    }
    at = close + 2;
  }
  flushText();
  return { parts, problems };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Line and column (from 1) of a character offset. */
export function positionOf(source: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < at; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: at - lineStart + 1 };
}
