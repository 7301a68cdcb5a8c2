/**
 * Every way the DOCX renderer refuses to produce a file, each with a stable code.
 *
 * Modelled on docxtemplater's es6/errors.js: one constructor per problem, the code for programs,
 * a sentence for people that names what to fix. Messages never quote case text (names, A-numbers):
 * they point at the place in the tree instead, because error messages end up in logs.
 */

export type DocxErrorCode =
  /** A text holds a character XML 1.0 cannot carry; Word would refuse the file. */
  | 'DOCX_INVALID_XML_CHAR'
  /** The document tree breaks its own contract (a NaN width, an unknown style, a bad date). */
  | 'DOCX_INVALID_TREE'
  /** The shell has a tag the renderer does not fill. */
  | 'DOCX_UNKNOWN_TAG'
  /** The shell file cannot be read as a .docx at all. */
  | 'DOCX_SHELL_UNREADABLE'
  /** A part every shell needs is missing. */
  | 'DOCX_SHELL_MISSING_PART'
  /** The shell has no `[[@body]]` tag. */
  | 'DOCX_SHELL_NO_BODY'
  /** The `[[@body]]` tag is there but not alone in one paragraph. */
  | 'DOCX_SHELL_BAD_BODY'
  /** The shell lacks paragraph or character styles the body refers to. */
  | 'DOCX_SHELL_MISSING_STYLES'
  /** docxtemplater could not read the shell's tags (unclosed tag, tag in a bad place). */
  | 'DOCX_SHELL_TEMPLATE'
  /** The shell file, or what it unpacks to, is over a limit of shell-file.ts (SHELL_LIMITS). */
  | 'DOCX_SHELL_TOO_LARGE'
  /** A zip entry has a name no .docx part can have: `..`, an absolute path, a backslash, a repeat. */
  | 'DOCX_SHELL_BAD_ENTRY'
  /** A part that is not on the allowlist of shell-package.ts, or that nothing in the package uses. */
  | 'DOCX_SHELL_UNKNOWN_PART'
  /** Macros, ActiveX controls, embedded objects, DDE fields, mail merge: content that runs. */
  | 'DOCX_SHELL_ACTIVE_CONTENT'
  /** Something Word would fetch from outside the file: a remote template, a linked picture, a frame. */
  | 'DOCX_SHELL_EXTERNAL';

export class DocxError extends Error {
  override readonly name = 'DocxError';

  constructor(
    readonly code: DocxErrorCode,
    /** The message without its code, for people. */
    readonly sentence: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${sentence}`);
  }
}

const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

/** `U+0007 (BEL, a control character)`: what a person needs to find the character in their data. */
function describeCodeUnit(unit: number): string {
  const hex = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
  if (unit < 0x20) return `${hex} (${C0_NAMES[unit] ?? 'control'}, a control character)`;
  if (unit >= 0xd800 && unit <= 0xdfff) return `${hex} (half of a character whose other half is missing)`;
  return `${hex} (a noncharacter)`;
}

export function invalidXmlChar(unit: number, where: string, offset: number): DocxError {
  const char = describeCodeUnit(unit);
  return new DocxError(
    'DOCX_INVALID_XML_CHAR',
    `${where} contains ${char} at offset ${offset}, which a Word document cannot hold. ` +
      'Remove it from the case data; it usually comes from text pasted out of another program.',
    { char: char.slice(0, char.indexOf(' ')), where, offset: String(offset) },
  );
}

export function invalidTree(where: string, problem: string): DocxError {
  return new DocxError('DOCX_INVALID_TREE', `${where}: ${problem}.`, { where });
}

export function unknownTag(tag: string): DocxError {
  return new DocxError(
    'DOCX_UNKNOWN_TAG',
    `The Word shell has the tag [[${tag}]], which Reopen does not fill. ` +
      'Known tags: [[@body]], [[title]], [[created]], [[headerLeft]], [[headerRight]], [[footerLeft]], ' +
      '[[#pageNumbers]]...[[/pageNumbers]].',
    { tag },
  );
}

export function shellUnreadable(source: string, reason: string): DocxError {
  return new DocxError('DOCX_SHELL_UNREADABLE', `The Word shell ${source} cannot be read: ${reason}.`, { source });
}

export function shellMissingPart(source: string, part: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_MISSING_PART',
    `The Word shell ${source} has no ${part}; save it from Word as a .docx document.`,
    { source, part },
  );
}

export function shellNoBody(source: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_NO_BODY',
    `The Word shell ${source} has no [[@body]] tag, so the filing's text has nowhere to go. ` +
      'Type [[@body]] alone on an empty line of the document where the text should start.',
    { source },
  );
}

export function shellBadBody(source: string, problem: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_BAD_BODY',
    `In the Word shell ${source}, ${problem}. [[@body]] must appear once, alone on its own line.`,
    { source },
  );
}

export function shellMissingStyles(source: string, styles: readonly string[]): DocxError {
  return new DocxError(
    'DOCX_SHELL_MISSING_STYLES',
    `The Word shell ${source} lacks the styles ${styles.join(', ')}, so those paragraphs would silently ` +
      'lose their formatting. Start from templates/_shell, or copy the styles in with Word\'s Organizer.',
    { source, styles: styles.join(',') },
  );
}

export function shellTemplate(source: string, explanations: readonly string[]): DocxError {
  return new DocxError(
    'DOCX_SHELL_TEMPLATE',
    `The Word shell ${source} has tags docxtemplater cannot read: ${explanations.join(' ')}`,
    { source },
  );
}

/** A shell is refused with what is wrong and what to do; every refusal of a clinic's file ends the same way. */
const RESAVE = 'Open the shell in Word, remove it, and save the shell again as a Word Document (.docx).';

export function shellTooLarge(source: string, what: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_TOO_LARGE',
    `The Word shell ${source} is refused: ${what}. A shell holds styles, a letterhead and perhaps a logo; ` +
      'it is checked like an upload and limited so that a damaged or hostile file cannot exhaust memory.',
    { source },
  );
}

export function shellBadEntry(source: string, entry: string, problem: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_BAD_ENTRY',
    `The Word shell ${source} is refused: it holds an entry named "${entry.slice(0, 120)}", ${problem}. ` +
      'Word never writes such names; the file was made or altered by something else.',
    { source, entry },
  );
}

export function shellUnknownPart(source: string, part: string, problem: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_UNKNOWN_PART',
    `The Word shell ${source} is refused: its part ${part.slice(0, 120)} ${problem}. ${RESAVE}`,
    { source, part },
  );
}

export function shellActiveContent(source: string, what: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_ACTIVE_CONTENT',
    `The Word shell ${source} is refused: it contains ${what}, which can run when the filing is opened. ${RESAVE}`,
    { source },
  );
}

export function shellExternal(source: string, what: string): DocxError {
  return new DocxError(
    'DOCX_SHELL_EXTERNAL',
    `The Word shell ${source} is refused: ${what}. A filing must not load anything from outside its own file ` +
      `when it is opened (a web address or network folder learns who opened it, and what it sends can change). ${RESAVE}`,
    { source },
  );
}
