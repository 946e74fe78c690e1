import type { WebviewStrings } from '../protocol';

/** What the extension puts in `<body data-config>` for the script. */
export interface PageConfig {
	readonly lessonId: string;
	readonly strings: WebviewStrings;
}
