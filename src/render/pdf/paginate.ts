/**
 * Filling pages from the vertical list. Greedy: boxes go onto the page while they fit; when one
 * does not, the page ends at the last place a break is allowed (not after a box that keeps with
 * the next one) and what follows starts the next page. If no break is allowed on the whole page,
 * the page breaks right before the box that does not fit, which is the least bad choice.
 */
import type { Box, Element } from './elements.js';
import { boxText, elementHeight } from './elements.js';
import { RenderError } from './errors.js';

export interface Placed {
  box: Box;
  /** Distance from the top of the text box to the top of the box. */
  offset: number;
  /** A table's header rows printed again at the top of a continuation page. */
  repeated?: boolean;
}

interface Entry extends Placed {
  /** Index in the element list; -1 for a repeated table header, which no break may precede. */
  index: number;
}

const EPS = 1e-6;

export function paginate(input: readonly Element[], pageHeight: number): Placed[][] {
  const elements = [...input];
  const pages: Placed[][] = [];
  let page: Entry[] = [];
  let used = 0;
  let glue = 0;
  const place = (box: Box, index: number) => {
    page.push({ box, offset: used + glue, index });
    used += glue + box.height;
    glue = 0;
  };
  const endPage = (keep: number) => {
    pages.push(page.slice(0, keep).map(({ box, offset, index }) => (index < 0 ? { box, offset, repeated: true } : { box, offset })));
    page = [];
    used = 0;
    glue = 0;
  };

  for (let i = 0; i < elements.length; ) {
    const element = elements[i]!;
    if (element.kind === 'pageBreak') {
      // A break on an empty page would print a blank page; two breaks in a row mean one.
      if (page.length > 0) endPage(page.length);
      i++;
      continue;
    }
    if (element.kind === 'glue') {
      // Space vanishes at the top of a page, as space before a paragraph does in Word.
      if (page.length > 0) glue += element.height;
      i++;
      continue;
    }
    if (page.length === 0) for (const header of element.repeat ?? []) place(header, -1);
    if (used + glue + element.height <= pageHeight + EPS) {
      place(element, i++);
      continue;
    }
    const headerHeight = elementHeight(element.repeat ?? []);
    if (element.split && element.height > pageHeight - headerHeight + EPS) {
      // It will not fit on any page: put what fits here, the rest goes on.
      const parts = element.split(pageHeight - used - glue);
      if (parts) {
        elements.splice(i, 1, ...parts);
        continue;
      }
    }
    if (!page.some((e) => e.index >= 0)) {
      throw new RenderError(
        'block_too_tall',
        `A block is taller than a page and cannot be split, so it would run off the page: "${boxText(element)}".`,
      );
    }
    let k = page.length - 1;
    while (k >= 0 && page[k]!.box.keepWithNext) k--;
    if (k < 0 || page[k]!.index < 0) k = page.length - 1;
    const resume = k === page.length - 1 ? i : page[k + 1]!.index;
    endPage(k + 1);
    i = resume;
  }
  if (page.length > 0 || pages.length === 0) endPage(page.length);
  return pages;
}
