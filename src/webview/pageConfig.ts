import type { StoredAnswers, WebviewStrings } from '../protocol';

/** What the extension puts in `<body data-config>` for the script. */
export interface PageConfig {
	readonly lessonId: string;
	readonly strings: WebviewStrings;
	/** A lesson page comes with its stored answers, so it is complete without a round trip; a review card without. */
	readonly stored?: StoredAnswers;
}
