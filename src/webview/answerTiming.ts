/**
 * How long a learner takes to answer a quiz: from the moment at least half of it is on screen (or Try again) to
 * Check answer. Sent with the answer so a right, fast answer can count as Easy in the review schedule.
 */
const shownAt = new Map<string, number>();

/** Starts the clock of each quiz when it first scrolls into view (at once for quizzes already on screen). */
export function watchQuizzes(): void {
	const observer = new IntersectionObserver((entries) => {
		for (const entry of entries) {
			const quizId = entry.target instanceof HTMLElement ? entry.target.dataset.quizId : undefined;
			if (entry.isIntersecting && quizId !== undefined && !shownAt.has(quizId)) {
				shownAt.set(quizId, performance.now());
			}
		}
	}, { threshold: 0.5 });
	for (const quiz of document.querySelectorAll<HTMLElement>('.il-quiz')) {
		observer.observe(quiz);
	}
}

/** Try again starts a new attempt, and a new clock. */
export function restartClock(quizId: string): void {
	shownAt.set(quizId, performance.now());
}

/** Whole milliseconds since the quiz was shown, or undefined when it was never seen on screen. */
export function elapsedMs(quizId: string): number | undefined {
	const start = shownAt.get(quizId);
	return start === undefined ? undefined : Math.max(0, Math.round(performance.now() - start));
}
