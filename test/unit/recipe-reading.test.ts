/**
 * A page that declares a recipe is read with its ingredients and its steps (extract.ts stage
 * 6d, recipe-reading.ts), however its boxes are laid out; the recipe as declared is read from
 * JSON-LD and microdata (metadata/recipe.ts).
 */
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/core/extract.ts";
import { extractMetadata } from "../../src/core/metadata/index.ts";
import { recipeCoverage, recipeKey, recipeKeys } from "../../src/core/recipe-reading.ts";

const URL = "https://cooking.example/recipes/lentil-soup";

const INGREDIENTS = ["250 g red lentils", "1 large onion, chopped", "2 cloves garlic", "1 l vegetable stock"];
const STEPS = [
  "Rinse the lentils under cold water until the water runs clear.",
  "Soften the onion and the garlic in a little oil for five minutes.",
  "Add the lentils and the stock and simmer for twenty minutes, stirring now and then.",
  "Blend until smooth and season with salt, pepper and a squeeze of lemon.",
];

const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Every winter my grandmother made this soup on Sundays, and the whole house smelled of cumin and onions for the rest of the day, part ${i} of the story.</p>`,
).join("");

function ldRecipe(extra: Record<string, unknown> = {}): string {
  const recipe = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    name: "Red lentil soup",
    recipeIngredient: INGREDIENTS,
    recipeInstructions: STEPS.map((text) => ({ "@type": "HowToStep", text })),
    ...extra,
  };
  return `<script type="application/ld+json">${JSON.stringify(recipe)}</script>`;
}

function doc(head: string, body: string): Document {
  return new JSDOM(
    `<!doctype html><html><head><title>Red lentil soup</title>${head}</head><body>${body}</body></html>`,
    { url: URL },
  ).window.document;
}

function read(d: Document) {
  const result = extractArticle(d, { url: URL, force: true });
  if (!result.ok) throw new Error(result.error.message);
  return result.article;
}

const PHOTO = (n: number) =>
  `<img src="https://cooking.example/img/step-${n}.jpg" width="800" height="533" alt="">`;

/** A blog post, then the recipe card a plugin prints: its method a list with a photo per step. */
const BLOG_WITH_CARD = `
  <header><nav><a href="/">Cooking</a> <a href="/recipes">Recipes</a></nav></header>
  <main><article><h1>Red lentil soup</h1>${STORY}
    <div class="recipe-card">
      <h2>Red lentil soup</h2>
      <h3>Ingredients</h3>
      <ul>${INGREDIENTS.map((i) => `<li>${i}</li>`).join("")}</ul>
      <h3>Instructions</h3>
      <ol>${STEPS.map((s, n) => `<li>${s}${PHOTO(n)}</li>`).join("")}</ol>
    </div>
  </article></main>
  <footer><p>© 2024 Cooking Example</p></footer>`;

/**
 * A recipe portal: readers' photos and their long comments first, then the ingredients in a table
 * of cells and the method in boxes of their own, a few levels down in the page's grid.
 */
const GALLERY = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Reader ${i} writes: we cooked it on a cold evening, doubled the garlic, added a pinch of chili, a spoon of cream and some fresh coriander, and everyone, even the children, asked for a second bowl.</p>`,
).join("");
const PORTAL = `
  <main class="recipe-page">
    <h1>Red lentil soup</h1>
    <div class="grid">
      <div class="cell"><div class="community-photos">${GALLERY}</div></div>
      <div class="cell"><div class="box"><div class="ingredients"><h2>Ingredients</h2>
        <form><input type="number" name="servings" value="4"><button>Servings</button></form>
        <table><tbody>${INGREDIENTS.map((i) => {
          const [amount, ...rest] = i.split(" ");
          return `<tr><td><span>${amount} ${rest[0]}</span></td><td><span>${rest.slice(1).join(" ")}</span></td></tr>`;
        }).join("")}</tbody></table>
      </div></div></div>
      <div class="cell"><div class="box"><div class="method"><h2>Method</h2><small>Working time about 30 minutes</small>
        <div class="text">${STEPS.join("<br><br>")}</div>
      </div></div></div>
    </div>
  </main>`;

