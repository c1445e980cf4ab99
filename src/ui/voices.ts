/**
 * Which voices read an article aloud: those of the article's language first (the exact tag,
 * then the same language elsewhere: "en-GB", then "en-US"), the system's default among them
 * first. Pure, for the unit tests; the voices are whatever `speechSynthesis.getVoices()` gives.
 */

export interface VoiceLike {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

/** Most voices a list offers (a speech-dispatcher system has thousands of espeak variants). */
export const MAX_VOICES = 150;

const primary = (tag: string) => tag.toLowerCase().replace(/_/g, "-").split("-")[0];

/**
 * The voices to offer for an article in `lang` (else `fallbackLang`, the browser's), best first.
 * When none speaks the language, every voice is offered (the default first).
 */
export function voicesFor<V extends VoiceLike>(
  voices: readonly V[],
  lang: string | null,
  fallbackLang: string,
) {
  const wanted = (lang || fallbackLang || "").toLowerCase().replace(/_/g, "-");
  const same = voices.filter((v) => primary(v.lang) === primary(wanted));
  const pool = same.length > 0 ? same : [...voices];
  const rank = (v: V) =>
    (v.lang.toLowerCase().replace(/_/g, "-") === wanted ? 0 : 4) +
    (v.default ? 0 : 2) +
    (v.localService ? 0 : 1);
  return pool
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i)
    .slice(0, MAX_VOICES)
    .map(({ v }) => v);
}
