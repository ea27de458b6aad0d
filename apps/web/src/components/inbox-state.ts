// The header bell's state: the unread count from GET /inbox, then every pushed notification.
import type { InboxEvent } from '../api/alarms';

export interface InboxState {
  unread: number;
  /** Ids already counted (a pushed event and a reload can both bring the same one). */
  seen: readonly number[];
  /** Bumped by every pushed notification, so an open inbox page knows to reload. */
  tick: number;
  latest: InboxEvent | null;
}

export const EMPTY_INBOX: InboxState = { unread: 0, seen: [], tick: 0, latest: null };

export type InboxAction =
  | { type: 'loaded'; unread: number }
  | { type: 'pushed'; event: InboxEvent }
  | { type: 'read'; count?: number }
  | { type: 'allRead' };

const KEEP = 200;

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'loaded':
      return { ...state, unread: Math.max(0, action.unread) };
    case 'pushed':
      if (state.seen.includes(action.event.id)) return state;
      return {
        unread: state.unread + 1,
        seen: [...state.seen, action.event.id].slice(-KEEP),
        tick: state.tick + 1,
        latest: action.event,
      };
    case 'read':
      return { ...state, unread: Math.max(0, state.unread - (action.count ?? 1)) };
    case 'allRead':
      return { ...state, unread: 0 };
  }
}
