/**
 * The small Markdown subset formatted templates use: paragraphs (a blank
 * line between), line breaks, "- " and "1. " lists, **bold**, *italic* and
 * [links](https://…). Written here rather than taken from a library: the
 * subset is small, and merged values must never be read as Markdown or HTML,
 * which this guarantees by construction. The source holds each merged value
 * as a placeholder (`slot(index)`); the renderer puts the value in escaped,
 * after the Markdown is read.
 */

const slotStart = '\uE000';
const slotEnd = '\uE001';
const slotPattern = /\uE000(\d+)\uE001/g;

/** The placeholder for merged value `index`. */
export const slot = (index: number) => `${slotStart}${index}${slotEnd}`;

/** Text with the placeholder characters taken out, so a template cannot fake a slot. */
export const withoutSlots = (text: string) => text.replaceAll(slotStart, '').replaceAll(slotEnd, '');

type Block = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[] };

const bullet = /^\s*[-*•]\s+/;
const numbered = /^\s*\d{1,3}[.)]\s+/;

function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const ordered = numbered.test(line);
    if (line.trim() === '') {
      current = undefined;
    } else if (ordered || bullet.test(line)) {
      const item = line.replace(ordered ? numbered : bullet, '');
      if (current?.kind === 'list' && current.ordered === ordered) current.items.push(item);
      else blocks.push((current = { kind: 'list', ordered, items: [item] }));
    } else if (current?.kind === 'paragraph') {
      current.lines.push(line);
    } else {
      blocks.push((current = { kind: 'paragraph', lines: [line] }));
    }
  }
  return blocks;
}

const inlinePattern = /\*\*(.+?)\*\*|\*(?=\S)(.+?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const safeLink = /^(https?:\/\/|mailto:)/i;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

interface Output {
  text: (raw: string) => string;
  bold: (inner: string) => string;
  italic: (inner: string) => string;
  link: (inner: string, href: string | null) => string;
}

function inline(source: string, out: Output, fill: (text: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of source.matchAll(inlinePattern)) {
    result += out.text(source.slice(last, match.index));
    if (match[1] !== undefined) result += out.bold(inline(match[1], out, fill));
    else if (match[2] !== undefined) result += out.italic(inline(match[2], out, fill));
    else {
      const href = fill(match[4]!).trim();
      result += out.link(inline(match[3]!, out, fill), safeLink.test(href) ? href : null);
    }
    last = match.index + match[0].length;
  }
  return result + out.text(source.slice(last));
}

/** Both parts of a formatted message: HTML with every merged value escaped, and the plain text part. */
export function renderMarkdown(source: string, values: readonly string[]): { html: string; text: string } {
  const fill = (text: string) => text.replace(slotPattern, (_, index: string) => values[Number(index)] ?? '');
  const html: Output = {
    text: (raw) =>
      escapeHtml(raw)
        .replace(slotPattern, (_, index: string) => escapeHtml(values[Number(index)] ?? ''))
        .replaceAll('\n', '<br>'),
    bold: (inner) => `<strong>${inner}</strong>`,
    italic: (inner) => `<em>${inner}</em>`,
    link: (inner, href) => (href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner),
  };
  const plain: Output = {
    text: fill,
    bold: (inner) => inner,
    italic: (inner) => inner,
    link: (inner, href) => (href && href !== inner && `mailto:${inner}` !== href ? `${inner} (${href})` : inner),
  };
  const blocks = blocksOf(source);
  return {
    html: blocks
      .map((block) =>
        block.kind === 'paragraph'
          ? `<p>${inline(block.lines.join('\n'), html, fill)}</p>`
          : `<${block.ordered ? 'ol' : 'ul'}>${block.items.map((item) => `<li>${inline(item, html, fill)}</li>`).join('')}</${block.ordered ? 'ol' : 'ul'}>`,
      )
      .join('\n'),
    text: blocks
      .map((block) =>
        block.kind === 'paragraph'
          ? inline(block.lines.join('\n'), plain, fill)
          : block.items
              .map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inline(item, plain, fill)}`)
              .join('\n'),
      )
      .join('\n\n'),
  };
}
