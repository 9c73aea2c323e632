import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 TOTP, 30-second steps, one step of clock drift either way, no code accepted twice. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Guanai 教师关爱平台', label: account, secret });
}

/** The accepted time step, or null. `afterStep` is the last step accepted for this user. */
export function verifyTotp(secret: string, code: string, afterStep: number | null): number | null {
  const result = verifySync({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
