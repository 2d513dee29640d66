import { handlers } from "@/auth/auth";

export const { GET, POST } = handlers;
