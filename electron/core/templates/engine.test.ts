import { describe, expect, it } from 'vitest';
import type { TemplateText } from '../../../shared/schemas/template';
import { compileTemplate } from './compile';
import { checkedMailto, mailtoLink } from './mailto';
import { fieldCatalogue, fieldSlug } from './merge-fields';
import { parseTemplate } from './parse';
import { splitName } from './person-name';

const catalogue = fieldCatalogue([
  { id: 7, kind: 'contact', label: 'Membership level' },
  { id: 8, kind: 'company', label: 'Région (EU)' },
  { id: 9, kind: 'contact', label: 'Email' },
  { id: 10, kind: 'contact', label: '🎉' },
]);
const values: Record<string, string> = {
  first_name: 'Zoë',
  last_name: 'Ångström',
  name: 'Zoë Ångström',
  company: 'Acme & Söhne',
  membership_level: 'Gold',
  'company.region_eu': 'Nord',
};
const valueOf = (key: string) => values[key] ?? '';
const text = (body: string, subject = ''): TemplateText => ({ subject, body, format: 'text' });
const formatted = (body: string): TemplateText => ({ subject: '', body, format: 'formatted' });
const messages = (template: TemplateText) =>
  compileTemplate(template, catalogue).problems.map((problem) => problem.message);

describe('the merge engine', () => {
  it('merges fields with or without spaces inside the braces, in any case', () => {
    const merged = compileTemplate(
      text('Dear {{first_name}} {{ LAST_NAME }}, {{  company  }}', 'Hi {{first_name}}'),
      catalogue,
    ).render(valueOf);
    expect(merged).toMatchObject({
      subject: 'Hi Zoë',
      text: 'Dear Zoë Ångström, Acme & Söhne',
      html: null,
      unknownFields: [],
      emptyFields: [],
    });
  });

  it('uses a fallback only when the value is empty, in straight or curly quotes', () => {
    const template = text('Hi {{first_name | "there"}}, {{ phone | “no phone” }} {{company.industry|\'your trade\'}}');
    expect(compileTemplate(template, catalogue).render(valueOf).text).toBe('Hi Zoë, no phone your trade');
    expect(compileTemplate(template, catalogue).render(() => '').text).toBe('Hi there, no phone your trade');
  });

  it('merges an empty value as nothing and names the field as empty for that person', () => {
    const merged = compileTemplate(text('Call {{phone}} at {{company.website}}'), catalogue).render(valueOf);
    expect(merged.text).toBe('Call  at ');
    expect(merged.emptyFields).toEqual(['phone', 'company.website']);
  });

  it('names custom fields by a slug of their label, company ones after “company.”', () => {
    const keys = catalogue.fields.map((field) => field.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'first_name',
        'company.name',
        'company.industry',
        'membership_level',
        'company.region_eu',
        'email_2',
        'field_10',
      ]),
    );
    expect(catalogue.fields.find((field) => field.key === 'email_2')).toMatchObject({
      label: 'Email',
      custom: true,
      group: 'contact',
    });
    expect(compileTemplate(text('{{membership_level}} in {{company.region_eu}}'), catalogue).render(valueOf).text).toBe(
      'Gold in Nord',
    );
    expect(fieldSlug('  Membership level ')).toBe('membership_level');
    expect(fieldSlug('Crème brûlée #2')).toBe('creme_brulee_2');
  });

  it('says which line an unclosed “{{” is on', () => {
    expect(messages(text('Hello\nthere\nDear {{first_name, welcome'))).toEqual(['Line 3: a “{{” is never closed']);
    expect(messages(text('ok', 'Hi {{first_name'))).toEqual(['Subject: a “{{” is never closed']);
  });

  it('flags a stray “}}”, an empty “{{ }}”, a field inside a field and a malformed field', () => {
    expect(messages(text('Hi first_name}}'))).toEqual(['Line 1: a “}}” has no “{{” before it']);
    expect(messages(text('Hi {{ }}'))).toEqual(['Line 1: “{{ }}” names no field']);
    expect(messages(text('Hi {{ first_name {{ last_name }} }}'))).toEqual([
      'Line 1: a “{{” is never closed',
      'Line 1: a “}}” has no “{{” before it',
    ]);
    expect(messages(text('{{first name}}'))).toEqual([
      'Line 1: “{{first name}}” is not a field: write {{field}} or {{field | "fallback"}}',
    ]);
  });

  it('flags an unknown field and suggests the field that was probably meant', () => {
    expect(messages(text('a\nb\nHi {{frist_name}} of {{zzzzzzzz}}'))).toEqual([
      'Line 3: unknown field {{frist_name}} — did you mean {{first_name}}?',
      'Line 3: unknown field {{zzzzzzzz}}',
    ]);
    const merged = compileTemplate(text('Hi {{frist_name}}'), catalogue).render(valueOf);
    expect(merged).toMatchObject({ text: 'Hi {{frist_name}}', unknownFields: ['frist_name'] });
  });

  it('keeps emoji and accents as written, in the template and in merged values', () => {
    const merged = compileTemplate(
      { subject: '🎉 {{first_name}}', body: 'Grüße, {{name}} 👋 — {{company}}', format: 'formatted' },
      catalogue,
    ).render(valueOf);
    expect(merged.subject).toBe('🎉 Zoë');
    expect(merged.text).toBe('Grüße, Zoë Ångström 👋 — Acme & Söhne');
    expect(merged.html).toBe('<p>Grüße, Zoë Ångström 👋 — Acme &amp; Söhne</p>');
  });

  it('renders the formatted subset to HTML and a plain text part', () => {
    const merged = compileTemplate(
      formatted(
        'Hi **{{first_name}}**, *welcome*.\nSee [our site](https://example.com).\n\n- one\n- two\n\n1. first\n2. second',
      ),
      catalogue,
    ).render(valueOf);
    expect(merged.html).toBe(
      '<p>Hi <strong>Zoë</strong>, <em>welcome</em>.<br>See <a href="https://example.com">our site</a>.</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
    expect(merged.text).toBe(
      'Hi Zoë, welcome.\nSee our site (https://example.com).\n\n- one\n- two\n\n1. first\n2. second',
    );
  });

  it('escapes merged values in HTML and never reads them as Markdown', () => {
    const hostile: Record<string, string> = {
      ...values,
      first_name: '<script>alert(1)</script> **bold** [x](javascript:alert(1))',
    };
    const merged = compileTemplate(formatted('Hi {{first_name}}'), catalogue).render((key) => hostile[key] ?? '');
    expect(merged.html).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1))</p>');
    expect(merged.text).toBe(`Hi ${hostile.first_name}`);
  });

  it('links only to web and mail addresses, even when a field fills the link', () => {
    const template = formatted('[Click]({{membership_level}}) and [Mail](mailto:a@b.example)');
    const bad = compileTemplate(template, catalogue).render((key) =>
      key === 'membership_level' ? 'javascript:alert(1)' : '',
    );
    expect(bad.html).toBe('<p>Click and <a href="mailto:a@b.example">Mail</a></p>');
    const good = compileTemplate(template, catalogue).render((key) =>
      key === 'membership_level' ? 'https://example.com/?a="b"' : '',
    );
    expect(good.html).toContain('<a href="https://example.com/?a=&quot;b&quot;">Click</a>');
  });

  it('turns line breaks in a merged subject into spaces, so no value can add a mail header', () => {
    const merged = compileTemplate(text('', 'Hi {{first_name}}'), catalogue).render(
      () => 'Zoë\r\nBcc: all@example.com',
    );
    expect(merged.subject).toBe('Hi Zoë Bcc: all@example.com');
  });

  it('merges a 100,000-character body', () => {
    const body = `${'x'.repeat(99_980)}{{first_name}}`;
    expect(body.length).toBeLessThanOrEqual(100_000);
    const merged = compileTemplate(text(body), catalogue).render(valueOf);
    expect(merged.text.endsWith('xZoë')).toBe(true);
  });

  it('parses fields with the position they start at', () => {
    expect(parseTemplate('ab {{ name | "x" }}').parts).toEqual([
      { kind: 'text', text: 'ab ' },
      { kind: 'field', name: 'name', fallback: 'x', source: '{{ name | "x" }}', at: 3 },
    ]);
  });
});

