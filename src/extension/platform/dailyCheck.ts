import * as vscode from 'vscode';

/** Let the window settle before a reminder says anything. */
const FIRST_CHECK_MS = 15_000;

/**
 * When a once-a-day reminder looks whether it has something to say: a while after activation, then whenever the
 * window gains focus (a learner back at the editor the next morning). Disposing stops both.
 */
export function scheduleDailyCheck(check: () => void): vscode.Disposable {
	const timer = setTimeout(check, FIRST_CHECK_MS);
	return vscode.Disposable.from(
		{ dispose: () => clearTimeout(timer) },
		vscode.window.onDidChangeWindowState((state) => state.focused && check()),
	);
}
