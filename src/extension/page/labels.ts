import * as vscode from 'vscode';
import type { RenderLabels } from '../../core/page/labels';
import type { WebviewStrings } from '../../protocol';

/** The renderer's words in the VS Code display language. */
export function renderLabels(): RenderLabels {
	return {
		checkAnswer: vscode.l10n.t('Check answer'),
		tryAgain: vscode.l10n.t('Try again'),
		moveUp: vscode.l10n.t('Move up'),
		moveDown: vscode.l10n.t('Move down'),
		chooseOne: vscode.l10n.t('Choose one answer.'),
		chooseAll: vscode.l10n.t('Choose every answer that applies.'),
		putInOrder: vscode.l10n.t('Put the steps in order (use the buttons, or Alt+Up / Alt+Down on a step).'),
		quizNumber: vscode.l10n.t('Question {0} of {1}'),
		minutes: vscode.l10n.t('{0} min'),
		sources: vscode.l10n.t('Sources'),
		techniques: vscode.l10n.t('MITRE ATT&CK'),
		organization: vscode.l10n.t('Organization'),
		disclosed: vscode.l10n.t('Made public'),
		records: vscode.l10n.t('Records affected'),
		nextLesson: vscode.l10n.t('Next lesson'),
		imageOmitted: vscode.l10n.t('Image not shown: {0}'),
		levels: { beginner: vscode.l10n.t('Beginner'), intermediate: vscode.l10n.t('Intermediate'), advanced: vscode.l10n.t('Advanced') },
		timeline: vscode.l10n.t('Timeline'),
		breakdown: vscode.l10n.t('Records affected, by category'),
		breakdownDescription: vscode.l10n.t('Bar chart of records affected. {0}'),
		exercise: {
			heading: vscode.l10n.t('Exercise: {0}'),
			files: vscode.l10n.t('Files'),
			start: vscode.l10n.t('Start exercise'),
			check: vscode.l10n.t('Check my fix'),
			hint: vscode.l10n.t('Show hint'),
			solution: vscode.l10n.t('Show solution'),
			reset: vscode.l10n.t('Reset exercise'),
			save: vscode.l10n.t('Save a copy to the workspace'),
			results: vscode.l10n.t('Checks'),
			hints: vscode.l10n.t('Hints'),
			explain: vscode.l10n.t('Why this fix'),
			howTo: vscode.l10n.t('Start opens the files in the editor beside this page. Nothing you write is run: checks read the code.'),
		},
		codeSample: vscode.l10n.t('Code sample'),
	};
}

export function webviewStrings(): WebviewStrings {
	return {
		correct: vscode.l10n.t('Correct.'),
		incorrect: vscode.l10n.t('Not quite.'),
		chooseFirst: vscode.l10n.t('Choose an answer first.'),
		movedTo: vscode.l10n.t('Moved to position {0} of {1}.'),
		score: vscode.l10n.t('Score: {0} of {1} questions right ({2}%). Pass mark: {3}%.'),
		passed: vscode.l10n.t('Lesson passed.'),
		failed: vscode.l10n.t('Below the pass mark: retry the questions you missed.'),
		answered: vscode.l10n.t('{0} of {1} questions answered.'),
		rightAnswer: vscode.l10n.t('Right answer'),
		yourChoice: vscode.l10n.t('Your choice'),
		stepInPlace: vscode.l10n.t('In the right place'),
		stepBelongsAt: vscode.l10n.t('Belongs at position {0}'),
		outdated: vscode.l10n.t('This lesson has changed since you answered it. Your answers are kept; answer again to update them.'),
		rejected: vscode.l10n.t('That answer could not be checked. Please try again.'),
		checkPassed: vscode.l10n.t('Pass'),
		checkFailed: vscode.l10n.t('Fail'),
	};
}
