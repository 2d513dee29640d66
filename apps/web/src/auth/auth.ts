// Auth.js configuration. Only src/auth/ imports next-auth; everything else calls getSession().
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@hopquy/core";
import { z } from "zod";
import { clientIpFrom } from "@/lib/client-ip";

class AccountLockedError extends CredentialsSignin {
  code = "locked";
}
class RateLimitedError extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsInput = z.object({ email: z.string().max(254), password: z.string().max(256) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600, updateAge: 3600 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials({ ...parsed.data, ip: clientIpFrom(request.headers) });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        if (result.reason === "locked") throw new AccountLockedError();
        if (result.reason === "rate_limited") throw new RateLimitedError();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
});
