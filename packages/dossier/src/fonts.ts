// The only I/O of this package: it reads its own font files (Noto Sans, SIL OFL, from the npm
// package @expo-google-fonts/noto-sans). The 14 standard PDF fonts have no Vietnamese glyphs, and a
// full TTF (not a unicode-range subset) is needed to set Vietnamese text.
import { readFileSync } from "node:fs";

const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof FONT_FILES;

let cache: Record<FontWeight, Buffer> | null = null;

// Resolved at run time from this package, wherever npm put the font package. Bundlers rewrite a
// `createRequire` imported from node:module into their own module loader (Next's Turbopack then
// fails on the .ttf): getting it from the process keeps Node's resolution.
export function dossierFonts(): Record<FontWeight, Buffer> {
  if (!cache) {
    const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
    cache = { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) };
  }
  return cache;
}
