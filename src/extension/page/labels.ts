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
	};
}
