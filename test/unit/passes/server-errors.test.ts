/** Server errors: the warnings a PHP site prints into its page, in PHP's one fixed shape. */
import { describe, expect, it } from "vitest";
import { serverErrors } from "../../../src/core/passes/server-errors.ts";
import { passSetup } from "./harness.ts";

const WARNING =
  "<br />\n<b>Warning</b>:  Creating default object from empty value in <b>/www/htdocs/site/wp-includes/classes.php</b> on line <b>407</b><br />\n";

describe("server errors", () => {
  it("removes PHP's warnings wherever the template printed them, and keeps what stands around them", () => {
    const { root, ctx, text } = passSetup(
      `<p>The story's last line.${WARNING}The line after it.</p><ul>${WARNING}<li><a href="/category/a">Travel</a></li></ul>` +
        "<b>Strict Standards</b>: Non-static method Plugin::run() should not be called statically in <b>/www/theme/footer.php</b> on line <b>1500</b>",
    );
    serverErrors.run(root, ctx);
    expect(text()).toBe("The story's last line. The line after it. Travel");
    expect(root.querySelector("p")!.innerHTML.replace(/\s+/g, "")).toBe(
      "Thestory'slastline.<br>Thelineafterit.",
    );
    expect(ctx.removed).toHaveLength(3);
    expect(ctx.removed[0]).toMatchObject({ kind: "promo", reason: "an error message of the site's server" });
    expect(ctx.removed[0]!.text).toMatch(/^Warning: Creating default object .* on line 407$/);
  });

  it.each([
    [
      "a bold warning in the story's words",
      "<p><b>Warning</b>: the bridge closes on line <b>4</b> of the timetable.</p>",
    ],
    ["a warning with no line number", "<p><b>Warning</b>: do not feed the animals.</p>"],
    ["a line break before the number", "<p><b>Notice</b>: roads close on line<br><b>7</b></p>"],
    ["another bold word", "<p><b>Caution</b>: hot in <b>/kitchen</b> on line <b>3</b></p>"],
  ])("keeps %s", (_, html) => {
    const { root, ctx, text } = passSetup(html);
    const before = text();
    serverErrors.run(root, ctx);
    expect(text()).toBe(before);
    expect(ctx.removed).toEqual([]);
  });
});
