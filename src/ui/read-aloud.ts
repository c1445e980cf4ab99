/**
 * Read aloud (reader tab): the Web Speech API's `speechSynthesis`, one utterance per sentence
 * (sentences.ts), the sentence being read highlighted (speech-highlight.ts) and kept in view.
 * Play/pause, stop, previous/next sentence, speed and voice (voices.ts: the article's language
 * first); keys K (play/pause), J and L (previous, next sentence) while the controls are open.
 * Pausing cancels the utterance and playing says the sentence again: `speechSynthesis.pause()`
 * is unreliable across engines. Needs no permission; speech stops when the tab goes.
 */
import type Browser from "webextension-polyfill";
import type { Article } from "../core/types.ts";
import { articleSentences, rangeOf, type Sentence } from "./sentences.ts";
import { createHighlighter } from "./speech-highlight.ts";
import { voicesFor } from "./voices.ts";

const PREFS_KEY = "read-aloud";
/** How long the voices may take to arrive before Folio says there are none (speech-dispatcher is slow). */
const VOICES_WAIT_MS = 6000;
export const NO_VOICES =
  "Your system has no voices for reading aloud. Install a text-to-speech voice (on Linux, speech-dispatcher with espeak-ng), then open this tab again.";

const LOOKING = "Looking for voices…";

type State = "stopped" | "playing" | "paused";

function button(doc: Document, action: string, text: string, label: string, key?: string): HTMLButtonElement {
  const b = doc.createElement("button");
  b.type = "button";
  b.className = "folio-button";
  b.dataset.action = action;
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.title = key ? `${label} (${key})` : label;
  return b;
}

