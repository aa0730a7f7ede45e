import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { textMessage } from '../cards/activity';
import type { Centre, Destination } from '../lib/centres';
import { describeDestination } from '../lib/centres';
import { checkText, TEXT_RULES } from '../lib/complaints/fields';
import { LoopDialog, type Next } from './loopDialog';
import { CardChoicePrompt, type ChoiceDef, FREE_TEXT } from './prompts/cardChoicePrompt';
import { FieldPrompt } from './prompts/fieldPrompt';
import { bilingual, type DialogServices, translator } from './services';

export const DESTINATION_DIALOG = 'destination';
const CHOICE = 'destination.choice';
const PLACE = 'destination.place';

/** A search hit this good, this far ahead of the next, is offered alone for confirmation. */
const CONFIDENT_SCORE = 0.85;
const CONFIDENT_MARGIN = 0.1;
/** Below this, a hit is not worth showing. */
const MIN_SCORE = 0.45;
const MAX_CANDIDATES = 5;

export interface DestinationOptions {
  /** An agency that usually handles the category, offered first. */
  suggestedAgency?: string;
  /** Where it happened, if already known: "choose for me" then needs no question. */
  place?: string;
  /** A centre the citizen's own words point to (a place in their first message): offered first, to confirm. */
  suggestedCentre?: string;
  /** Only Damrongdham centres (talking to officers): linked agencies are not offered. */
  centresOnly?: boolean;
  /** The question, when it is not about where to file a complaint. */
  promptKey?: string;
  /** The confirmation of a centre found ("File with …?"), when it is not about filing. */
  confirmKey?: string;
}

export interface DestinationResult {
  destination: Destination;
  /** The place given for "choose for me": the complaint flow keeps it as where it happened. */
  place?: string;
}

type Mode = 'query' | 'place' | 'confirm' | 'pick' | 'province' | 'provincePick' | 'district' | 'agency';

interface DestinationState {
  mode: Mode;
  centresOnly?: boolean;
  promptKey?: string;
  confirmKey?: string;
  suggestedAgency?: string;
  place?: string;
  /** The centre offered for confirmation. */
  pending?: Destination;
  /** Centre codes (or province codes) offered to pick from. */
  candidates?: string[];
  provinceCode?: string;
}

/**
 * Where to file: the centre or agency the citizen chooses, by searching what they type (Thai or English,
 * partial or misspelt), by drilling down province → district, from the list of central centres and linked
 * agencies, or chosen for them from where it happened.
 */
export class DestinationDialog extends LoopDialog<DestinationState> {
  constructor(services: DialogServices) {
    super(DESTINATION_DIALOG, services);
    this.addDialog(new CardChoicePrompt(CHOICE, services));
    this.addDialog(new FieldPrompt(PLACE, services, (text) => {
      const checked = checkText('place', text);
      return checked.ok ? { ok: true, value: checked.value } : { ok: false, retryKey: 'complaint.place.retry', vars: { min: checked.min, max: checked.max } };
    }));
  }

  protected initialState(options: unknown): DestinationState {
    const { suggestedAgency, place, centresOnly, promptKey, confirmKey, suggestedCentre } = (options ?? {}) as DestinationOptions;
    const known = !centresOnly && suggestedAgency && this.services.centres.directory.agency(suggestedAgency) ? suggestedAgency : undefined;
    const centre = suggestedCentre && this.services.centres.directory.centre(suggestedCentre) ? suggestedCentre : undefined;
    return {
      // "Choose another" from this confirmation leads to the usual question.
      ...(centre ? { mode: 'confirm' as const, pending: { kind: 'centre' as const, code: centre } } : { mode: 'query' as const }),
      ...(centresOnly ? { centresOnly } : {}),
      ...(promptKey ? { promptKey } : {}),
      ...(confirmKey ? { confirmKey } : {}),
      ...(known ? { suggestedAgency: known } : {}),
      ...(place ? { place } : {}),
    };
  }

