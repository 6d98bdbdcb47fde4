export interface Migration {
  /** Equals its position in the list (1-based) and the resulting PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}
