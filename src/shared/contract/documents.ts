import { z } from 'zod';
import type { ContractPart } from './types';

export const DocumentFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const documents = {
  /**
   * The minutes, or an extract of one agenda item or for one executor, as DOCX (to edit and sign), as the
   * print HTML, or as PDF made from that HTML (PDF_UNAVAILABLE where no printer is supplied). Every export
   * is audited.
   */
  'documents:minutes': {
    input: z
      .object({
        meetingId: z.string().min(1).max(64),
        format: z.enum(['docx', 'html', 'pdf']),
        item: z.number().int().min(1).max(60).optional(),
        organisationId: z.string().min(1).max(64).optional(),
      })
      .strict()
      .refine((v) => !(v.item && v.organisationId), { path: ['organisationId'], message: 'one extract scope' }),
    output: DocumentFileSchema,
    access: 'meetings.read',
    kind: 'auth',
  },
  /** The notice of a meeting with its agenda, for sending to members ahead of it. */
  'documents:notice': {
    input: z.object({ meetingId: z.string().min(1).max(64), format: z.enum(['docx', 'html', 'pdf']) }).strict(),
    output: DocumentFileSchema,
    access: 'meetings.read',
    kind: 'auth',
  },
} satisfies ContractPart;