describe("a page that declares a recipe", () => {
  it("a card whose steps each carry a photo: the steps are read with the story", () => {
    const article = read(doc(ldRecipe(), BLOG_WITH_CARD));
    for (const step of STEPS) expect(article.textContent).toContain(step);
    for (const item of INGREDIENTS) expect(article.textContent).toContain(item);
    expect(article.textContent).toContain("my grandmother made this soup");
  });

  it("a portal's boxes: the ingredients and the method are read, each under its heading", () => {
    const article = read(doc(ldRecipe(), PORTAL));
    for (const step of STEPS) expect(article.textContent).toContain(step);
    expect(article.textContent).toMatch(/Ingredients[\s\S]*250 g\s+red lentils[\s\S]*Method[\s\S]*Rinse/);
  });

  it("marked up as microdata: the same", () => {
    const body = PORTAL.replace(
      /<td><span>([^<]*)<\/span><\/td><td><span>/g,
      '<td><span>$1</span></td><td itemprop="recipeIngredient"><span>',
    ).replace("<div>Rinse", '<div itemprop="recipeInstructions">Rinse');
    const article = read(doc("", body));
    for (const step of STEPS) expect(article.textContent).toContain(step);
    expect(article.textContent).toContain("red lentils");
  });

  it("a reading that holds the recipe gets nothing added", () => {
    const body = `<main><article><h1>Red lentil soup</h1>${STORY}<h2>Ingredients</h2><ul>${INGREDIENTS.map((i) => `<li>${i}</li>`).join("")}</ul>
      <h2>Method</h2>${STEPS.map((s) => `<p>${s}</p>`).join("")}</article></main>`;
    const article = read(doc(ldRecipe(), body));
    expect(article.textContent.split("red lentils").length - 1).toBe(1);
    expect(article.textContent.split("Rinse the lentils").length - 1).toBe(1);
  });

  it("a declared recipe the page does not print: the reading as it is, no error", () => {
    const article = read(doc(ldRecipe(), `<main><article><h1>Red lentil soup</h1>${STORY}</article></main>`));
    expect(article.textContent).toContain("my grandmother made this soup");
    expect(article.textContent).not.toContain("Rinse the lentils");
  });
});

describe("a deep page that declares a recipe", () => {
  const card = `<h3>Ingredients</h3><ul>${INGREDIENTS.map((i) => `<li>${i}</li>`).join("")}</ul><h3>Method</h3><ol>${STEPS.map((s, n) => `<li>${s}${PHOTO(n)}</li>`).join("")}</ol>`;
  const nested = (depth: number) =>
    `<main><article><h1>Red lentil soup</h1>${STORY}${"<div>".repeat(depth)}${card}${"</div>".repeat(depth)}</article></main>`;

  it("its recipe 400 levels down (within what browsers' parsers build): read with it", () => {
    const article = read(doc(ldRecipe(), nested(400)));
    expect(article.textContent).toContain("my grandmother made this soup");
    expect(article.textContent).toContain("250 g red lentils");
    expect(article.textContent).toContain(STEPS[2]);
  });

  it("its recipe 2,000 levels down (past the depth Folio reads to): the story read, no error", () => {
    const article = read(doc(ldRecipe(), nested(2000)));
    expect(article.textContent).toContain("my grandmother made this soup");
  });
});

describe("the recipe a page declares", () => {
  it("JSON-LD: strings, HowToSteps, HowToSections, in a @graph", () => {
    const graph = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", name: "x" },
        {
          "@type": ["Recipe"],
          recipeIngredient: "1 onion",
          recipeInstructions: [
            {
              "@type": "HowToSection",
              name: "Soup",
              itemListElement: [{ "@type": "HowToStep", text: "Chop it." }],
            },
            "Serve it hot.",
          ],
        },
      ],
    };
    const meta = extractMetadata(
      doc(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`, ""),
      URL,
    );
    expect(meta.recipe).toEqual({ ingredients: ["1 onion"], steps: ["Chop it.", "Serve it hot."] });
  });

  it("a WebPage's mainEntity", () => {
    const page = {
      "@context": "https://schema.org",
      "@type": "WebPage",
      mainEntity: { "@type": "Recipe", recipeIngredient: ["salt"] },
    };
    const meta = extractMetadata(
      doc(`<script type="application/ld+json">${JSON.stringify(page)}</script>`, ""),
      URL,
    );
    expect(meta.recipe?.ingredients).toEqual(["salt"]);
  });

  it("none declared: null", () => {
    expect(extractMetadata(doc("", `<p>Just a story.</p>`), URL).recipe).toBeNull();
  });
});

describe("matching a recipe's entries", () => {
  it("by letters and digits: whatever the layout puts between the words", () => {
    expect(recipeKey("125 g | Mehl")).toBe(recipeKey("125 g Mehl"));
    expect(
      recipeCoverage("125 g\n\nMehl und 65 g Zucker", [recipeKey("125 g Mehl"), recipeKey("1 Ei")]),
    ).toBe(0.5);
  });

  it("a method declared as one text is matched sentence by sentence", () => {
    const keys = recipeKeys({ ingredients: ["Ei"], steps: [STEPS.join(" ")] });
    expect(keys.ingredients).toEqual([]); // too short to say anything
    expect(keys.steps).toHaveLength(STEPS.length);
    expect(recipeCoverage(STEPS.slice(0, 3).join("\n"), keys.steps)).toBe(0.75);
  });
});
