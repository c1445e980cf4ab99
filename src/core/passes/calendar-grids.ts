/**
 * Calendar widgets (after Readability): the month grid a blog's sidebar prints ("December 2008,
 * M T W T F S S, 1 2 3 ... 31", each day a link to that day's posts). Readability keeps it
 * when it sits beside the post; it is navigation, not a table of the article's data, and the
 * content guard says so too (`isDayGrid`, content-guard.ts).
 */
import { descendants } from "../dom.ts";
import { isDayGrid } from "./content-guard.ts";
import { type Pass, remove } from "./context.ts";

export const calendarGrids: Pass = {
  name: "calendar-grids",
  run(root, ctx) {
    for (const table of descendants(root, "table")) {
      if (isDayGrid(table)) remove(ctx, table, "promo", "a calendar widget (a month's grid of day links)");
    }
  },
};
