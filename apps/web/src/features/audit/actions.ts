"use server";

import { verifyAuditChain } from "@hopquy/core";
import { z } from "zod";
import { orgAction } from "@/lib/action-client";

export const verifyAuditChainAction = orgAction("audit:verify", z.object({}), (ctx) => verifyAuditChain(ctx));
