import { parse } from 'yaml';
import { fixtureVariantTables, meaningSuite } from './exerciseHelpers';

const right = ['right-block-lists', 'right-flow-route'];
const wrong = [
	'wrong-refused-only', 'wrong-outcome-dropped', 'wrong-global-lower-floor', 'wrong-no-history-ignored',
	'wrong-leaver-in-comment', 'wrong-cross-employer-missing', 'wrong-channel-only', 'wrong-keep-forever',
];

const table = fixtureVariantTables('insider-threat-programme', 'bulk-access-alert', 'bulk-access-alert.yaml', { right, wrong });

interface Rule {
	match: { outcome?: string | string[] };
	baseline?: string;
	no_history?: string;
	escalate_if?: string[];
	route?: { owner?: string };
	retention_days?: number;
}

/** The rule's meaning, with the job's defaults from the file's header: independent of the lesson's text patterns. */
function watchesInsiderSignals(text: string): boolean {
	const rule = parse(text) as Rule;
	const outcome = rule.match.outcome ?? 'ok';
	const outcomes = Array.isArray(outcome) ? outcome : [outcome];
	const counted = (value: string): boolean => outcomes.includes(value) || outcomes.includes('any');
	const signals = rule.escalate_if ?? [];
	return counted('ok') && counted('refused')
		&& rule.baseline === 'per_account' && rule.no_history === 'alert'
		&& signals.includes('leaving_date_set') && signals.includes('owner_not_employer')
		&& typeof rule.route?.owner === 'string' && rule.route.owner.length > 0
		&& typeof rule.retention_days === 'number' && rule.retention_days > 0;
}

meaningSuite('insider-threat-programme exercise: the rules read as the job would', table, watchesInsiderSignals, { holds: ['solution', ...right], fails: ['starter', ...wrong] });
