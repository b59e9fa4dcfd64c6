import type { TemplateProblem, TemplateText } from '../../../shared/schemas/template';
import { renderMarkdown, slot, withoutSlots } from './markdown';
import { nearestField, type FieldCatalogue } from './merge-fields';
import { parseTemplate, positionOf, type TemplatePart } from './parse';

/** One person's message from a template. */
export interface MergedMessage {
  subject: string;
  text: string;
  html: string | null;
  /** Fields named but not known: left in the message as written, so a preview shows them. */
  unknownFields: string[];
  /** Known fields this person has no value for, with no fallback: merged as nothing. */
  emptyFields: string[];
}

export interface CompiledTemplate {
  problems: TemplateProblem[];
  /** Merges one person's values (a known field without a value is ''). */
  render: (valueOf: (key: string) => string) => MergedMessage;
}

/**
 * Reads a template once (problems in words, with their line) so that
 * thousands of messages can be merged from it. Values are merged as text:
 * in a formatted body they are escaped HTML, never Markdown; in the subject
 * line breaks become spaces, so a value can never add a mail header.
 */
export function compileTemplate(template: TemplateText, catalogue: FieldCatalogue): CompiledTemplate {
  const subject = parseTemplate(template.subject);
  const body = parseTemplate(template.body);
  const known = catalogue.fields.map((field) => field.key);
  const problems: TemplateProblem[] = [];
  const report = (part: TemplateProblem['part'], source: string, at: number, words: string) => {
    const { line, column } = positionOf(source, at);
    const where = part === 'subject' ? 'Subject' : `Line ${line}`;
    problems.push({ part, line, column, message: `${where}: ${words}` });
  };
  for (const [part, parsed, source] of [
    ['subject', subject, template.subject],
    ['body', body, template.body],
  ] as const) {
    const found: Array<{ at: number; words: string }> = parsed.problems.map((problem) => ({
      at: problem.at,
      words: problem.message,
    }));
    for (const field of parsed.parts) {
      if (field.kind !== 'field' || catalogue.sourceOf(field.name)) continue;
      const guess = nearestField(field.name, known);
      found.push({
        at: field.at,
        words: `unknown field {{${field.name}}}${guess ? ` — did you mean {{${guess}}}?` : ''}`,
      });
    }
    for (const problem of found.sort((a, b) => a.at - b.at)) report(part, source, problem.at, problem.words);
  }

  const unknown = (field: { name: string }) => !catalogue.sourceOf(field.name);
  return {
    problems,
    render(valueOf) {
      const unknownFields = new Set<string>();
      const emptyFields = new Set<string>();
      const valueFor = (field: Extract<TemplatePart, { kind: 'field' }>): string => {
        if (unknown(field)) {
          unknownFields.add(field.name);
          return field.source;
        }
        const value = valueOf(field.name);
        if (value.trim() !== '') return value;
        if (field.fallback !== null) return field.fallback;
        emptyFields.add(field.name);
        return '';
      };
      const mergedSubject = subject.parts
        .map((part) => (part.kind === 'text' ? part.text : valueFor(part)))
        .join('')
        .replace(/[\r\n]+/g, ' ');
      let text: string;
      let html: string | null = null;
      if (template.format === 'formatted') {
        const values: string[] = [];
        const source = body.parts
          .map((part) => (part.kind === 'text' ? withoutSlots(part.text) : slot(values.push(valueFor(part)) - 1)))
          .join('');
        ({ text, html } = renderMarkdown(source, values));
      } else {
        text = body.parts.map((part) => (part.kind === 'text' ? part.text : valueFor(part))).join('');
      }
      return { subject: mergedSubject, text, html, unknownFields: [...unknownFields], emptyFields: [...emptyFields] };
    },
  };
}
