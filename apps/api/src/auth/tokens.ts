import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';
import { AppError } from '../common/app-error';

export interface AccessClaims {
  sub: string;
  sid: string;
  /** The user's org path when the token was issued: the guard's lookup scope. */
  path: string;
}

/** Short-lived signed access tokens and opaque refresh tokens, stored only as hashes. */
@Injectable()
export class Tokens {
  private readonly jwt: JwtService;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.jwt = new JwtService({
      // A key object, not a string: jsonwebtoken otherwise tries the secret as a PEM public key first.
      secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
      signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: 'guanai' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'guanai' },
    });
  }

  get accessTtl(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(claims: AccessClaims): Promise<string> {
    // A unique id, so two tokens issued in the same second still differ.
    return this.jwt.signAsync({ ...claims }, { jwtid: randomUUID() });
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const c = await this.jwt.verifyAsync<AccessClaims>(token);
      if (typeof c.sub !== 'string' || typeof c.sid !== 'string' || typeof c.path !== 'string') throw new Error('claims');
      return c;
    } catch (e) {
      throw new AppError(e instanceof TokenExpiredError ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED');
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashToken(token) };
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
