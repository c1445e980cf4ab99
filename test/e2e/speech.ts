/**
 * A real speech backend for Chromium's `speechSynthesis` in the tests: Debian's
 * speech-dispatcher with espeak-ng (scripts/ensure-speech.sh installs them), started by
 * Chromium itself (`--enable-speech-dispatcher`) with a configuration of the test's own: its
 * own socket, and audio to libao's null driver (the machine has no sound card), so utterances
 * start and end as they do for a user, at the pace of the synthesis.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SPEECH_DISPATCHER = "/usr/bin/speech-dispatcher";
const ESPEAK_MODULE = "/usr/lib/speech-dispatcher-modules/sd_espeak-ng";

export function speechPrerequisites(): { ok: true } | { ok: false; reason: string } {
  for (const path of [SPEECH_DISPATCHER, ESPEAK_MODULE]) {
    if (!existsSync(path)) {
      return {
        ok: false,
        reason: `${path} missing (bash scripts/ensure-speech.sh installs speech-dispatcher and espeak-ng)`,
      };
    }
  }
  return { ok: true };
}

export interface SpeechHome {
  args: string[];
  env: Record<string, string>;
  remove(): void;
}

/** A home folder whose speech-dispatcher plays to nowhere; the switches and environment for Chromium. */
export function speechHome(): SpeechHome {
  const home = mkdtempSync(join(tmpdir(), "folio-speech-"));
  const config = join(home, "config");
  mkdirSync(join(config, "speech-dispatcher"), { recursive: true });
  mkdirSync(join(home, "run"), { recursive: true, mode: 0o700 });
  writeFileSync(
    join(config, "speech-dispatcher", "speechd.conf"),
    [
      'AudioOutputMethod "libao"',
      'AddModule "espeak-ng" "sd_espeak-ng" "/etc/speech-dispatcher/modules/espeak-ng.conf"',
      'DefaultModule "espeak-ng"',
      // The server ends itself 5 s after its last client (the browser) has gone.
      "Timeout 5",
      "",
    ].join("\n"),
  );
  writeFileSync(join(home, ".libao"), "default_driver=null\n");
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: config,
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_RUNTIME_DIR: join(home, "run"),
  });
  return {
    args: ["--enable-speech-dispatcher"],
    env,
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}
