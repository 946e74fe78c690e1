import * as vscode from 'vscode';
import { SUGGESTION_SCHEMES } from '../suggestions/suggestionScope';
import type { Services } from '../services';
import { cwesOf, FindingActions } from './findingActions';

/**
 * Lessons for other tools' findings: nothing is registered until a diagnostic with a CWE id appears (and the setting
 * is on); then the Code Action provider is registered and the lessons' weaknesses are read, once.
 */
export function registerFindings(services: Services): vscode.Disposable {
	const { library, trust, config } = services;
	let actions: vscode.Disposable | undefined;
	const wake = (uris: readonly vscode.Uri[]): void => {
		if (actions || !config().findings) {
			return;
		}
		if (uris.some((uri) => SUGGESTION_SCHEMES.includes(uri.scheme) && vscode.languages.getDiagnostics(uri).some((d) => cwesOf(d).length > 0))) {
			const provider = new FindingActions(library, trust, config);
			void provider.weaknesses();
			const selector = SUGGESTION_SCHEMES.map((scheme) => ({ scheme }));
			actions = vscode.Disposable.from(provider, vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: FindingActions.kinds }));
		}
	};
	const listener = vscode.languages.onDidChangeDiagnostics((e) => wake(e.uris));
	// Problems reported before activation count too.
	wake(vscode.languages.getDiagnostics().map(([uri]) => uri));
	return { dispose: () => { listener.dispose(); actions?.dispose(); } };
}
