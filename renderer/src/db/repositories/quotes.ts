import Dexie from 'dexie';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import type { PriceBookItem, PriceBookItemId } from '@shared/domain/price-book';
import type { Quote, QuoteId, QuoteScenario, QuoteStatus } from '@shared/domain/quote';
import { settingsId } from '@shared/domain/settings';
import type { Settings } from '@shared/domain/settings';
import {
  applyScenario,
  assertEditable,
  canTransition,
  copyFields,
  currentQuote,
  dealFiguresOf,
  nextVersion,
  openRiskExposure,
  QuoteTransitionError,
} from '@shared/quote/build';
import { foreignCurrencyLine, quoteFigures } from '@shared/quote/compute';
import type { PursuitDatabase } from '@renderer/db/database';
import { StaleRevisionError } from '@renderer/db/errors';
import { requireLiveDeal, unwrapNotFound } from '@renderer/db/repositories/deliverables';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv, Writer } from '@renderer/db/write';

/** A line's price or cost is in another currency than its quote: nothing was written. */
export class QuoteCurrencyError extends Error {
  override readonly name = 'QuoteCurrencyError';
  constructor(
    readonly quoteCurrency: string,
    readonly lineCurrency: string,
  ) {
    super(`A ${quoteCurrency} quote cannot hold a line priced in ${lineCurrency}`);
  }
}

/** The editable content of a quote version. */
export type QuoteContent = Pick<Quote, 'name' | 'sections' | 'validUntil' | 'terms' | 'scenarios'>;

const QUOTE_TABLES = ['deals', 'quotes', 'settings', 'risks'] as const;

function requireCurrent(quote: Quote, expectedRev: number): Quote {
  if (quote.deletedAt !== null) throw new StaleRevisionError('quotes', quote.id, expectedRev, null);
  if (quote.rev !== expectedRev)
    throw new StaleRevisionError('quotes', quote.id, expectedRev, quote.rev);
  return quote;
}

function label(quote: Pick<Quote, 'version' | 'name'>): string {
  return `v${quote.version} ${quote.name}`;
}

function dealQuotes(db: PursuitDatabase, dealId: DealId) {
  return db.quotes.where('dealId').equals(dealId).toArray();
}

function roundingOf(settings: Settings | undefined) {
  return {
    level: settings?.quoteRounding ?? 'per_line',
    mode: settings?.roundingMode ?? 'half_up',
  } as const;
}

/**
 * Makes the deal's value and expected margin follow its current quote version (the accepted one,
 * else the newest not superseded), with a note in the trail saying which version set them. A
 * quote in another currency than the deal leaves the deal as it is.
 */
function followCurrentQuote(db: PursuitDatabase, writer: Writer, dealId: DealId) {
  return Dexie.Promise.all([
    writer.require('deals', dealId),
    dealQuotes(db, dealId),
    writer.get('settings', settingsId),
  ]).then(([deal, quotes, settings]): Promise<Deal | null> | null => {
    const current = currentQuote(quotes);
    if (current === null || current.currency !== deal.value.currency) return null;
    const figures = dealFiguresOf(
      quoteFigures(current.sections, current.currency, roundingOf(settings)),
    );
    if (
      figures.value.amountMinor === deal.value.amountMinor &&
      figures.expectedMarginPct === deal.expectedMarginPct
    )
      return null;
    return writer.update(
      'deals',
      deal.id,
      deal.rev,
      { value: figures.value, expectedMarginPct: figures.expectedMarginPct },
      deal.code,
      'update',
      settings?.locale === 'en'
        ? `Value and expected margin follow quote version v${current.version} (${current.name})`
        : `金额与预期毛利率随报价版本 v${current.version}（${current.name}）更新`,
    );
  });
}

function checkCurrency(content: Pick<Quote, 'sections' | 'currency'>): void {
  const foreign = foreignCurrencyLine(content.sections, content.currency);
  if (foreign !== null) throw new QuoteCurrencyError(content.currency, foreign.currency);
}

