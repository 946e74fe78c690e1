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
	readonly exercise: ExerciseLabels;
}

/** The words of an exercise section. */
export interface ExerciseLabels {
	/** `{0}` = the exercise's title. */
	readonly heading: string;
	readonly files: string;
	readonly start: string;
	readonly check: string;
	readonly hint: string;
	readonly solution: string;
	readonly reset: string;
	readonly save: string;
	readonly results: string;
	readonly hints: string;
	readonly explain: string;
	/** How the section is used from the keyboard and the editor. */
	readonly howTo: string;
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
	exercise: {
		heading: 'Exercise: {0}',
		files: 'Files',
		start: 'Start exercise',
		check: 'Check my fix',
		hint: 'Show hint',
		solution: 'Show solution',
		reset: 'Reset exercise',
		save: 'Save a copy to the workspace',
		results: 'Checks',
		hints: 'Hints',
		explain: 'Why this fix',
		howTo: 'Start opens the files in the editor beside this page. Nothing you write is run: checks read the code.',
	},
	codeSample: 'Code sample',
};

/** Replaces `{0}`, `{1}`… in a label. */
export function formatLabel(label: string, ...args: readonly (string | number)[]): string {
	return label.replace(/\{(\d)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole));
}