describe('names split for a greeting', () => {
  it.each([
    ['Anna Berg', 'Anna', 'Berg'],
    ['  Anna   Maria  Berg ', 'Anna', 'Maria Berg'],
    ['Berg, Anna', 'Anna', 'Berg'],
    ['Dr. Anna van Berg', 'Anna', 'van Berg'],
    ['Cher', 'Cher', ''],
    ['Dr', 'Dr', ''],
    ['Zoë Ångström', 'Zoë', 'Ångström'],
  ])('%s → %s / %s', (name, first, last) => {
    expect(splitName(name)).toEqual({ first, last });
  });
});

describe('mailto links', () => {
  it('encode every part, so spaces, line breaks, & and ? cannot change the link', () => {
    const link = mailtoLink('anna@example.com', 'Q&A? Yes', 'Line 1\nLine 2 & more?');
    expect(link).toBe('mailto:anna@example.com?subject=Q%26A%3F%20Yes&body=Line%201%0D%0ALine%202%20%26%20more%3F');
    const parsed = new URL(link);
    expect(parsed.searchParams.get('subject')).toBe('Q&A? Yes');
    expect(parsed.searchParams.get('body')).toBe('Line 1\r\nLine 2 & more?');
  });

  it('refuse a message too long for a mail app', () => {
    expect(() => mailtoLink('a@b.example', 'Hi', 'x'.repeat(40_000))).toThrow(/too long to hand to a mail app/);
  });

  it('reach the desktop only with the mailto: scheme', () => {
    expect(checkedMailto('mailto:a@b.example?subject=x')).toBe('mailto:a@b.example?subject=x');
    for (const other of [
      'https://evil.example',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'MAILTO',
      'not a url',
      'xmailto:a@b.example',
    ]) {
      expect(() => checkedMailto(other)).toThrow(/only opens email links/);
    }
  });
});
