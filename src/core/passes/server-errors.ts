/**
 * Server errors (before Readability): the warnings a PHP site prints into its own pages when
 * its code misbehaves. PHP prints them in one fixed shape wherever the template stood when the
 * error happened (inside a list of categories, between two paragraphs):
 * `<br /><b>Warning</b>:  Creating default object ... in <b>/www/.../classes.php</b> on line
 * <b>407</b><br />`. Readability reads them as text of the block they landed in. They are the
 * site's machinery, never the story; the run goes, with the line break PHP put before it.
 * (The same message without markup, a line of its own, is promo-lines.ts's.)
 */
import { type Pass, type PassContext, isGone, record } from "./context.ts";
import { squash } from "../whitespace.ts";

/** PHP's names for its error levels, as it prints them in bold. */
const LEVEL =
  /^(?:warning|notice|deprecated|strict standards|fatal error|parse error|(?:catchable|recoverable) fatal error|user (?:warning|notice|deprecated|error))$/i;
/** The message's text before the bold line number ends so. */
const BEFORE_LINE_NUMBER = /\bon line\s*$/i;
/** The bold file name before "on line": a PHP script (or code it evaluated). */
const SCRIPT_FILE = /\.(?:php\d?|phtml|inc)$|eval\(\)'d code$/i;
/** Longest message taken (a PHP message names a path and a function or two). */
const MESSAGE_MAX = 600;

/**
 * The nodes of one PHP error that starts at the bold `level`, up to its bold line number; null
 * when what follows is not one (a line break or a block before the number, or too much text).
 */
function errorRun(level: Element): Node[] | null {
  const run: Node[] = [level];
  let text = "";
  let file = false;
  for (let n = level.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.localName !== "b") return null;
      const bold = el.textContent ?? "";
      run.push(el);
      if (/^\s*\d+\s*$/.test(bold) && BEFORE_LINE_NUMBER.test(text))
        return file && text.trimStart().startsWith(":") ? run : null;
      file = SCRIPT_FILE.test(bold.trim());
      text += bold;
    } else if (n.nodeType === 3) {
      run.push(n);
      text += n.nodeValue ?? "";
    }
    if (text.length > MESSAGE_MAX) return null;
  }
  return null;
}

/** The line break right before `node` (whitespace between them allowed), if there is one. */
function breakBefore(node: Node): Element | null {
  let n = node.previousSibling;
  while (n && n.nodeType === 3 && !(n.nodeValue ?? "").trim()) n = n.previousSibling;
  return n && n.nodeType === 1 && (n as Element).localName === "br" ? (n as Element) : null;
}

function removeRun(ctx: PassContext, run: Node[]): void {
  const text = run.map((n) => n.textContent ?? "").join("");
  const br = breakBefore(run[0]!);
  for (const n of br ? [br, ...run] : run) {
    if (n.nodeType === 1) ctx.removedNodes.add(n);
    n.parentNode?.removeChild(n);
  }
  record(ctx, "promo", "an error message of the site's server", squash(text));
}

export const serverErrors: Pass = {
  name: "server-errors",
  run(root, ctx) {
    for (const bold of Array.from(root.getElementsByTagName("b"))) {
      if (isGone(ctx, bold) || !LEVEL.test((bold.textContent ?? "").trim())) continue;
      const run = errorRun(bold);
      if (run) removeRun(ctx, run);
    }
  },
};
