import type { Coverage, CoverageGap } from '../../../shared/domain/coverage';
import { AGREEMENT_KIND_WORDS, PREVENTION_KIND_WORDS } from '../../../shared/domain/training-codes';
import type { XlsxCell, XlsxSheet } from '../table/xlsx';

/** The coverage screen as a workbook: the chart's numbers by raion, then every hromada the filter keeps. */

const GAP_WORDS: Record<CoverageGap, string> = {
  no_training: 'без навчань за 12 місяців',
  no_event: 'без профілактичних заходів за 12 місяців',
  no_coordinator: 'без координатора',
  no_agreement: 'без меморандуму чи місцевої програми',
};

const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const dateCell = (iso: string | null | undefined): XlsxCell => (iso ? { date: iso } : null);

export const coverageStem = (asOf: string): string => `okhoplennia-hromad-${asOf}`;

function heading(data: Coverage, filter: { raion: string; gaps: readonly CoverageGap[] }): string[] {
  const where = data.oblast ? `${data.oblast.name} область` : 'область не обрано';
  const lines = [`Охоплення територіальних громад: ${where}`, `Станом на ${ddmmyyyy(data.asOf)}; «за 12 місяців» — з ${ddmmyyyy(data.since)}`];
  const raion = data.raions.find((r) => r.code === filter.raion);
  const scope = [raion ? `${raion.name} район` : '', filter.gaps.length ? `лише громади ${filter.gaps.map((g) => GAP_WORDS[g]).join(' і ')}` : ''].filter(Boolean);
  if (scope.length) lines.push(`Відбір: ${scope.join('; ')} (${data.hromadas.length} з ${data.total})`);
  return lines;
}

export function coverageSheets(data: Coverage, filter: { raion: string; gaps: readonly CoverageGap[] }): XlsxSheet[] {
  const head = heading(data, filter);
  const title = head[0]!;
  const sum = (key: 'hromadas' | 'withCoordinator' | 'withAgreement' | 'trainedRecently' | 'eventRecently') => data.raions.reduce((n, r) => n + r[key], 0);
  const raions: XlsxSheet = {
    name: 'Райони',
    title,
    heading: head,
    columns: [
      { title: 'Район', width: 28 },
      { title: 'Громад', width: 10 },
      { title: 'З координатором', width: 16 },
      { title: 'З меморандумом чи програмою', width: 18 },
      { title: 'З навчанням за 12 місяців', width: 16 },
      { title: 'З профілактичним заходом за 12 місяців', width: 18 },
    ],
    rows: [
      ...data.raions.map((r): XlsxCell[] => [r.name, r.hromadas, r.withCoordinator, r.withAgreement, r.trainedRecently, r.eventRecently]),
      ...(data.raions.length ? [['Усього', sum('hromadas'), sum('withCoordinator'), sum('withAgreement'), sum('trainedRecently'), sum('eventRecently')] as XlsxCell[]] : []),
    ],
  };
  const raionName = new Map(data.raions.map((r) => [r.code, r.name]));
  const hromadas: XlsxSheet = {
    name: 'Громади',
    title,
    heading: head,
    columns: [
      { title: 'Район', width: 18 },
      { title: 'Громада', width: 22 },
      { title: 'Код КАТОТТГ', width: 22 },
      { title: 'Координатор', width: 24 },
      { title: 'Посада координатора', width: 28 },
      { title: 'Координатор з', width: 12 },
      { title: 'Меморандум чи програма', width: 22 },
      { title: 'Номер', width: 10 },
      { title: 'Дата', width: 12 },
      { title: 'Останнє навчання: дата', width: 12 },
      { title: 'Останнє навчання: назва', width: 30 },
      { title: 'Останній захід: дата', width: 12 },
      { title: 'Останній захід: вид', width: 22 },
      { title: 'Навчено фахівців за 12 місяців', width: 14 },
    ],
    rows: data.hromadas.map((h): XlsxCell[] => [
      raionName.get(h.raionCode) ?? '',
      h.name,
      h.code,
      h.coordinator?.name ?? '',
      h.coordinator?.position ?? '',
      dateCell(h.coordinator?.since),
      h.agreement ? AGREEMENT_KIND_WORDS[h.agreement.kind].uk : '',
      h.agreement?.number ?? '',
      dateCell(h.agreement?.date),
      dateCell(h.lastTraining?.date),
      h.lastTraining?.title ?? '',
      dateCell(h.lastEvent?.date),
      h.lastEvent ? PREVENTION_KIND_WORDS[h.lastEvent.kind].uk : '',
      h.trainedRecently,
    ]),
  };
  return [raions, hromadas];
}
