import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((part) => part.segment);

describe('initials, one grapheme each', () => {
  const cases: Array<[name: string, initials: string]> = [
    ['Anna Berg', 'AB'],
    ['madonna', 'M'],
    ['  anna   maria   berg  ', 'AB'],
    // Emoji are not words to take an initial from, when there are words.
    ['👩‍💻 Dev Person 🚀', 'DP'],
    ['🚀 Rocket', 'R'],
    ['Zoë 🎉 Party', 'ZP'],
    // With no letters at all, the first emoji, whole (ZWJ sequences, skin tones, flags, keycaps).
    ['👩‍💻', '👩‍💻'],
    ['👨‍👩‍👧‍👦 🏠', '👨‍👩‍👧‍👦'],
    ['👍🏽', '👍🏽'],
    ['🇸🇪 🇳🇴', '🇸🇪'],
    ['🏳️‍🌈', '🏳️‍🌈'],
    ['1️⃣', '1️⃣'],
    ['007', '0'],
    ['', '?'],
    ['   ', '?'],
    ['…', '?'],
    // ß has no one-letter capital: it stays itself rather than becoming "SS".
    ['ß straße', 'ßS'],
    ['ßtraße', 'ß'],
    // Accents, precomposed or combining, stay on their letter.
    ['Émile Zola', 'ÉZ'],
    ['e\u0301mile zola', 'E\u0301Z'],
    ['ångström Örn', 'ÅÖ'],
    ['łukasz żółw', 'ŁŻ'],
    // Ligatures and digraphs that upper-case to two letters stay as they are; one-letter capitals are used.
    ['ﬁona ﬂynn', 'ﬁﬂ'],
    ['ǆemal', 'Ǆ'],
    ['ĳsbrand de Vries', 'ĲV'],
    ['IJsbrand de Vries', 'IV'],
    ['İpek ılgaz', 'İI'],
    // Scripts without case, and clusters that are one letter to a reader.
    ['山田 太郎', '山太'],
    ['김민준', '김'],
    ['محمد علي', 'مع'],
    ['देवनागरी लिपि', 'देलि'],
    ['क्षत्रिय', 'क्ष'],
    ['Ελένη Παππά', 'ΕΠ'],
    ['ярослав мудрый', 'ЯМ'],
    // Words that start with punctuation count from their first letter.
    ['“Bob” Smith', 'BS'],
    ["O'Brien", 'O'],
    ['(Kim) Lee', 'KL'],
  ];

  for (const [name, initials] of cases) {
    it(`${JSON.stringify(name)} → ${JSON.stringify(initials)}`, () => {
      expect(initialsOf(name)).toBe(initials);
    });
  }

  it('never splits a character: every initial is a whole grapheme of the name, upper-cased or not', () => {
    for (const [name] of cases) {
      const own = new Set(graphemes(name.normalize('NFC')).flatMap((part) => [part, part.toUpperCase()]));
      for (const part of graphemes(initialsOf(name)))
        if (part !== '?') expect(own.has(part.normalize('NFC')) || own.has(part)).toBe(true);
      expect(graphemes(initialsOf(name)).length).toBeLessThanOrEqual(2);
    }
  });
});
