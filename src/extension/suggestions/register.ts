import * as vscode from 'vscode';
import { LazyPart } from '../platform/lazyPart';
import { isSuggestable } from './suggestionScope';
import { createSuggestions } from './suggestionProviders';
import type { Services } from '../services';

/** The code-linked lessons, registered: the settings listener tells them of a change. */
export interface Suggestions extends vscode.Disposable {
	/** Call when `incidentLessons.suggestions` changed. */
	settingsChanged(): void;
}

/**
 * Lessons suggested by the code in the editor (CodeLens, hint, hover): the providers are registered once suggestions
 * are on and an editor they apply to is visible, and from then on apply to every editor, those already open too.
 */
export function registerSuggestions(services: Services): Suggestions {
	const { library, trust, config, log } = services;
	const suggestions = new LazyPart(() => Promise.resolve(createSuggestions(library, trust, config, log)));
	const wake = (): void => {
		if (config().suggestions !== 'off' && !suggestions.isRequested && vscode.window.visibleTextEditors.some((e) => isSuggestable(e.document))) {
			void suggestions.get();
		}
	};
	const disposable = vscode.Disposable.from(suggestions, vscode.window.onDidChangeVisibleTextEditors(wake));
	wake();
	return {
		settingsChanged: () => {
			suggestions.current?.suggestions.settingsChanged();
			wake();
		},
		dispose: () => { disposable.dispose(); },
	};
}
