// How much sinchcp analyses. A Contact Pro configuration is a few hundred lines; beyond these limits a file is
// not parsed at all (parsing alone would take seconds and, for a pasted million-item list, gigabytes) and gets
// one finding saying which limit and what to do. Measured with `yaml` on a 2-core machine: a generated
// 20,000-line file (0.9 MB, 28,700 list items and keys) parses in about 0.3 s; a flow list costs about 10 µs per
// item to parse and as much again to check, so 50,000 items stay under a second; one value of 1 MB parses in
// 0.05 s. The checks below are one pass over the text (the entry count is taken while lexing, which the parse
// needs anyway), so a file far beyond them is turned away in milliseconds.

/** Characters in the whole file (about 20,000 lines of a typical configuration). */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Characters on one line (a configuration's longest lines, URLs, are about 150). */
export const MAX_LINE_LENGTH = 10_000;
/** List items and mapping keys in the whole file (a 20,000-line configuration has about 29,000). */
export const MAX_ENTRIES = 50_000;

export interface LimitExceeded {
  /** Where to report: the start of the file, of the long line, or of the entry past the limit. */
  at: number;
  message: string;
}

const number = (n: number) => n.toLocaleString('en-US');
const WHAT_TO_DO =
  'A Contact Pro configuration is a few hundred lines: remove what was pasted by mistake (logs, exports, repeated lines), or split the file.';

/** The first limit of size or line length the text exceeds, found in one pass, or undefined. */
export function sizeLimitExceeded(text: string): LimitExceeded | undefined {
  if (text.length > MAX_TEXT_LENGTH) {
    return {
      at: 0,
      message: `This file has ${number(text.length)} characters, more than the ${number(MAX_TEXT_LENGTH)} (about 20,000 lines) sinchcp checks, so it is not checked. ${WHAT_TO_DO}`,
    };
  }
  if (text.length <= MAX_LINE_LENGTH) return undefined;
  // Line breaks as LSP counts them: \r\n, \r or \n.
  const lineBreak = /\r\n|\r|\n/g;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text);
    const end = found ? found.index : text.length;
    if (end - start > MAX_LINE_LENGTH) {
      return {
        at: start,
        message: `Line ${number(line + 1)} has ${number(end - start)} characters, more than the ${number(MAX_LINE_LENGTH)} sinchcp checks on one line, so the file is not checked. ${WHAT_TO_DO}`,
      };
    }
    if (!found) break;
    start = end + found[0].length;
  }
  return undefined;
}

export function tooManyEntries(at: number): LimitExceeded {
  return {
    at,
    message: `This file has more than ${number(MAX_ENTRIES)} list items and keys (the one here is past that), more than sinchcp checks, so it is not checked. ${WHAT_TO_DO}`,
  };
}
