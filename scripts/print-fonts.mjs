/**
 * The fonts the notes PDF is printed in: Literata (Latin and Cyrillic; regular, italic and
 * semibold) from the npm font package, as one stylesheet with the files inlined as data: URLs.
 * The print document is self-contained, so it prints the same on every machine.
 *
 * Static instances, not the variable font: Chromium's PDF backend embeds a variable font as
 * Type 3 glyph drawings, which print soft and bloat the file; static fonts embed as TrueType.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'];
const STYLESHEETS = ['400.css', '400-italic.css', '600.css'];

/** The @font-face rules, family 'Literata', one per wanted subset, weight and style. */
export async function printFontCss() {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/literata/package.json'));
  const rules = [];
  for (const sheet of STYLESHEETS) {
    const css = await readFile(join(packageDir, sheet), 'utf8');
    for (const [, subset, body] of css.matchAll(/\/\* literata-([a-z-]+)-\d00-(?:normal|italic) \*\/\s*@font-face\s*\{([^}]*)\}/g)) {
      if (!SUBSETS.includes(subset)) continue;
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      if (!file) throw new Error(`print fonts: no woff2 file in the ${subset} rule of ${sheet}`);
      const data = (await readFile(join(packageDir, 'files', file))).toString('base64');
      rules.push(
        `@font-face {${body
          .replace(/font-family:[^;]+;/, "font-family: 'Literata';")
          .replace(/font-display:[^;]+;/, 'font-display: block;')
          .replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`)}}`,
      );
    }
  }
  if (rules.length !== SUBSETS.length * STYLESHEETS.length) {
    throw new Error(`print fonts: expected ${SUBSETS.length * STYLESHEETS.length} font files, found ${rules.length}`);
  }
  return rules.join('\n');
}
