// Monitoring aggregates (M3/M4): what the aggregator needs beyond 0003.
//
// - `monitor_data_span`: first and last DataTime of a monitor's minute/hourly data, kept by the
//   aggregator (not by the gateway, so the two never wait on each other's row locks). Rates count
//   expected hours from the first data.
// - `monitor_day_rate.received_mask` / `valid_mask`: bit h (0-23) set when hour h of the Shanghai day
//   had data / valid data. Rates for any window (today up to the last complete hour, the day of the
//   first data) count the bits inside the window, so a day stored at 23:51 still counts exactly.
// - the queue is taken oldest first: an index on queued_at keeps that cheap with a backlog;
// - a partial index for "latest invalid hours".
export const up = /* sql */ `
create table monitor_data_span (
  monitor_id int primary key references monitor(id),
  first_data_at timestamptz not null,
  last_data_at timestamptz not null
);

alter table monitor_day_rate add column received_mask int not null default 0;
alter table monitor_day_rate add column valid_mask int not null default 0;

create index aggregation_task_queued_idx on aggregation_task (queued_at);
create index hourly_value_invalid_idx on hourly_value (hour) where not valid;
`;