/** Starts a new draft version of a deal's quote (empty, or with the given content). */
export async function createQuote(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  content: QuoteContent & Pick<Quote, 'currency'>,
): Promise<Quote> {
  checkCurrency(content);
  return runWrite(
    db,
    env,
    QUOTE_TABLES,
    async (writer) => {
      await requireLiveDeal(writer, dealId);
      const quotes = await dealQuotes(db, dealId);
      const version = nextVersion(quotes);
      writer.subject = label({ version, name: content.name });
      const quote = await writer.insert(
        'quotes',
        { ...content, dealId, version, status: 'draft' },
        writer.subject,
      );
      await followCurrentQuote(db, writer, dealId);
      return quote;
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/** What one command does to a stored version, decided from the version as it is now. */
interface QuoteChange {
  /** Refuse unless the version is still editable (draft or internal review). */
  readonly requireEditable: boolean;
  /** Checks the change against the current version (throws to refuse) and gives the patch. */
  readonly patch: (
    current: Quote,
    writer: Writer,
  ) => Partial<Pick<Quote, 'status' | 'deletedAt'> & QuoteContent>;
  /** Runs after the version is written, in the same transaction (accepting supersedes others). */
  readonly after?: (writer: Writer, saved: Quote) => Promise<unknown>;
  readonly action?: 'update' | 'delete';
}

/**
 * The one path of every command on a stored version: load it at the revision the caller saw,
 * check it may change, write the patch (with its field diff in the trail), and let the deal's
 * value and margin follow the current version, with their own trail note, in one transaction.
 */
function editQuote(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
  expectedRev: number,
  change: QuoteChange,
): Promise<Quote> {
  const action = change.action ?? 'update';
  return runWrite(
    db,
    env,
    QUOTE_TABLES,
    async (writer) => {
      const current = requireCurrent(await writer.require('quotes', id), expectedRev);
      if (change.requireEditable) assertEditable(current);
      const patch = change.patch(current, writer);
      writer.subject = label({ ...current, ...patch });
      await requireLiveDeal(writer, current.dealId);
      const saved = await writer.update('quotes', id, expectedRev, patch, writer.subject, action);
      if (change.after !== undefined) await change.after(writer, saved);
      await followCurrentQuote(db, writer, current.dealId);
      return saved;
    },
    { undoAction: action },
  ).catch(unwrapNotFound);
}

/** Saves an edit of a draft (or in-review) version; a sent or later one is refused. */
export function updateQuote(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
  expectedRev: number,
  patch: Partial<QuoteContent>,
): Promise<Quote> {
  return editQuote(db, env, id, expectedRev, {
    requireEditable: true,
    patch: (current) => {
      checkCurrency({ currency: current.currency, sections: patch.sections ?? current.sections });
      return patch;
    },
  });
}

/**
 * Moves a version along draft → internal review → sent → accepted. Accepting one supersedes
 * every other version of the deal; the deal then follows the accepted one.
 */
export function setQuoteStatus(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
  expectedRev: number,
  status: QuoteStatus,
): Promise<Quote> {
  return editQuote(db, env, id, expectedRev, {
    requireEditable: false,
    patch: (current) => {
      if (!canTransition(current.status, status))
        throw new QuoteTransitionError(current.status, status);
      return { status };
    },
    after: async (writer, saved) => {
      if (status !== 'accepted') return;
      const others = (await dealQuotes(db, saved.dealId)).filter(
        (other) => other.id !== id && other.deletedAt === null && other.status !== 'superseded',
      );
      for (const other of others) {
        await writer.update('quotes', other.id, other.rev, { status: 'superseded' }, label(other));
      }
    },
  });
}

/** Copies any version (a sent one, typically) into a new draft with the next version number. */
export async function copyQuoteToDraft(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
): Promise<Quote> {
  return runWrite(
    db,
    env,
    QUOTE_TABLES,
    async (writer) => {
      const source = await writer.require('quotes', id);
      await requireLiveDeal(writer, source.dealId);
      const version = nextVersion(await dealQuotes(db, source.dealId));
      writer.subject = label({ version, name: source.name });
      const quote = await writer.insert('quotes', copyFields(source, version), writer.subject);
      await followCurrentQuote(db, writer, source.dealId);
      return quote;
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/**
 * Makes a scenario the new quote: a new draft version with the scenario applied to the copied
 * sections (the source version is untouched). Contingency uses the deal's open risks now.
 */
export async function applyScenarioAsDraft(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
  scenario: QuoteScenario,
  contingencyLabel: string,
): Promise<Quote> {
  return runWrite(
    db,
    env,
    QUOTE_TABLES,
    async (writer) => {
      const source = await writer.require('quotes', id);
      const deal = await requireLiveDeal(writer, source.dealId);
      const [quotes, risks, settings] = await Dexie.Promise.all([
        dealQuotes(db, source.dealId),
        db.risks.where('dealId').equals(source.dealId).toArray(),
        writer.get('settings', settingsId),
      ]);
      const version = nextVersion(quotes);
      const sections = applyScenario(source.sections, scenario, {
        currency: source.currency,
        rounding: roundingOf(settings),
        exposure: openRiskExposure(risks, source.currency),
        pwin: deal.pwin,
        newId: () => env.newId(),
        contingencyLabel,
      });
      const name = `${source.name} · ${scenario.name}`.slice(0, 200);
      writer.subject = label({ version, name });
      const quote = await writer.insert(
        'quotes',
        { ...copyFields(source, version), name, sections },
        writer.subject,
      );
      await followCurrentQuote(db, writer, source.dealId);
      return quote;
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/** Moves a draft version to the trash; sent versions stay on record. */
export async function deleteQuote(
  db: PursuitDatabase,
  env: WriteEnv,
  id: QuoteId,
  expectedRev: number,
): Promise<void> {
  await editQuote(db, env, id, expectedRev, {
    requireEditable: true,
    patch: (_current, writer) => ({ deletedAt: writer.at }),
    action: 'delete',
  });
}

export type PriceBookInput = Omit<
  PriceBookItem,
  'id' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt'
>;

export function createPriceBookItem(
  db: PursuitDatabase,
  env: WriteEnv,
  input: PriceBookInput,
): Promise<PriceBookItem> {
  return runWrite(
    db,
    env,
    ['priceBookItems'],
    async (writer) => {
      writer.subject = input.code;
      return writer.insert('priceBookItems', input, input.code);
    },
    { undoAction: 'create' },
  );
}

export function updatePriceBookItem(
  db: PursuitDatabase,
  env: WriteEnv,
  id: PriceBookItemId,
  expectedRev: number,
  patch: Partial<PriceBookInput>,
): Promise<PriceBookItem> {
  return runWrite(
    db,
    env,
    ['priceBookItems'],
    async (writer) => {
      const current = await writer.require('priceBookItems', id);
      writer.subject = patch.code ?? current.code;
      return writer.update('priceBookItems', id, expectedRev, patch, writer.subject);
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** Soft delete: quote lines that came from the item keep their reference and their copy of it. */
export function deletePriceBookItem(
  db: PursuitDatabase,
  env: WriteEnv,
  id: PriceBookItemId,
  expectedRev: number,
): Promise<PriceBookItem> {
  return runWrite(
    db,
    env,
    ['priceBookItems'],
    async (writer) => {
      const current = await writer.require('priceBookItems', id);
      writer.subject = current.code;
      return writer.update(
        'priceBookItems',
        id,
        expectedRev,
        { deletedAt: writer.at },
        current.code,
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

/** Saves the quote rounding level (per line or per total) and the rounding mode. */
export function updateQuoteRounding(
  db: PursuitDatabase,
  env: WriteEnv,
  expectedRev: number,
  patch: Pick<Settings, 'quoteRounding' | 'roundingMode'>,
  name: string,
): Promise<Settings> {
  return runWrite(
    db,
    env,
    ['settings'],
    async (writer) => {
      writer.subject = name;
      return writer.update('settings', settingsId, expectedRev, patch, name);
    },
    { undoAction: 'update' },
  );
}
