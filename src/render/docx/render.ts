/**
 * Document tree to .docx: body XML from the tree, docxtemplater for the shell's few tags, the
 * numbering part for the tree's lists, then a deterministic zip.
 */
import type { DocumentTree } from '../../compose/tree.js';
import { withoutDirectionControls } from '../direction.js';
import { bodyXml } from './body-xml.js';
import { invalidTree } from './errors.js';
import { NUMBERING_PART, numberingXml } from './numbering.js';
import { currentShell, type Shell } from './shell.js';
import { assertXmlText } from './xml-text.js';
import { civilMidnight, zipDocxParts, type DocxParts } from './zip.js';

function furnitureText(value: unknown, where: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw invalidTree(where, 'not a string');
  assertXmlText(value, where);
  // As in the body: embeddings, overrides and isolates are not written (../direction.ts).
  return withoutDirectionControls(value);
}

/**
 * Every part of the .docx for `tree`, rendered but not zipped. `zipDocxParts(parts, tree.asOf,
 * shell.zipCache)` of the result is exactly `renderDocx`; timing that call alone gives the zip-only floor.
 */
export function renderDocxParts(tree: DocumentTree, shell: Shell = currentShell()): DocxParts {
  // Checked first so a bad date is reported before any work, and `created` below is known good.
  civilMidnight(tree.asOf);
  const body = bodyXml(tree.blocks, shell.numbering.firstNumId);
  const { furniture } = tree;
  const filled = shell.filler.fill({
    body: body.xml,
    title: furnitureText(tree.title, 'title'),
    created: `${tree.asOf}T00:00:00Z`,
    headerLeft: furnitureText(furniture.headerLeft, 'furniture.headerLeft'),
    headerRight: furnitureText(furniture.headerRight, 'furniture.headerRight'),
    footerLeft: furnitureText(furniture.footerLeft, 'furniture.footerLeft'),
    pageNumbers: furniture.pageNumbers === true,
  });
  const parts = new Map<string, string | Uint8Array>();
  for (const [name, content] of shell.parts) {
    if (name === NUMBERING_PART) parts.set(name, numberingXml(shell.numbering, body.lists));
    else parts.set(name, filled.get(name) ?? content);
  }
  return parts;
}

/** The .docx of `tree` in the given shell (by default the one `currentShell()` names). */
export function renderDocx(tree: DocumentTree, shell: Shell = currentShell()): Uint8Array {
  return zipDocxParts(renderDocxParts(tree, shell), tree.asOf, shell.zipCache);
}
