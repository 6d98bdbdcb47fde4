import { z } from 'zod';
import type { HangingProtocol, SeriesRule } from '../viewer/hanging-protocol.ts';
import { LAYOUTS } from '../viewer/layouts.ts';
import type { ViewState } from '../viewer/view-state.ts';
import { idSchema } from './schemas.ts';

const planeSchema = z.enum(['axial', 'sagittal', 'coronal']);
export const displaySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stack') }),
  z.object({ kind: z.literal('reformat'), plane: planeSchema }),
]);

const regex = z
  .string()
  .max(200)
  .refine((s) => {
    try {
      new RegExp(s, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'Not a valid regular expression.');

const constraintSchema = z.union([
  z.object({ equals: z.string().max(200) }).strict(),
  z.object({ oneOf: z.array(z.string().max(200)).max(50) }).strict(),
  z.object({ matches: regex }).strict(),
  z.object({ notMatches: regex }).strict(),
  z.object({ atLeast: z.number().finite() }).strict(),
  z.object({ isTrue: z.boolean() }).strict(),
]);

const attributeSchema = z.enum([
  'modality',
  'description',
  'viewPosition',
  'plane',
  'bodyPart',
  'imageCount',
  'volumetric',
]);

export const seriesRuleSchema: z.ZodType<SeriesRule> = z.lazy(() =>
  z.union([
    z.object({
      attribute: attributeSchema,
      constraint: constraintSchema,
      required: z.boolean().optional(),
      weight: z.number().finite().optional(),
    }),
    z.object({
      anyOf: z.array(seriesRuleSchema).min(1).max(20),
      required: z.boolean().optional(),
      weight: z.number().finite().optional(),
    }),
  ]),
);

export const hangingProtocolSchema = z.object({
  id: z.string().max(100),
  name: z.string().trim().min(1).max(100),
  layout: z.enum(LAYOUTS),
  viewports: z
    .array(
      z.object({
        label: z.string().max(200),
        options: z
          .array(z.object({ display: displaySchema, rules: z.array(seriesRuleSchema).max(30) }))
          .max(10),
      }),
    )
    .max(4),
}) satisfies z.ZodType<HangingProtocol>;

export const viewStateSchema = z.object({
  display: displaySchema,
  imageIndex: z.number().int().min(0),
  instanceId: idSchema.nullable(),
  frame: z.number().int().min(0),
  windowCenter: z.number().finite(),
  windowWidth: z.number().finite().positive(),
  scale: z.number().finite().positive(),
  translation: z.object({ x: z.number().finite(), y: z.number().finite() }),
  rotation: z.number().finite(),
  hflip: z.boolean(),
  vflip: z.boolean(),
  invert: z.boolean(),
}) satisfies z.ZodType<ViewState>;

/** A rendered key image: a PNG as a data URL, at most ~6 MB. */
const pngDataUrl = z
  .string()
  .max(8_000_000, 'The key image picture is too large.')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Not a PNG data URL.');

const captionSchema = z.string().trim().max(500, 'Caption is too long (at most 500 characters).');

export const seriesIdInputSchema = z.object({ seriesId: idSchema });
export const caseIdOnlySchema = z.object({ caseId: idSchema });

export const saveLayoutInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the layout a name.')
    .max(100, 'Name is too long (at most 100 characters).'),
  protocol: hangingProtocolSchema,
  makeDefault: z.boolean(),
});
export const layoutIdInputSchema = z.object({ id: idSchema });
export const setDefaultLayoutInputSchema = z.object({ id: idSchema.nullable() });

export const createKeyImageInputSchema = z.object({
  caseId: idSchema,
  seriesId: idSchema,
  view: viewStateSchema,
  caption: captionSchema,
  png: pngDataUrl.optional(),
});
export const updateKeyImageInputSchema = z.object({
  id: idSchema,
  caption: captionSchema.optional(),
  png: pngDataUrl.optional(),
});
export const reorderKeyImagesInputSchema = z.object({
  caseId: idSchema,
  ids: z.array(idSchema).max(1000),
});
export const keyImageIdInputSchema = z.object({ id: idSchema });
