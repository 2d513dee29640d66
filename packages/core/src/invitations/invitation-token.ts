import { hashSecretToken, newSecretToken } from "../auth/secret-token";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export const newInvitationToken = newSecretToken;
export const hashInvitationToken = hashSecretToken;
