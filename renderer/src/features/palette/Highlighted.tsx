import { highlight } from './highlight';

/** Text with the typed words marked; plain React text nodes, so nothing in a record is ever read as HTML. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlight(text, words).map((piece, index) =>
        piece.matched ? (
          <mark key={index} className="palette__match">
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
