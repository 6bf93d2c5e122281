/**
 * A question about a whole text, answered once per text. Readers ask their document-level gates ("does this report
 * hold any Hangul?", "any line closing a greeting?") of every sentence or token; the answer is kept for the last text
 * asked, since a document's stages run one after another on the same string.
 */
export function perText<T>(read: (text: string) => T): (text: string) => T {
  let lastText: string | null = null;
  let lastAnswer: T;
  return (text: string): T => {
    if (text !== lastText) {
      lastAnswer = read(text);
      lastText = text;
    }
    return lastAnswer!;
  };
}
