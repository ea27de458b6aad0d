import { useEffect, useReducer, useState } from 'react';
import { type LiveRecord, listRecords, liveUrl, type RecordKind } from '../../api/monitoring';
import { applyRecord, EMPTY_LIVE, type LiveState } from './live-values';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

type Action = { type: 'record'; record: LiveRecord } | { type: 'reset' };

function reducer(state: LiveState, action: Action): LiveState {
  return action.type === 'reset' ? EMPTY_LIVE : applyRecord(state, action.record);
}

const SEED_KINDS: readonly RecordKind[] = ['min', 'rtd'];

/**
 * The newest values of an outlet: the newest stored minute and real-time records on load, then
 * every record the server pushes on `/monitoring/outlets/:id/live` (server-sent events, no polling).
 */
export function useLiveValues(outletId: number | string): { live: LiveState; stream: StreamState } {
  const [live, dispatch] = useReducer(reducer, EMPTY_LIVE);
  const [stream, setStream] = useState<StreamState>('connecting');

  useEffect(() => {
    dispatch({ type: 'reset' });
    setStream('connecting');
    const source = new EventSource(liveUrl(outletId), { withCredentials: true });
    source.addEventListener('ready', () => setStream('open'));
    source.addEventListener('record', (event) => {
      try {
        dispatch({ type: 'record', record: JSON.parse((event as MessageEvent<string>).data) as LiveRecord });
      } catch {
        // A malformed event is skipped; the next one replaces it.
      }
    });
    // EventSource reconnects by itself after a network error; a refused stream (404, 409) stays closed.
    source.onerror = () => setStream(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    // Seeded after subscribing, so nothing committed in between is missed; older seeds never win.
    const controller = new AbortController();
    for (const kind of SEED_KINDS) {
      listRecords(outletId, { kind, pageSize: 1 }, controller.signal).then(
        (page) => {
          for (const record of page.items) dispatch({ type: 'record', record });
        },
        () => undefined,
      );
    }
    return () => {
      controller.abort();
      source.close();
    };
  }, [outletId]);

  return { live, stream };
}
