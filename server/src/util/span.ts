/** A half-open range of UTF-16 offsets into the document text. Converted to LSP positions only at the edge. */
export interface Span {
  start: number;
  end: number;
}
