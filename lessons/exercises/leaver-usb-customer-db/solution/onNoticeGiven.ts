// Leaver process, driven by the HR record.
export const BULK_EXPORT = 'customers:export';

export interface Directory {
  /** Removes one permission from every account of the employee, now. */
  revoke(employeeId: string, permission: string): Promise<void>;
  /** Disables every account of the employee (SSO, database roles, VPN, API keys), now. */
  disableAll(employeeId: string): Promise<void>;
  /** Disables every account of the employee at the end of the given day. */
  scheduleDisable(employeeId: string, lastDay: string): Promise<void>;
  /** Puts the employee on the list whose bulk reads and USB use alert security. */
  watchLeaver(employeeId: string, lastDay: string): Promise<void>;
}

// Called when HR records that an employee has handed in notice.
export async function onNoticeGiven(dir: Directory, employeeId: string, lastDay: string): Promise<void> {
  // The handover needs their everyday access, not a copy of the whole customer database.
  await dir.revoke(employeeId, BULK_EXPORT);
  // The notice period is when a copy "for the next job" is most likely: watch it.
  await dir.watchLeaver(employeeId, lastDay);
  await dir.scheduleDisable(employeeId, lastDay);
}