export function setUpReadAloud(
  toggle: HTMLButtonElement,
  view: HTMLElement,
  article: Article,
  complete: Promise<void>,
  storage: Browser.Storage.Static,
): () => void {
  const doc = view.ownerDocument;
  const win = doc.defaultView as Window;
  const root = doc.documentElement;
  const synth = win.speechSynthesis as SpeechSynthesis | undefined;
  const lang = article.lang || doc.documentElement.lang || "";

  const panel = doc.createElement("div");
  panel.className = "folio-read-aloud";
  panel.setAttribute("role", "region");
  panel.setAttribute("aria-label", "Read aloud");
  panel.hidden = true;
  const prev = button(doc, "prev", "Previous", "Previous sentence", "J");
  const play = button(doc, "play", "Play", "Play", "K");
  play.classList.add("folio-primary");
  const stop = button(doc, "stop", "Stop", "Stop");
  const next = button(doc, "next", "Next", "Next sentence", "L");
  const rateLabel = doc.createElement("label");
  const rate = doc.createElement("input");
  rate.type = "range";
  rate.min = "0.5";
  rate.max = "2";
  rate.step = "0.1";
  rate.value = "1";
  const rateOut = doc.createElement("output");
  rateLabel.append("Speed ", rate, rateOut);
  const voiceLabel = doc.createElement("label");
  const voiceSelect = doc.createElement("select");
  voiceLabel.append("Voice ", voiceSelect);
  const message = doc.createElement("p");
  message.className = "folio-read-aloud-message";
  message.setAttribute("role", "status");
  panel.append(prev, play, stop, next, rateLabel, voiceLabel, message);
  doc.body.append(panel);

  const highlighter = createHighlighter(win);
  let sentences: Sentence[] | null = null;
  let index = 0;
  let state: State = "stopped";
  let generation = 0;
  let voices: SpeechSynthesisVoice[] = [];
  let savedVoice = "";

  const showRate = () => {
    rateOut.textContent = `${Number(rate.value).toFixed(1)}×`;
  };
  showRate();
  const savePrefs = () =>
    void storage.local
      .set({ [PREFS_KEY]: { rate: Number(rate.value), voice: voiceSelect.value } })
      .catch(() => {});
  void storage.local
    .get(PREFS_KEY)
    .then((stored) => {
      const prefs = stored[PREFS_KEY] as { rate?: unknown; voice?: unknown } | undefined;
      if (typeof prefs?.rate === "number" && prefs.rate >= 0.5 && prefs.rate <= 2)
        rate.value = String(prefs.rate);
      if (typeof prefs?.voice === "string") savedVoice = prefs.voice;
      showRate();
      fillVoices();
    })
    .catch(() => {});

  const setState = (next: State) => {
    state = next;
    root.dataset.speech = next;
    play.textContent = next === "playing" ? "Pause" : "Play";
    play.setAttribute("aria-label", next === "playing" ? "Pause" : "Play");
    play.title = `${next === "playing" ? "Pause" : "Play"} (K)`;
  };

  function fillVoices(): void {
    if (!synth) return;
    voices = voicesFor(synth.getVoices(), lang, win.navigator.language);
    const keep = voiceSelect.value || savedVoice;
    voiceSelect.replaceChildren(
      ...voices.map((v) => {
        const option = doc.createElement("option");
        option.value = v.name;
        option.textContent = `${v.name} (${v.lang})`;
        return option;
      }),
    );
    if (voices.some((v) => v.name === keep)) voiceSelect.value = keep;
    const none = voices.length === 0;
    for (const control of [prev, play, stop, next, rate, voiceSelect]) control.disabled = none;
    if (!none && (message.textContent === NO_VOICES || message.textContent === LOOKING))
      message.textContent = "";
    panel.dataset.voices = String(voices.length);
  }

  const keepInView = (range: Range) => {
    const box = range.getBoundingClientRect();
    const top = doc.querySelector(".folio-bar")?.getBoundingClientRect().bottom ?? 0;
    const bottom = panel.hidden ? win.innerHeight : panel.getBoundingClientRect().top;
    if (box.top >= top + 8 && box.bottom <= bottom - 8) return;
    const smooth = !win.matchMedia("(prefers-reduced-motion: reduce)").matches;
    win.scrollBy({ top: box.top - top - (bottom - top) / 3, behavior: smooth ? "smooth" : "instant" });
  };

  const mark = (i: number) => {
    const sentence = sentences?.[i];
    panel.dataset.sentence = String(i);
    if (!sentence) return highlighter.show(null);
    // Made again each time: the mark fallback changes the text nodes ranges would point into.
    highlighter.show(null);
    const range = rangeOf(sentence.block, sentence.start, sentence.end);
    highlighter.show(range);
    keepInView(range);
  };

  const speak = (i: number) => {
    if (!synth || !sentences) return;
    const mine = ++generation;
    synth.cancel();
    index = i;
    const sentence = sentences[i];
    if (!sentence) {
      setState("stopped");
      index = 0;
      mark(-1);
      return;
    }
    mark(i);
    setState("playing");
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = lang;
    utterance.rate = Number(rate.value);
    const voice = voices.find((v) => v.name === voiceSelect.value);
    if (voice) utterance.voice = voice;
    utterance.onend = () => {
      if (mine === generation) speak(i + 1);
    };
    utterance.onerror = (event: SpeechSynthesisErrorEvent) => {
      if (mine !== generation || event.error === "interrupted" || event.error === "canceled") return;
      generation++;
      setState("paused");
      message.textContent = `Reading aloud stopped: the voice failed (${event.error}).`;
    };
    synth.speak(utterance);
  };

  const ready = async () => {
    if (!sentences) {
      await complete;
      sentences = articleSentences(view, lang);
      panel.dataset.sentences = String(sentences.length);
    }
    return sentences;
  };
  const halt = (to: State) => {
    generation++;
    synth?.cancel();
    setState(to);
  };
  const actions: Record<string, () => Promise<void> | void> = {
    play: async () => {
      if (state === "playing") return halt("paused");
      message.textContent = "";
      await ready();
      speak(index);
    },
    stop: () => {
      halt("stopped");
      index = 0;
      mark(-1);
    },
    prev: async () => {
      await ready();
      const to = Math.max(0, index - 1);
      if (state === "playing") return speak(to);
      index = to;
      mark(to);
    },
    next: async () => {
      const all = await ready();
      const to = Math.min(all.length - 1, index + 1);
      if (state === "playing") return speak(to);
      index = to;
      mark(to);
    },
  };
  panel.addEventListener("click", (event) => {
    const action = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]")?.dataset
      .action;
    if (action) void actions[action]?.();
  });
  const restart = () => {
    savePrefs();
    if (state === "playing") speak(index);
  };
  rate.addEventListener("input", showRate);
  rate.addEventListener("change", restart);
  voiceSelect.addEventListener("change", restart);

  const onKey = (event: KeyboardEvent) => {
    if (panel.hidden || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest("input, select, textarea, [contenteditable]")) return;
    const keys: Record<string, string> = { k: "play", j: "prev", l: "next" };
    const action = keys[event.key.toLowerCase()];
    if (!action || (synth && voices.length === 0)) return;
    event.preventDefault();
    void actions[action]();
  };
  doc.addEventListener("keydown", onKey);

  const open = (show: boolean) => {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    root.classList.toggle("folio-reading-aloud", show);
    if (!show) actions.stop();
    else if (!play.disabled) play.focus();
  };
  const onToggle = () => open(panel.hidden === true);
  toggle.hidden = false;
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", onToggle);

  let noVoicesTimer = 0;
  if (!synth) {
    message.textContent = "This browser cannot read aloud (it has no speech synthesis).";
  } else {
    fillVoices();
    synth.addEventListener("voiceschanged", fillVoices);
    noVoicesTimer = win.setTimeout(() => {
      if (voices.length === 0) message.textContent = NO_VOICES;
    }, VOICES_WAIT_MS);
    if (voices.length === 0) message.textContent = LOOKING;
  }
  const onHide = () => halt("stopped");
  win.addEventListener("pagehide", onHide);
  setState("stopped");

  return () => {
    halt("stopped");
    highlighter.show(null);
    win.clearTimeout(noVoicesTimer);
    synth?.removeEventListener("voiceschanged", fillVoices);
    win.removeEventListener("pagehide", onHide);
    doc.removeEventListener("keydown", onKey);
    toggle.removeEventListener("click", onToggle);
    toggle.hidden = true;
    root.classList.remove("folio-reading-aloud");
    delete root.dataset.speech;
    panel.remove();
  };
}
