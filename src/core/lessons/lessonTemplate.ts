/**
 * The starting point of a lesson a team writes about its own incident: front matter, the four questions every
 * lesson answers, and one quiz to adapt. The text comes in as labels so it is in the author's language. Pure.
 */

export interface LessonTemplateLabels {
	readonly summary: string;
	readonly whatHappened: string;
	readonly whatHappenedHint: string;
	readonly howFound: string;
	readonly howFoundHint: string;
	readonly whatFailed: string;
	readonly whatFailedHint: string;
	readonly buildDifferently: string;
	readonly buildDifferentlyHint: string;
	readonly quizPrompt: string;
	readonly rightChoice: string;
	readonly rightExplain: string;
	readonly wrongChoice: string;
	readonly wrongExplain: string;
}

export const DEFAULT_TEMPLATE_LABELS: LessonTemplateLabels = {
	summary: 'One or two sentences: what went wrong and what the reader will learn.',
	whatHappened: 'What happened',
	whatHappenedHint: 'Tell the incident in a few sentences: when, which system, what was exposed. Leave out names of people.',
	howFound: 'How it was found',
	howFoundHint: 'Who or what noticed first, and how long it went unnoticed.',
	whatFailed: 'Which control failed',
	whatFailedHint: 'The check, review or alert that should have stopped it, and why it did not.',
	buildDifferently: 'What we build differently now',
	buildDifferentlyHint: 'The change a developer on this team can make, with an example from our code if possible.',
	quizPrompt: 'What is the first thing to do when you notice this kind of problem?',
	rightChoice: 'Report it through the incident channel and keep the evidence.',
	rightExplain: 'Reporting starts the response while logs and files are still intact.',
	wrongChoice: 'Fix it quietly and move on.',
	wrongExplain: 'A quiet fix hides how far the problem went and destroys the evidence.',
};

/** A lesson id suggested from a title: kebab-case ASCII, at most 64 characters; empty when nothing is left. */
export function lessonIdFromTitle(title: string): string {
	return title.normalize('NFKD').toLowerCase().replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
}

/** A YAML scalar that says exactly `text` (a JSON string is a YAML double-quoted string). */
function yaml(text: string): string {
	return JSON.stringify(text);
}

/** The text of a new lesson `id` titled `title`; it passes `incident-lessons lint` as it is. */
export function lessonTemplate(id: string, title: string, labels: LessonTemplateLabels = DEFAULT_TEMPLATE_LABELS): string {
	return `---
id: ${id}
title: ${yaml(title)}
summary: ${yaml(labels.summary)}
track: team
minutes: 5
level: beginner
---

## ${labels.whatHappened}

${labels.whatHappenedHint}

## ${labels.howFound}

${labels.howFoundHint}

## ${labels.whatFailed}

${labels.whatFailedHint}

## ${labels.buildDifferently}

${labels.buildDifferentlyHint}

\`\`\`quiz
id: first-step
type: single
prompt: ${yaml(labels.quizPrompt)}
choices:
  - text: ${yaml(labels.rightChoice)}
    correct: true
    explain: ${yaml(labels.rightExplain)}
  - text: ${yaml(labels.wrongChoice)}
    correct: false
    explain: ${yaml(labels.wrongExplain)}
\`\`\`
`;
}
