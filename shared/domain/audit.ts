export interface AuditEntry {
  id: number;
  at: string;
  userName: string;
  discipline: string;
  action: string;
  caseId: number | null;
  detail: string;
}