  protected async ask(step: WaterfallStepContext, state: DestinationState): Promise<DialogTurnResult> {
    const { directory } = this.services.centres;
    switch (state.mode) {
      case 'query': {
        const suggested: ChoiceDef[] = state.suggestedAgency
          ? [{ value: `agency:${state.suggestedAgency}`, label: this.nameOf({ kind: 'agency', code: state.suggestedAgency }) }]
          : [];
        return this.promptFor(step, CHOICE, {
          textKey: state.promptKey ?? 'complaint.destination.prompt',
          freeText: true,
          items: [
            ...suggested,
            { value: 'forMe', label: bilingual(this.services, 'complaint.destination.forMe') },
            { value: 'browse', label: bilingual(this.services, 'complaint.destination.browse') },
            { value: 'agencies', label: bilingual(this.services, 'complaint.destination.agencies') },
          ],
        });
      }
      case 'place':
        return this.promptFor(step, PLACE, { textKey: 'complaint.place.prompt', vars: { min: TEXT_RULES.place.min, max: TEXT_RULES.place.max } });
      case 'confirm':
        return this.promptFor(step, CHOICE, {
          textKey: state.confirmKey ?? 'complaint.destination.confirm',
          vars: { name: describeDestination(state.pending as Destination, this.services.language.current(step.context)) },
          items: [
            { value: 'yes', label: bilingual(this.services, 'common.yes'), intent: 'yes' },
            { value: 'another', label: bilingual(this.services, 'common.chooseAnother'), intent: 'no' },
          ],
        });
      case 'pick':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.destination.pick',
          items: [
            ...(state.candidates ?? []).map((code): ChoiceDef => ({ value: code, label: this.nameOf({ kind: 'centre', code }) })),
            { value: 'another', label: bilingual(this.services, 'common.chooseAnother') },
          ],
        });
      case 'province':
        return this.promptFor(step, CHOICE, { textKey: 'complaint.destination.province.prompt', freeText: true, items: [] });
      case 'provincePick':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.destination.province.pick',
          items: (state.candidates ?? []).map((code): ChoiceDef => {
            const province = directory.centre(code) as Centre;
            return { value: code, label: { th: province.areaNameTh, en: province.areaNameEn } };
          }),
        });
      case 'district': {
        const province = directory.centre(state.provinceCode as string) as Centre;
        const lang = this.services.language.current(step.context);
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.destination.district.prompt',
          vars: { province: lang === 'th' ? province.areaNameTh : province.areaNameEn },
          items: [
            { value: province.code, label: bilingual(this.services, 'complaint.destination.district.provincial') },
            ...directory.districtsOf(province.code, lang).map((district): ChoiceDef => ({
              value: district.code,
              label: { th: district.areaNameTh, en: district.areaNameEn },
            })),
          ],
        });
      }
      case 'agency':
        return this.promptFor(step, CHOICE, {
          textKey: 'complaint.destination.agency.prompt',
          items: [
            ...['MOI', 'DOPA'].map((code): ChoiceDef => ({ value: `centre:${code}`, label: this.nameOf({ kind: 'centre', code }) })),
            ...(state.centresOnly ? [] : directory.agencies().map((agency): ChoiceDef => ({ value: `agency:${agency.code}`, label: this.nameOf({ kind: 'agency', code: agency.code }) }))),
          ],
        });
    }
  }

  protected async handle(step: WaterfallStepContext, state: DestinationState, answer: unknown): Promise<Next<DestinationState>> {
    const value = String(answer);
    const t = translator(this.services, step.context);
    const done = (destination: Destination): Next<DestinationState> => {
      return { end: { destination, ...(state.place ? { place: state.place } : {}) } satisfies DestinationResult };
    };
    switch (state.mode) {
      case 'query':
        if (value === 'forMe') return state.place ? this.fromPlace(step, state, state.place) : { state: { ...state, mode: 'place' } };
        if (value === 'browse') return { state: { ...state, mode: 'province' } };
        if (value === 'agencies') return { state: { ...state, mode: 'agency' } };
        if (value.startsWith('agency:')) return done({ kind: 'agency', code: value.slice('agency:'.length) });
        return this.search(step, state, value.startsWith(FREE_TEXT) ? value.slice(FREE_TEXT.length) : value);
      case 'place':
        return this.fromPlace(step, { ...state, place: value }, value);
      case 'confirm':
        return value === 'yes' ? done(state.pending as Destination) : { state: { ...state, mode: 'query' } };
      case 'pick':
        return value === 'another' ? { state: { ...state, mode: 'query' } } : done({ kind: 'centre', code: value });
      case 'province': {
        const query = value.startsWith(FREE_TEXT) ? value.slice(FREE_TEXT.length) : value;
        const provinces = this.services.centres.search.suggestProvinces(query, MAX_CANDIDATES).filter((hit) => hit.score >= MIN_SCORE);
        if (provinces.length === 0) {
          await step.context.sendActivity(textMessage(t('complaint.destination.province.notFound', { query: query.slice(0, 80) })));
          return { state };
        }
        if (provinces.length === 1 || provinces[0].score - provinces[1].score >= CONFIDENT_MARGIN) {
          return { state: { ...state, mode: 'district', provinceCode: provinces[0].centre.code } };
        }
        return { state: { ...state, mode: 'provincePick', candidates: provinces.map((hit) => hit.centre.code) } };
      }
      case 'provincePick':
        return { state: { ...state, mode: 'district', provinceCode: value } };
      case 'district':
        return done({ kind: 'centre', code: value });
      case 'agency': {
        const [kind, code] = value.split(':') as ['centre' | 'agency', string];
        return done({ kind, code });
      }
    }
  }

  private async search(step: WaterfallStepContext, state: DestinationState, query: string): Promise<Next<DestinationState>> {
    const hits = this.services.centres.search.search(query, { limit: MAX_CANDIDATES }).filter((hit) => hit.score >= MIN_SCORE);
    if (hits.length === 0) {
      const t = translator(this.services, step.context);
      await step.context.sendActivity(textMessage(t('complaint.destination.notFound', { query: query.slice(0, 80) })));
      return { state: { ...state, mode: 'query' } };
    }
    const [best, second] = hits;
    // An exact name is taken even when a near-spelling comes close (Mueang Chiang Mai and Mueang Chiang Rai).
    const exact = best.score >= 1 && (!second || second.score < 1);
    if (exact || (best.score >= CONFIDENT_SCORE && (!second || best.score - second.score >= CONFIDENT_MARGIN))) {
      return { state: { ...state, mode: 'confirm', pending: { kind: 'centre', code: best.centre.code } } };
    }
    return { state: { ...state, mode: 'pick', candidates: hits.map((hit) => hit.centre.code) } };
  }

  private async fromPlace(step: WaterfallStepContext, state: DestinationState, place: string): Promise<Next<DestinationState>> {
    const centre = this.services.centres.search.chooseForLocation(place);
    if (!centre) {
      const t = translator(this.services, step.context);
      await step.context.sendActivity(textMessage(t('complaint.destination.place.notFound')));
      return { state: { ...state, mode: 'query', place } };
    }
    return { state: { ...state, mode: 'confirm', place, pending: { kind: 'centre', code: centre.code } } };
  }

  private nameOf(destination: Destination): { th: string; en: string } {
    return { th: describeDestination(destination, 'th'), en: describeDestination(destination, 'en') };
  }
}
