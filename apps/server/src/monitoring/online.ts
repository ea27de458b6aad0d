/**
 * Online (在线): the unit's last packet, of any kind, is at most `windowMinutes` old — by default
 * 30, twice the longest usual minute-data interval (15 min), so one late packet does not flap it.
 */
export function isOnline(lastSeenAt: Date | null, now: Date, windowMinutes: number): boolean {
  return lastSeenAt !== null && now.getTime() - new Date(lastSeenAt).getTime() <= windowMinutes * 60_000;
}
