import { parse } from 'yaml';
import { fixtureVariantTables, meaningSuite } from './exerciseHelpers';

const right = ['right-block-lists', 'right-flow-style'];
const wrong = [
	'wrong-note-taker-empty', 'wrong-hr-left-out', 'wrong-legal-after-confirmation', 'wrong-scenario-added-real-unchanged',
	'wrong-scenario-dropped', 'wrong-review-next-week', 'wrong-still-scores-people', 'wrong-action-without-date',
];

const table = fixtureVariantTables('tabletop-exercise', 'tabletop-plan', 'tabletop-plan.yaml', { right, wrong });

interface Plan {
	roles: { facilitator?: string; note_taker?: string };
	participants: string[];
	reporting: { legal_privacy_told: string };
	injects: { real_case?: string; scenario?: string }[];
	review: { when: string; records: string[] };
}

/** The plan's meaning, read as the timer and the form would: independent of the lesson's text patterns. */
function testsThePlanNotThePeople(text: string): boolean {
	const plan = parse(text) as Plan;
	const records = plan.review.records;
	return Boolean(plan.roles.note_taker)
		&& plan.participants.includes('legal_privacy') && plan.participants.includes('hr')
		&& plan.reporting.legal_privacy_told === 'same_day'
		&& plan.injects.every((inject) => Boolean(inject.real_case) && Boolean(inject.scenario) && !/1,?500/.test(inject.real_case ?? ''))
		&& plan.review.when === 'same_day'
		&& !records.includes('scores_per_person') && records.includes('action_owner') && records.includes('action_due');
}

meaningSuite('tabletop-exercise exercise: the plans read as the timer and the form would', table, testsThePlanNotThePeople, { holds: ['solution', ...right], fails: ['starter', ...wrong] });
