import { z } from "zod";
import { isoToday } from "../assessments/today";

export const DECLARATION_ROUTES = ["self_assessment", "certification"] as const;
export const DECLARATION_STATUSES = ["submitted", "acknowledged", "returned_for_correction", "withdrawn"] as const;
// What a later answer of the authority (or the organization itself) can make of a filed declaration.
export const DECLARATION_STATUS_CHANGES = ["acknowledged", "returned_for_correction", "withdrawn"] as const;

const optionalText = (max: number) =>
  z.string().trim().max(max, "too_long").optional().transform((v) => (v ? v : undefined));
const id = z.string().min(1, "required").max(64);

export const recordDeclarationInput = z
  .object({
    skuId: id,
    firmwareVersionId: z.string().max(64).optional().transform((v) => (v ? v : undefined)),
    route: z.enum(DECLARATION_ROUTES, "invalid_declaration_route"),
    // Recorded after the fact: the day it was filed, never a day to come.
    filedOn: z.iso.date("invalid_date").refine((day) => day <= isoToday(), "date_in_future"),
    authority: optionalText(200),
    channel: optionalText(120),
    receiptNumber: optionalText(120),
    certificationBody: optionalText(200),
    certificateNumber: optionalText(120),
    note: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.route === "certification" && !value.certificationBody) {
      ctx.addIssue({ code: "custom", message: "certification_body_required", path: ["certificationBody"] });
    }
  });

export const setDeclarationStatusInput = z.object({
  declarationId: id,
  status: z.enum(DECLARATION_STATUS_CHANGES, "invalid_declaration_status"),
});
