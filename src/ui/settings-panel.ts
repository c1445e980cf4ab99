/**
 * The settings panel: radio groups for theme, font, width, line spacing and alignment, two
 * buttons for text size.
 * Native controls, so arrows move within a group and Tab moves between groups.
 */
import { ALIGNS, FONTS, type Settings, SIZES, SPACINGS, THEMES, WIDTHS } from "./settings.ts";

const LABELS: Record<string, string> = {
  auto: "Auto",
  light: "Light",
  sepia: "Sepia",
  dark: "Dark",
  serif: "Serif",
  sans: "Sans",
  dyslexic: "OpenDyslexic",
  narrow: "Narrow",
  medium: "Medium",
  wide: "Wide",
  compact: "Compact",
  normal: "Normal",
  loose: "Loose",
  start: "Ragged",
  justify: "Justified",
};

/** The keys chosen with a radio group. */
type RadioKey = "theme" | "font" | "width" | "spacing" | "align";

export interface SettingsPanel {
  element: HTMLElement;
  update(settings: Settings): void;
}

export function createSettingsPanel(
  doc: Document,
  initial: Settings,
  onChange: (settings: Settings) => void,
): SettingsPanel {
  let current = initial;
  const panel = doc.createElement("div");
  panel.className = "folio-settings";
  panel.id = "folio-settings";
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", "Reading settings");

  const radios = new Map<string, HTMLInputElement[]>();
  const group = <K extends RadioKey>(key: K, legend: string, values: readonly Settings[K][]) => {
    const fieldset = doc.createElement("fieldset");
    fieldset.className = `folio-choice folio-choice-${key}`;
    const title = doc.createElement("legend");
    title.textContent = legend;
    fieldset.append(title);
    const inputs: HTMLInputElement[] = [];
    for (const value of values) {
      const label = doc.createElement("label");
      const input = doc.createElement("input");
      input.type = "radio";
      input.name = `folio-${key}`;
      input.value = value;
      input.addEventListener("change", () => {
        if (input.checked) change({ ...current, [key]: value });
      });
      const text = doc.createElement("span");
      text.textContent = LABELS[value] ?? value;
      if (key === "theme") label.dataset.swatch = value;
      label.append(input, text);
      fieldset.append(label);
      inputs.push(input);
    }
    radios.set(key, inputs);
    panel.append(fieldset);
  };

  group("theme", "Theme", THEMES);
  group("font", "Font", FONTS);

  const sizeSet = doc.createElement("fieldset");
  sizeSet.className = "folio-choice folio-choice-size";
  const sizeLegend = doc.createElement("legend");
  sizeLegend.textContent = "Text size";
  const smaller = doc.createElement("button");
  const larger = doc.createElement("button");
  const output = doc.createElement("output");
  smaller.type = larger.type = "button";
  smaller.className = larger.className = "folio-button";
  smaller.textContent = "A−";
  larger.textContent = "A+";
  smaller.setAttribute("aria-label", "Smaller text");
  larger.setAttribute("aria-label", "Larger text");
  output.setAttribute("aria-live", "polite");
  const step = (delta: number) => {
    const i = SIZES.indexOf(current.size as (typeof SIZES)[number]);
    const next = SIZES[Math.min(SIZES.length - 1, Math.max(0, (i < 0 ? 2 : i) + delta))];
    if (next !== current.size) change({ ...current, size: next });
  };
  smaller.addEventListener("click", () => step(-1));
  larger.addEventListener("click", () => step(1));
  sizeSet.append(sizeLegend, smaller, output, larger);
  panel.append(sizeSet);

  group("width", "Width", WIDTHS);
  group("spacing", "Lines", SPACINGS);
  group("align", "Edges", ALIGNS);

  function update(settings: Settings): void {
    current = settings;
    for (const [key, inputs] of radios) {
      for (const input of inputs) input.checked = input.value === settings[key as RadioKey];
    }
    output.textContent = `${settings.size}px`;
    smaller.disabled = settings.size <= SIZES[0];
    larger.disabled = settings.size >= SIZES[SIZES.length - 1];
  }

  function change(settings: Settings): void {
    update(settings);
    onChange(settings);
  }

  update(initial);
  return { element: panel, update };
}
