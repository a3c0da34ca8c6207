// The report's text is set in the PDF standard Helvetica, which every reader has without embedding a
// font; its encoding (WinAnsi) holds Latin-1 and a few typographic marks. Signs outside it are spelled
// in ASCII where an equivalent exists, and anything else becomes "?", rather than being written as
// bytes a reader would show as the wrong letters.
const SPELLED: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '\u2011': '-',
  '\u2009': ' ',
  '\u202f': ' ',
};

// The WinAnsi code points above Latin-1's control range (0x80–0x9F).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += SPELLED[ch] ?? '?';
  }
  return out;
}
