import { z } from 'zod';

const point = z.tuple([z.number().finite(), z.number().finite()]);
const endplate = z.object({ anterior: point, posterior: point }).strict();

/** The landmark JSON of `spinopelvic --landmarks FILE` (see the README). */
export const landmarkFileSchema = z
  .object({
    pixelSpacingMm: z.tuple([z.number().positive().finite(), z.number().positive().finite()]),
    anterior: z.enum(['left', 'right']),
    femoralHeads: z.tuple([point, point]),
    s1Endplate: endplate,
    l1Endplate: endplate,
    c7: point,
    t1: point,
  })
  .strict();
