// Answering a lesson page's quizzes through the real UI, as a learner does: the right answer is learned from the
// feedback after an attempt, then given after Try again.

/** Reads what the feedback says is right: choice indices, or step indices in their right order. */
export async function learnAnswer(quiz) {
	if (await quiz.getAttribute('data-quiz-type') === 'order') {
		const count = await quiz.locator('.il-step').count();
		return Array.from({ length: count }, (_, i) => i);
	}
	const right = quiz.locator('.il-choice.is-correct');
	return Promise.all((await right.all()).map(async (c) => Number(await c.getAttribute('data-index'))));
}

/** Selects choices by clicking their labels, or orders steps with Alt+Up on the keyboard. */
export async function enterAnswer(page, quiz, answer) {
	if (await quiz.getAttribute('data-quiz-type') === 'order') {
		// insertion sort by keyboard: move each wanted step up into place
		for (let target = 0; target < answer.length; target++) {
			const step = quiz.locator(`.il-step[data-index="${answer[target]}"]`);
			const position = await step.evaluate((el) => [...el.parentElement.children].indexOf(el));
			await step.focus();
			for (let i = position; i > target; i--) {
				await page.keyboard.press('Alt+ArrowUp');
			}
		}
		return;
	}
	for (const choice of await quiz.locator('.il-choice').all()) {
		const index = Number(await choice.getAttribute('data-index'));
		const input = choice.locator('input');
		if ((await input.isChecked()) !== answer.includes(index)) {
			await choice.locator('label').click();
		}
	}
}

/** Checks the answer entered; resolves whether it was right. */
export async function submit(quiz) {
	await quiz.locator('.il-check').click();
	await quiz.locator('.il-verdict:not(:empty)').waitFor();
	return (await quiz.getAttribute('class')).includes('is-right');
}

/** Answers `quiz` right: a first try (the first choice), and when that was wrong, the answer its feedback shows. */
export async function answerRight(page, quiz) {
	await quiz.scrollIntoViewIfNeeded();
	if (await quiz.getAttribute('data-quiz-type') !== 'order') {
		await enterAnswer(page, quiz, [0]);
	}
	if (await submit(quiz)) {
		return;
	}
	const answer = await learnAnswer(quiz);
	await quiz.locator('.il-retry').click();
	await enterAnswer(page, quiz, answer);
	if (!await submit(quiz)) {
		throw new Error('the answer the feedback showed was not right');
	}
}
