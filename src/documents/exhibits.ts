/**
 * The exhibits behind the motion, in the order the filer gave them: each gets a tab letter, A..Z,
 * then AA, AB... The filer's order is kept because it is the filer's argument; the practice order
 * of domain reference 3.3, item 8 (the relief application first, then declarations, then
 * country-conditions evidence newest first, then the rest) is only suggested, by `check`.
 */
import { compareDates, type EvidenceItem } from '../case/index.js';

const RANK: Record<EvidenceItem['kind'], number> = {
  application: 0,
  declaration: 1,
  'country-conditions': 2,
  identity: 3,
  'court-record': 4,
  other: 5,
};

export interface OrderedExhibit {
  tab: string;
  /** Index in motion.evidence, for paths in messages. */
  index: number;
  item: EvidenceItem;
}

export function tabLetter(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/** The exhibits as filed: the order of `motion.evidence`, lettered A, B, C... */
export function orderExhibits(evidence: readonly EvidenceItem[]): OrderedExhibit[] {
  return evidence.map((item, index) => ({ tab: tabLetter(index), index, item }));
}

/**
 * The practice order (reference 3.3 item 8, [M]) as indices into `evidence`, or null when the
 * filer's order already follows it.
 */
export function suggestedOrder(evidence: readonly EvidenceItem[]): number[] | null {
  const order = evidence
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const r = RANK[a.item.kind] - RANK[b.item.kind];
      if (r !== 0) return r;
      if (a.item.kind === 'country-conditions') {
        // Newest first; undated items after dated ones.
        const ad = a.item.date;
        const bd = b.item.date;
        if (ad && bd && ad !== bd) return compareDates(bd, ad);
        if (ad && !bd) return -1;
        if (!ad && bd) return 1;
      }
      return a.index - b.index;
    })
    .map((e) => e.index);
  return order.every((index, n) => index === n) ? null : order;
}

/** The tab of the first exhibit that satisfies `test`, or null. */
export function tabWhere(exhibits: readonly OrderedExhibit[], test: (item: EvidenceItem) => boolean): string | null {
  return exhibits.find((e) => test(e.item))?.tab ?? null;
}
