/**
 * What each TypeScript sample takes from its surroundings: types, and `declare`d services that the tests supply
 * as globals. The same text is type-checked with the sample and prepended to it when it runs.
 */

/** The application's audit API: one event is one row of the `audit_log` table the controls lesson defines. */
const AUDIT = `
interface AuditEvent {
  actorId: string; action: string; dataset?: string; rowCount?: number; sourceIp?: string;
  detail?: Record<string, unknown>;
}
declare const audit: { log(event: AuditEvent): Promise<void> };
`;

export interface TsSampleSpec {
	readonly lesson: string;
	readonly index: number;
	readonly prelude: string;
	/** Names the sample declares without exporting them. */
	readonly exportNames: readonly string[];
}

export const TS_SAMPLES = {
	insurersMail: { lesson: 'non-life-insurers-insider-leak', index: 1, prelude: '', exportNames: ['reviewOutgoing'] },
	controlsLeaver: {
		lesson: 'controls-that-stop-leaks', index: 1, exportNames: [], prelude: `${AUDIT}
interface Account { disable(): Promise<void>; revokeSessionsAndTokens(): Promise<void> }
declare const directory: { accountsFor(employeeId: string): Promise<Account[]> };
`,
	},
	controlsExport: {
		lesson: 'controls-that-stop-leaks', index: 4, exportNames: ['Forbidden', 'BadRequest', 'NeedsApproval'], prelude: `
interface Customer { id: number; name: string; email: string }
interface Tx { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> }
interface Db { transaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> }
interface Actor { id: string; allowedOwners: string[]; can(permission: string): boolean }
class Forbidden extends Error {}
class BadRequest extends Error {}
class NeedsApproval extends Error {}
`,
	},
	controlsRateLimit: { lesson: 'controls-that-stop-leaks', index: 5, prelude: AUDIT, exportNames: [] },
	axaRead: {
		lesson: 'axa-non-life-unauthorized-access', index: 0, exportNames: [], prelude: `
interface RequestContext { actor: string; sourceIp: string }
interface CustomerFilter { fields: string[] }
interface Customer { id: number }
declare const repo: { findCustomers(filter: CustomerFilter): Promise<Customer[]> };
declare const audit: { log(event: AuditEvent): Promise<void> };
`,
	},
	longDwellRecord: { lesson: 'long-dwell-intrusions', index: 0, exportNames: [], prelude: `${AUDIT}
interface RequestContext { actor: string; sourceIp: string }
` },
	designMonitor: { lesson: 'design-drawings-supply-chain', index: 3, prelude: '', exportNames: [] },
	gmailExport: { lesson: 'private-gmail-customer-list', index: 1, exportNames: ['exportCustomers'], prelude: `${AUDIT}
interface User { id: string }
interface Customer { id: number; name: string }
declare function toXlsx(rows: Customer[], options: { label: string; exportedBy: string }): Promise<Buffer>;
` },
	posPaymentRecord: { lesson: 'pos-card-data-skimming', index: 0, prelude: '', exportNames: [] },
	posRedact: { lesson: 'pos-card-data-skimming', index: 2, prelude: '', exportNames: ['luhnValid'] },
} satisfies Record<string, TsSampleSpec>;
