/**
 * The tab sheet in front of each exhibit of the combined filing: the tab letter and what stands
 * behind it, or, when the case gives no file, what the filer must insert.
 */
import { formatLong } from '../case/index.js';
import { furniture } from './common.js';
import type { BuildContext } from './context.js';
import { orderExhibits } from './exhibits.js';

export interface ExhibitTabView {
  /** Index in motion.evidence. */
  index: number;
  view: {
    furniture: ReturnType<typeof furniture>;
    title: string;
    tab: string;
    hasFile: boolean;
    publisher: string | null;
    date: string | null;
    pages: string | null;
  };
}

export function exhibitTabViews(ctx: BuildContext): ExhibitTabView[] {
  const c = ctx.case;
  return orderExhibits(c.motion?.evidence ?? []).map((e) => ({
    index: e.index,
    view: {
      furniture: furniture(c),
      title: e.item.title,
      tab: e.tab,
      // A file, or a document Reopen writes and files here: nothing for the filer to insert.
      hasFile: e.item.file !== undefined || e.item.document !== undefined,
      publisher: e.item.publisher ?? null,
      date: e.item.date ? formatLong(e.item.date) : null,
      // With a page count, placeholder pages follow the tab sheet; without one, nothing holds the place.
      pages: e.item.pages !== undefined ? `${e.item.pages} page${e.item.pages === 1 ? '' : 's'}, one for each placeholder page that follows` : null,
    },
  }));
}

export interface PlaceholderView {
  index: number;
  view: { furniture: ReturnType<typeof furniture>; title: string; tab: string; page: string; of: string };
}

/**
 * One page per page of an exhibit the case gives a page count but no file for: the filing keeps
 * its page numbers right when the filer swaps in the real pages.
 */
export function exhibitPlaceholderViews(ctx: BuildContext): PlaceholderView[] {
  const c = ctx.case;
  return orderExhibits(c.motion?.evidence ?? []).flatMap((e) =>
    e.item.file !== undefined || e.item.document !== undefined || e.item.pages === undefined
      ? []
      : Array.from({ length: e.item.pages }, (_, k) => ({
          index: e.index,
          view: { furniture: furniture(c), title: e.item.title, tab: e.tab, page: String(k + 1), of: String(e.item.pages) },
        })),
  );
}
