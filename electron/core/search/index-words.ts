import Database from 'better-sqlite3';
import { searchWords } from '../../../shared/search-words';

/** How the search index splits and folds text (migration 14 made search_fts with it; a test holds the two together). */
export const searchTokenizer = 'unicode61 remove_diacritics 2';

const asciiOnly = /^\p{ASCII}*$/u;
const asciiSeparators = /[^a-z0-9]+/g;
const blockBits = 7;

/** A search as phrases of index words ("o brien"), and what text must hold to match it (see matches). */
export interface Phrases {
  phrases: string[];
  /** Each phrase's first word, loosely: any case, and any non-ASCII character for a letter or between letters. */
  inText: RegExp[];
}

const nonAscii = '[^\\x00-\\x7f]';
const escaped = (character: string) => character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What text must hold for the index to read `word` in it: each folded
 * character comes from one character of the text (the same ASCII letter in
 * any case, or some non-ASCII one), and between two of them stand only
 * characters the index folds to nothing (accents), never ASCII.
 */
function looseWord(word: string): RegExp {
  const letters = [...word].map((character) =>
    asciiOnly.test(character) ? `(?:${escaped(character)}|${nonAscii})` : nonAscii,
  );
  return new RegExp(letters.join(`${nonAscii}*`), 'i');
}

/**
 * Words as the search index reads them, in plain JavaScript: a list walking
 * its own sort order tests each row against the search here (list-search.ts)
 * and must agree with the index on every row. unicode61 reads text one
 * character at a time: a character either separates words or belongs to
 * one, folded (no case, no accents: "É" → "e", "Ø" → "ø", a combining accent
 * → nothing). Which, and to what, is asked of SQLite itself for a block of
 * 128 characters the first time one of them is met, so the two cannot
 * disagree in any script. ASCII needs no asking: letters and digits, lower-cased.
 */
export class IndexWords {
  /** Code point → its folded text, or null for a separator. */
  private readonly folds = new Map<number, string | null>();
  private probe: {
    db: Database.Database;
    insert: Database.Statement<[number, string]>;
    words: Database.Statement<[], { doc: number; term: string }>;
  } | null = null;

  /**
   * The text as the index's words, each after a space (" anna berg"): a
   * phrase of words is found where " " + its words, joined by spaces, occur.
   */
  words(text: string | null): string {
    if (text === null || text === '') return ' ';
    if (asciiOnly.test(text)) return ` ${text.toLowerCase().replace(asciiSeparators, ' ')}`;
    let words = ' ';
    for (const character of text) {
      const folded = this.fold(character.codePointAt(0)!);
      if (folded !== null) words += folded;
      else if (!words.endsWith(' ')) words += ' ';
    }
    return words;
  }

  /** What a search looks for: each typed word as the phrase the index makes of it; words the index reads as nothing are left out, as it leaves them out. */
  phrases(typed: string): Phrases {
    const phrases = searchWords(typed).flatMap((word) => {
      const phrase = this.words(word).trim();
      return phrase === '' ? [] : [phrase];
    });
    return { phrases, inText: phrases.map((phrase) => looseWord(phrase.split(' ')[0]!)) };
  }

  /**
   * True when every phrase starts at a word of one of the columns, its last
   * word as a prefix: the index's `"w1"* "w2"*` (toPrefixQuery). No phrase
   * (nothing to look for) matches nothing, as there.
   */
  matches({ phrases, inText }: Phrases, columns: ReadonlyArray<string | null>): boolean {
    if (phrases.length === 0) return false;
    // Most rows a list walks do not match: a quick look for each phrase's first word, loosely, rules them out.
    if (!inText.every((word) => columns.some((column) => column !== null && word.test(column)))) return false;
    // A phrase never spans two columns: each column's words end at a line break.
    const document = columns.map((column) => `${this.words(column)} \n`).join('');
    return phrases.every((phrase) => document.includes(` ${phrase}`));
  }

  /**
   * Where in the text the index's first word starts (in UTF-16 units): the
   * first character it reads as a letter or digit, not as a separator nor as
   * an accent it folds away; the text's length when there is none.
   */
  firstWordAt(text: string): number {
    let at = 0;
    for (const character of text) {
      if (this.fold(character.codePointAt(0)!)) return at;
      at += character.length;
    }
    return text.length;
  }

  private fold(codePoint: number): string | null {
    if (codePoint < 0x80) {
      if ((codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39))
        return String.fromCharCode(codePoint);
      return codePoint >= 0x41 && codePoint <= 0x5a ? String.fromCharCode(codePoint + 0x20) : null;
    }
    if (!this.folds.has(codePoint)) this.learnBlock(codePoint >> blockBits);
    return this.folds.get(codePoint) ?? null;
  }

  /** Asks an in-memory index with the same tokenizer how it reads "a<c>b" for every character c of a block. */
  private learnBlock(block: number): void {
    this.probe ??= openProbe();
    const { db, insert, words } = this.probe;
    const first = block << blockBits;
    const found = new Map<number, string[]>();
    db.transaction(() => {
      for (let codePoint = first; codePoint < first + (1 << blockBits); codePoint++) {
        // Lone surrogates never come out of the database as text.
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) this.folds.set(codePoint, null);
        else insert.run(codePoint, `a${String.fromCodePoint(codePoint)}b`);
      }
      for (const row of words.all()) found.set(row.doc, [...(found.get(row.doc) ?? []), row.term]);
      db.exec('DELETE FROM probe');
    })();
    for (const [codePoint, terms] of found) {
      const [only] = terms;
      // One word "a…b": the character belongs to words, folded to what stands between; two words "a", "b": it separates them.
      this.folds.set(codePoint, terms.length === 1 && only !== undefined ? only.slice(1, -1) : null);
    }
  }
}

function openProbe() {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE probe USING fts5(text, tokenize = '${searchTokenizer}'); CREATE VIRTUAL TABLE probe_words USING fts5vocab(probe, 'instance');`,
  );
  return {
    db,
    insert: db.prepare<[number, string]>('INSERT INTO probe (rowid, text) VALUES (?, ?)'),
    words: db.prepare<[], { doc: number; term: string }>('SELECT doc, term FROM probe_words ORDER BY doc, offset'),
  };
}
