import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from '@guanai/db';
import type { Principal } from './principal';


/**
 * The request's context in AsyncLocalStorage: who is calling and the scoped transaction they run in.
 * The getters throw when unset, so nothing can run unscoped by accident.
 */
@Injectable()
export class RequestContext {
  // Untyped store: typing it with EntityManager sends the compiler into infinite instantiation.
  constructor(private readonly cls: ClsService) {}

  get principal(): Principal {
    const p = this.cls.get<Principal | undefined>('principal');
    if (!p) throw new Error('no principal in this context');
    return p;
  }

  get principalOrNull(): Principal | null {
    return this.cls.isActive() ? (this.cls.get<Principal | undefined>('principal') ?? null) : null;
  }

  setPrincipal(p: Principal): void {
    this.cls.set('principal', p);
  }

  /** The transaction the request runs in, already scoped to the principal's organisation. */
  get em(): EntityManager {
    const em = this.cls.get<EntityManager | undefined>('em');
    if (!em) throw new Error('no scoped transaction in this context');
    return em;
  }

  setEm(em: EntityManager | undefined): void {
    this.cls.set('em', em);
  }

  get requestId(): string {
    return this.cls.isActive() ? this.cls.getId() : '';
  }

  get ip(): string | null {
    return this.cls.isActive() ? (this.cls.get<string | null | undefined>('ip') ?? null) : null;
  }
}
