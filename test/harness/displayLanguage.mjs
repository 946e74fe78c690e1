// VS Code's display language in code-server without a language pack from the Marketplace (the tests have no network
// besides the npm registry). code-server's `--locale ja` alone leaves the workbench, and so `vscode.env.language`,
// in English: it loads a language's strings only when a pack for it is listed in the user data dir's
// `languagepacks.json`, which VS Code writes when a pack is installed. Writing that entry ourselves, for a pack with
// no translations, makes the workbench load as that language (its own strings fall back to English) and gives
// extensions `vscode.env.language === language`, so their package.nls.<language>.json and l10n bundles apply.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Lists an empty language pack for `language` in `userDataDir` (before code-server starts with `--locale`). */
export function stubLanguagePack(userDataDir, language) {
	const translations = path.join(userDataDir, `language-pack-${language}`, 'main.i18n.json');
	mkdirSync(path.dirname(translations), { recursive: true });
	writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
	const pack = {
		hash: `stub-${language}`,
		extensions: [{ extensionIdentifier: { id: `test.language-pack-${language}` }, version: '1.0.0' }],
		translations: { vscode: translations },
		label: language,
	};
	writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [language]: pack }));
}
