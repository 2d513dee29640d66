"use server";

import {
  addFirmwareVersion,
  createProductFamily,
  createSku,
  createSkuInput,
  firmwareVersionInput,
  productFamilyInput,
  setSkuArchived,
  updateSku,
  updateSkuCapabilities,
  updateSkuCapabilitiesInput,
  updateSkuInput,
} from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/action-client";

export const createSkuAction = orgAction("sku:create", createSkuInput, async (ctx, input) => {
  const sku = await createSku(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus`);
  return { skuId: sku.id };
});

export const updateSkuAction = orgAction("sku:update", updateSkuInput, async (ctx, input) => {
  await updateSku(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return null;
});

export const updateSkuCapabilitiesAction = orgAction("sku:update", updateSkuCapabilitiesInput, async (ctx, input) => {
  await updateSkuCapabilities(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return null;
});

export const setSkuArchivedAction = orgAction(
  "sku:archive",
  z.object({ skuId: z.string().min(1).max(64), archived: z.boolean() }),
  async (ctx, input) => {
    await setSkuArchived(ctx, input);
    revalidatePath(`/${ctx.organizationSlug}/skus`);
    return null;
  },
);

export const addFirmwareVersionAction = orgAction("sku:update", firmwareVersionInput, async (ctx, input) => {
  const firmware = await addFirmwareVersion(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return { firmwareId: firmware.id };
});

export const createProductFamilyAction = orgAction("sku:create", productFamilyInput, async (ctx, input) => {
  const family = await createProductFamily(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus`);
  return { familyId: family.id };
});
