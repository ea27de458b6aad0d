import type { FastifyReply } from 'fastify';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Content-Disposition for a Chinese file name (RFC 6266 filename*, with an ASCII fallback). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a generated .docx or .xlsx as a download named `fileName` (its extension picks the type). */
export function sendFile(reply: FastifyReply, fileName: string, bytes: Buffer) {
  const type = fileName.endsWith('.docx') ? MIME.docx : MIME.xlsx;
  return reply.header('content-disposition', attachmentHeader(fileName)).type(type).send(bytes);
}
