"use server";

import { recordDeclaration, recordDeclarationInput, setDeclarationStatus, setDeclarationStatusInput } from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action-client";

export const recordDeclarationAction = orgAction("declaration:record", recordDeclarationInput, async (ctx, input) => {
  const declaration = await recordDeclaration(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return { declarationId: declaration.id };
});

export const setDeclarationStatusAction = orgAction("declaration:record", setDeclarationStatusInput, async (ctx, input) => {
  const declaration = await setDeclarationStatus(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${declaration.skuId}`);
  return { status: declaration.status };
});
