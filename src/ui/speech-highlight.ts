/**
 * The sentence being read, highlighted: with the CSS Custom Highlight API where the browser
 * has it (no change to the article's DOM), else by wrapping the sentence's text in <mark>
 * elements, undone when the next sentence comes.
 */

const NAME = "folio-speaking";

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

function registry(
  win: Window,
): { highlights: HighlightRegistry; Highlight: new (...r: Range[]) => unknown } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

export interface SentenceHighlighter {
  /** Highlights `range` (null: none). */
  show(range: Range | null): void;
  /** Which way it highlights, for tests and styles. */
  readonly mode: "highlight-api" | "mark";
}

export function createHighlighter(win: Window, forceMarks = false): SentenceHighlighter {
  const api = forceMarks ? null : registry(win);
  if (api) {
    return {
      mode: "highlight-api",
      show(range) {
        if (range) api.highlights.set(NAME, new api.Highlight(range));
        else api.highlights.delete(NAME);
      },
    };
  }
  let marks: HTMLElement[] = [];
  const clear = () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
    marks = [];
  };
  return {
    mode: "mark",
    show(range) {
      clear();
      if (!range) return;
      const doc = win.document;
      // The text nodes the range covers, each cut to its part and wrapped.
      const root = range.commonAncestorContainer;
      const nodes: Text[] = [];
      if (root.nodeType === 3) nodes.push(root as Text);
      else {
        const walker = doc.createTreeWalker(root, 4);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (range.intersectsNode(n)) nodes.push(n as Text);
      }
      const { startContainer, startOffset, endContainer, endOffset } = range;
      for (let node of nodes) {
        const from = node === startContainer ? startOffset : 0;
        const to = node === endContainer ? endOffset : node.data.length;
        if (to <= from) continue;
        if (to < node.data.length) node.splitText(to);
        if (from > 0) node = node.splitText(from);
        const mark = doc.createElement("mark");
        mark.className = NAME;
        node.replaceWith(mark);
        mark.append(node);
        marks.push(mark);
      }
    },
  };
}
