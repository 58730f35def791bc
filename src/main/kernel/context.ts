import type { Channel, ChannelOf, Contract, Feature, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { SessionInfo } from '../../shared/domain/auth';
import type { AuditInput } from '../store/audit-chain';
import type { OpenStore } from '../store/store';
import type { AppCore } from './session';

/** What every handler gets: the core session, who is calling, and the id that finds this call in the log. */
export interface BaseContext {
  core: AppCore;
  session: SessionInfo | null;
  correlationId: string;
}

/** A query's or a mutation's context: it runs inside one transaction of the open store. */
export interface TxContext extends BaseContext {
  store: OpenStore;
  session: SessionInfo;
  now: Date;
  /** Writes an audit event in the transaction of this call. */
  audit(input: AuditInput): void;
  /** Records a read of personal data, by record identifier only. */
  auditRead(entity: string, entityId: string): void;
}

type AsyncHandler<C extends Channel> = (input: ParsedInputOf<C>, ctx: BaseContext) => Promise<OutputOf<C>> | OutputOf<C>;
type TxHandler<C extends Channel> = (input: ParsedInputOf<C>, ctx: TxContext) => OutputOf<C>;

/** `auth` channels are async and open their own transaction; queries and mutations run inside the dispatcher's. */
export type Handler<C extends Channel> = Contract[C]['kind'] extends 'auth' ? AsyncHandler<C> : TxHandler<C>;

/** One handler per channel of the app: a channel without one does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** A feature's handlers: exactly its own channels, each typed by the contract. */
export type FeatureHandlers<F extends Feature> = { [C in ChannelOf<F>]: Handler<C> };
