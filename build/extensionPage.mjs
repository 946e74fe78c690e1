// The extension's own page (the Details tab in VS Code's Extensions view, and a marketplace listing): README.md up to
// its marker line, written to dist/README.md, which `vsce package --readme-path` puts in the .vsix. The rest of the
// README (the two commands, the bench, the architecture) is for people building the extension, not using it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = /^<!-- The extension's own page ends here[^\n]*-->$/m;

/** The page from the README's text; throws when the marker is missing, so the whole README never ships by accident. */
export function extensionPage(readme) {
	const match = MARKER.exec(readme);
	if (!match) {
		throw new Error('README.md: the line "<!-- The extension\'s own page ends here … -->" is missing; the build cannot write dist/README.md');
	}
	return `${readme.slice(0, match.index).trimEnd()}

---

Building the extension, its tests and its architecture: see the [repository's README](https://github.com/incident-lessons/incident-lessons#the-two-commands).
`;
}

/** Writes dist/README.md from README.md. */
export function writeExtensionPage() {
	mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
	writeFileSync(path.join(ROOT, 'dist', 'README.md'), extensionPage(readFileSync(path.join(ROOT, 'README.md'), 'utf8')));
}
