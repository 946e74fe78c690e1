/**
 * The words the rendered lesson shows around the author's content. The extension passes translated ones
 * (through vscode.l10n); the CLI and tests use these English defaults.
 */
export interface RenderLabels {
	readonly checkAnswer: string;
	readonly tryAgain: string;
	readonly moveUp: string;
	readonly moveDown: string;
	readonly chooseOne: string;
	readonly chooseAll: string;
	readonly putInOrder: string;
	/** `{0}` = quiz number, `{1}` = quiz count. */
	readonly quizNumber: string;
	readonly minutes: string;
	readonly sources: string;
	readonly techniques: string;
	readonly organization: string;
	readonly disclosed: string;
	readonly records: string;
	readonly nextLesson: string;
	readonly imageOmitted: string;
	readonly levels: Readonly<Record<'beginner' | 'intermediate' | 'advanced', string>>;
	readonly timeline: string;
	readonly breakdown: string;
	/** `{0}` = the categories and counts, for screen readers. */
	readonly breakdownDescription: string;
	/** The name of a code sample (its language follows in brackets when the author tagged it). */
	readonly codeSample: string;
}

export const DEFAULT_LABELS: RenderLabels = {
	checkAnswer: 'Check answer',
	tryAgain: 'Try again',
	moveUp: 'Move up',
	moveDown: 'Move down',
	chooseOne: 'Choose one answer.',
	chooseAll: 'Choose every answer that applies.',
	putInOrder: 'Put the steps in order (use the buttons, or Alt+Up / Alt+Down on a step).',
	quizNumber: 'Question {0} of {1}',
	minutes: '{0} min',
	sources: 'Sources',
	techniques: 'MITRE ATT&CK',
	organization: 'Organization',
	disclosed: 'Made public',
	records: 'Records affected',
	nextLesson: 'Next lesson',
	imageOmitted: 'Image not shown: {0}',
	levels: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
	timeline: 'Timeline',
	breakdown: 'Records affected, by category',
	breakdownDescription: 'Bar chart of records affected. {0}',
	codeSample: 'Code sample',
};

/** Replaces `{0}`, `{1}`… in a label. */
export function formatLabel(label: string, ...args: readonly (string | number)[]): string {
	return label.replace(/\{(\d)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole));
}
