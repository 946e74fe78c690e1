/** What a review card page adds to the lesson script: the Next button, and moving to a section on request. */

/** Shows the Next button after an answer and moves focus to it, so Enter goes on. False on a lesson page. */
export function offerNextReview(): boolean {
	const next = document.getElementById('il-review-next');
	if (!next) {
		return false;
	}
	next.hidden = false;
	next.focus();
	return true;
}

/** Scrolls to the heading with slug `section` and focuses it, so keyboard and screen reader users land there too. */
export function scrollToSection(section: string): void {
	const heading = document.getElementById(`il-h-${section}`);
	if (!heading) {
		return;
	}
	heading.tabIndex = -1;
	heading.scrollIntoView({ block: 'start' });
	heading.focus({ preventScroll: true });
	heading.classList.add('il-target');
}

/**
 * On a review card, puts focus on the quiz's first control, so a keyboard user can answer at once. The webview loads
 * a new page in a hidden frame, which takes no focus, and focuses the frame once it shows it: focus lands then too.
 */
export function focusReviewCard(): void {
	const first = document.getElementById('il-review-next') ? document.querySelector<HTMLElement>('.il-quiz input, .il-quiz .il-step') : null;
	if (first) {
		first.focus();
		window.addEventListener('focus', () => {
			if (document.activeElement === document.body) {
				first.focus();
			}
		}, { once: true });
	}
}
