/** A message for a channel outside the platform (SMS, e-mail). */
export interface OutboundMessage {
  channel: 'sms' | 'email';
  /** Phone number or address. */
  to: string;
  subject: string;
  body: string;
}

/** Where SMS and e-mail go: a gateway adapter in production, the log by default. */
export interface OutboundChannel {
  send(message: OutboundMessage): Promise<void>;
}

/** The default channel: writes one line per message and keeps the last ones for inspection. */
export class LogChannel implements OutboundChannel {
  readonly sent: OutboundMessage[] = [];

  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  async send(message: OutboundMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
    this.write(`outbound ${message.channel} to=${message.to} subject=${JSON.stringify(message.subject)}`);
  }
}
