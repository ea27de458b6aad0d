/** A notification just committed, as pushed to the inbox of its user. */
export interface InboxEvent {
  id: number;
  userId: number;
  sheetId: number | null;
  /** The alarm the sheet answers (its detail page). */
  alarmId: number | null;
  kind: string;
  title: string;
  createdAt: string;
}

type Listener = (event: InboxEvent) => void;

/**
 * In-process fan-out of committed notifications to open inbox streams, by user. One process
 * serves the API and the alarm engine; a second API process would need the database's
 * LISTEN/NOTIFY instead (see README).
 */
export class InboxBus {
  private readonly byUser = new Map<number, Set<Listener>>();

  publish(events: readonly InboxEvent[]): void {
    for (const e of events) for (const l of this.byUser.get(e.userId) ?? []) l(e);
  }

  subscribe(userId: number, listener: Listener): () => void {
    const set = this.byUser.get(userId) ?? new Set<Listener>();
    this.byUser.set(userId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byUser.delete(userId);
    };
  }
}
