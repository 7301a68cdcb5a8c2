/** The npm package `linebreak` (UAX #14, the Unicode Line Breaking Algorithm) ships no typings. */
declare module 'linebreak' {
  interface Break {
    /** A line may end before this offset (UTF-16 code units) of the text. */
    position: number;
    /** A mandatory break (a newline), as opposed to an opportunity. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next break in the text, the end of the text last; null after it. */
    nextBreak(): Break | null;
  }
}
