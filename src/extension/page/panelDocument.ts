import type * as vscode from 'vscode';

/**
 * What the lesson panel's webview document is. A lesson page whose script said it is ready, on screen, can take
 * another lesson by a `show` message instead of a new document (much faster to show). Then `webview.html` still
 * holds the earlier lesson, which VS Code would load again after the panel is hidden: the panel rewrites it then.
 */
export class PanelDocument {
	private live = false;
	private behind = false;

	/** A page's script said it is ready; only a lesson page on screen takes lessons by message. */
	ready(isLessonPage: boolean, visible: boolean): void {
		this.live = isLessonPage && visible;
	}

	/** Whether the next lesson goes in by message; if so, the page is busy until it says ready again. */
	takeByMessage(visible: boolean): boolean {
		if (!this.live || !visible) {
			return false;
		}
		this.live = false;
		this.behind = true;
		return true;
	}

	write(panel: vscode.WebviewPanel, html: string): void {
		this.live = false;
		this.behind = false;
		panel.webview.html = html;
	}

	/** The panel was hidden (its document is dropped) or closed: true when `webview.html` must be written again. */
	dropped(): boolean {
		const behind = this.behind;
		this.live = false;
		this.behind = false;
		return behind;
	}
}
