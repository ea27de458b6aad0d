import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../api/alarms';
import { EMPTY_INBOX, inboxReducer } from './inbox-state';

const event = (id: number): InboxEvent => ({
  id,
  userId: 1,
  sheetId: 9,
  alarmId: 9,
  kind: 'sheet_sign',
  title: `报警单 ${id}`,
  createdAt: '2026-05-01T00:00:00.000Z',
});

describe('inboxReducer', () => {
  it('takes the loaded count, then counts each pushed notification once', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'loaded', unread: 3 });
    s = inboxReducer(s, { type: 'pushed', event: event(10) });
    s = inboxReducer(s, { type: 'pushed', event: event(10) });
    s = inboxReducer(s, { type: 'pushed', event: event(11) });
    expect(s.unread).toBe(5);
    expect(s.tick).toBe(2);
    expect(s.latest?.id).toBe(11);
  });

  it('counts down on read and to zero on read-all, never below zero', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'loaded', unread: 1 });
    s = inboxReducer(s, { type: 'read' });
    s = inboxReducer(s, { type: 'read' });
    expect(s.unread).toBe(0);
    s = inboxReducer(inboxReducer(s, { type: 'loaded', unread: 7 }), { type: 'allRead' });
    expect(s.unread).toBe(0);
    expect(inboxReducer(EMPTY_INBOX, { type: 'loaded', unread: -2 }).unread).toBe(0);
  });
});
