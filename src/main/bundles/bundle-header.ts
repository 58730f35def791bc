/**
 * What a bundle says about itself, in the two places it is said: bag-info.txt (read by people and BagIt tools) and
 * the signature's trusted comment (the only text the signature binds directly). The verifier holds them equal.
 */
import { z } from 'zod';
import type { BagInfo } from './bagit';

export const COMMENT_TAG = 'zlagoda-bundle';

const noPipe = (max: number) => z.string().min(1).max(max).regex(/^[^|\r\n]+$/);

export const bundleHeaderSchema = z
  .object({
    /** The sender's КАТОТТГ code: UA and 17 digits. */
    oblast: z.string().regex(/^UA\d{17}$/),
    /** 2026-Q3, 2026-H1, 2026, or a range 2026-01-01..2026-02-15. */
    period: z.string().regex(/^\d{4}(-Q[1-4]|-H[12])?$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/),
    profile: z.enum(['ministry', 'publication']),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/).refine((s) => !Number.isNaN(Date.parse(s))),
    softwareVersion: noPipe(64),
    auditHead: z.object({ count: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), hash: z.string().regex(/^[0-9a-f]{64,128}$/) }).strict(),
    keyId: z.string().regex(/^[0-9A-F]{16}$/),
  })
  .strict();

export type BundleHeader = z.infer<typeof bundleHeaderSchema>;

/** bag-info labels; ours carry a prefix, as RFC 8493 leaves other labels to the bag's maker. */
export const LABELS = {
  oblast: 'Zlagoda-Oblast-KATOTTG',
  period: 'Zlagoda-Period',
  profile: 'Zlagoda-Profile',
  generatedAt: 'Zlagoda-Generated-At',
  softwareVersion: 'Bag-Software-Agent',
  auditHead: 'Zlagoda-Audit-Head',
  keyId: 'Zlagoda-Signing-Key-Id',
  oxum: 'Payload-Oxum',
  baggingDate: 'Bagging-Date',
} as const;

const SOFTWARE = 'zlagoda ';

/**
 * The trusted comment: `zlagoda-bundle|<oblast>|<period>|<profile>|<generated-at>|<count>:<hash>|<key id>`.
 */
export function formatComment(header: BundleHeader): string {
  const h = bundleHeaderSchema.parse(header);
  return [COMMENT_TAG, h.oblast, h.period, h.profile, h.generatedAt, `${h.auditHead.count}:${h.auditHead.hash}`, h.keyId].join('|');
}

/** The comment's fields without the software version, which only bag-info carries; null when it is not ours. */
export function parseComment(comment: string): Omit<BundleHeader, 'softwareVersion'> | null {
  const parts = comment.split('|');
  if (parts.length !== 7 || parts[0] !== COMMENT_TAG) return null;
  const [, oblast, period, profile, generatedAt, head, keyId] = parts as [string, string, string, string, string, string, string];
  const match = /^(0|[1-9]\d{0,15}):([0-9a-f]+)$/.exec(head);
  if (!match) return null;
  const parsed = bundleHeaderSchema
    .omit({ softwareVersion: true })
    .safeParse({ oblast, period, profile, generatedAt, auditHead: { count: Number(match[1]), hash: match[2] }, keyId });
  return parsed.success ? parsed.data : null;
}

/**
 * bag-info fields in their fixed order. The Bagging-Date is the UTC day of generated-at, so making the bundle again
 * from the same data gives the same bytes.
 */
export function headerBagInfo(header: BundleHeader): BagInfo {
  const h = bundleHeaderSchema.parse(header);
  return [
    [LABELS.oblast, h.oblast],
    [LABELS.period, h.period],
    [LABELS.profile, h.profile],
    [LABELS.generatedAt, h.generatedAt],
    [LABELS.softwareVersion, `${SOFTWARE}${h.softwareVersion}`],
    [LABELS.auditHead, `${h.auditHead.count}:${h.auditHead.hash}`],
    [LABELS.keyId, h.keyId],
    [LABELS.baggingDate, h.generatedAt.slice(0, 10)],
  ];
}

/** The header read back from bag-info, or the first label that is missing, repeated or wrong. */
export function headerFromBagInfo(fields: BagInfo): { header: BundleHeader } | { missing: string } {
  const one = (label: string): string | undefined => {
    const found = fields.filter(([l]) => l === label);
    return found.length === 1 ? found[0]![1] : undefined;
  };
  for (const label of Object.values(LABELS)) if (one(label) === undefined) return { missing: label };
  const head = /^(0|[1-9]\d{0,15}):([0-9a-f]+)$/.exec(one(LABELS.auditHead)!);
  const software = one(LABELS.softwareVersion)!;
  if (!head) return { missing: LABELS.auditHead };
  if (!software.startsWith(SOFTWARE)) return { missing: LABELS.softwareVersion };
  const parsed = bundleHeaderSchema.safeParse({
    oblast: one(LABELS.oblast),
    period: one(LABELS.period),
    profile: one(LABELS.profile),
    generatedAt: one(LABELS.generatedAt),
    softwareVersion: software.slice(SOFTWARE.length),
    auditHead: { count: Number(head[1]), hash: head[2] },
    keyId: one(LABELS.keyId),
  });
  if (!parsed.success) return { missing: String(parsed.error.issues[0]?.path[0] ?? 'bag-info') };
  if (one(LABELS.baggingDate) !== parsed.data.generatedAt.slice(0, 10)) return { missing: LABELS.baggingDate };
  return { header: parsed.data };
}
