import { parse } from 'yaml';
import { fixtureVariantTables, meaningSuite } from './exerciseHelpers';

const right = ['right-logs-first', 'right-flow-style'];
const wrong = [
	'wrong-power-off-after-isolate', 'wrong-logs-after-reimage', 'wrong-isolate-commented', 'wrong-cleanup-after-preserve',
	'wrong-legal-on-confirmation', 'wrong-legal-dropped', 'wrong-preliminary-week', 'wrong-deadlines-swapped',
];

const table = fixtureVariantTables('incident-response-appi', 'leak-runbook', 'leak-runbook.yaml', { right, wrong });

interface Runbook {
	steps: { action: string }[];
	notify: { who: string; when: string }[];
	reports: { preliminary: { due_days: number }; final: { due_days: number; due_days_improper_purpose: number } };
}

/** The runbook's meaning, read as the tool would: independent of the lesson's text patterns. */
function keepsEvidenceAndClock(text: string): boolean {
	const book = parse(text) as Runbook;
	const actions = book.steps.map((step) => step.action);
	const reimage = actions.indexOf('reimage');
	const logs = actions.indexOf('export_logs');
	return actions.includes('isolate_network')
		&& !actions.some((action) => ['power_off', 'reboot', 'delete_files'].includes(action))
		&& logs >= 0 && reimage > logs
		&& book.notify.some((notice) => notice.who === 'legal_privacy' && notice.when === 'on_suspicion')
		&& book.reports.preliminary.due_days <= 5
		&& book.reports.final.due_days === 30 && book.reports.final.due_days_improper_purpose === 60;
}

meaningSuite('incident-response-appi exercise: the runbooks read as the tool would', table, keepsEvidenceAndClock, { holds: ['solution', ...right], fails: ['starter', ...wrong] });
