// File-server events, as the monitoring pipeline delivers them. You do not need to change this file.

// The labels the classification rules assign: 'confidential' for design folders,
// 'confidential-shared' for the project folders shared with partners.
export type Label = 'public' | 'internal' | 'confidential' | 'confidential-shared';

export interface FileEvent {
	at: Date;
	account: string;
	path: string;
	action: 'read' | 'write' | 'create';
	label: Label;
}
