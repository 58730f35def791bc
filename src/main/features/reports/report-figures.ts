import type { Db } from '../../store/connection';

/**
 * The report's counts for one period, each a grouped statement on an index over the period's days (Kyiv dates: every
 * date the app stores is a Kyiv calendar day). Only counts come back, never a row of a person. The two stocks
 * (applications pending, assignments open at the period's end) read every record older than the period's end,
 * because that is what a stock is.
 */

export interface Span {
  from: string;
  to: string;
}

export interface Cell {
  row: string;
  column: string;
  n: number;
}

const SEX_AGE = `CASE WHEN p.sex = 'female' THEN (CASE WHEN c.child THEN 'girls' ELSE 'women' END)
  WHEN p.sex = 'male' THEN (CASE WHEN c.child THEN 'boys' ELSE 'men' END) ELSE 'sex_unknown' END`;

const HELD = `('held', 'minutes_drafted', 'approved')`;

/** The statements by name, so a test can ask SQLite how it plans each one. */
export const REPORT_SQL = {
  applications: `SELECT ${SEX_AGE} AS row, '*' AS column, COUNT(*) AS n FROM cases c JOIN persons p ON p.id = c.person_id
    WHERE c.registration_date BETWEEN @from AND @to GROUP BY row`,
  decisions: `SELECT s.outcome AS row, ${SEX_AGE} AS column, COUNT(*) AS n FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN persons p ON p.id = c.person_id
    WHERE s.kind = 'decision' AND s.date BETWEEN @from AND @to GROUP BY row, column`,
  // Without a final decision by the end, as the procedure judges it (case-procedure.ts): no decision yet, the last one
  // «documents incomplete», or a refusal appealed and forwarded again after the appeal. The decisions up to the end are
  // read once on their index and grouped by case; a refusal's later steps are the case's own (on the case's index: left
  // to itself, SQLite reads every appeal and every forwarding of the store for each refusal).
  pending: `WITH last AS (SELECT case_id, MAX(seq) AS seq FROM case_steps WHERE kind = 'decision' AND date <= @to GROUP BY case_id),
    settled AS MATERIALIZED (SELECT d.case_id FROM last l JOIN case_steps d ON d.case_id = l.case_id AND d.seq = l.seq
      WHERE d.outcome = 'granted' OR (d.outcome = 'refused' AND NOT EXISTS (
        SELECT 1 FROM case_steps a INDEXED BY case_steps_case_seq WHERE a.case_id = d.case_id AND a.seq > d.seq AND a.kind = 'appeal' AND a.date <= @to
          AND EXISTS (SELECT 1 FROM case_steps f INDEXED BY case_steps_case_seq WHERE f.case_id = a.case_id AND f.seq > a.seq AND f.kind = 'forwarded' AND f.date <= @to))))
    SELECT ${SEX_AGE} AS row, '*' AS column, COUNT(*) AS n FROM cases c JOIN persons p ON p.id = c.person_id
    WHERE c.registration_date <= @to AND c.id NOT IN (SELECT case_id FROM settled)
    GROUP BY row`,
  // A case granted twice in the period (after an appeal) is one person.
  grantedForms: `SELECT c.forms_version AS version, c.forms AS forms, COUNT(*) AS n FROM cases c
    WHERE c.id IN (SELECT s.case_id FROM case_steps s WHERE s.kind = 'decision' AND s.outcome = 'granted' AND s.date BETWEEN @from AND @to)
    GROUP BY c.forms_version, c.forms`,
  grantedCountries: `SELECT j.value AS row, '*' AS column, COUNT(*) AS n FROM cases c, json_each(c.countries) j
    WHERE c.id IN (SELECT s.case_id FROM case_steps s WHERE s.kind = 'decision' AND s.outcome = 'granted' AND s.date BETWEEN @from AND @to)
    GROUP BY j.value`,
  grantedCitizenship: `SELECT p.citizenship AS row, '*' AS column, COUNT(*) AS n FROM cases c JOIN persons p ON p.id = c.person_id
    WHERE c.id IN (SELECT s.case_id FROM case_steps s WHERE s.kind = 'decision' AND s.outcome = 'granted' AND s.date BETWEEN @from AND @to)
    GROUP BY p.citizenship`,
  aid: `SELECT category AS row, COUNT(*) AS n, SUM(amount_kop) AS amount FROM case_aid WHERE payment_date BETWEEN @from AND @to GROUP BY category`,
  referralResults: `SELECT n.service AS row,
      CASE WHEN r.outcome IS NOT NULL THEN r.outcome WHEN r.state IN ('declined', 'revoked', 'closed') THEN r.state ELSE 'open' END AS column, COUNT(*) AS n
    FROM referrals r JOIN referral_needs n ON n.referral_id = r.id WHERE r.sent_on BETWEEN @from AND @to GROUP BY row, column`,
  referralRecipients: `SELECT o.type AS row, '*' AS column, COUNT(*) AS n FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id
    WHERE r.sent_on BETWEEN @from AND @to GROUP BY o.type`,
  meetings: `SELECT COUNT(*) AS held, COALESCE(SUM(kind = 'extraordinary'), 0) AS extraordinary,
      (SELECT COUNT(*) FROM meetings m2 JOIN agenda_items i ON i.meeting_id = m2.id JOIN decisions d ON d.item_id = i.id
        WHERE m2.date BETWEEN @from AND @to AND m2.status IN ${HELD}) AS decisions
    FROM meetings WHERE date BETWEEN @from AND @to AND status IN ${HELD}`,
  // Driven by the period's meetings (on their date), each decision's assignments found on their index.
  assignmentsGiven: `SELECT COUNT(*) FROM assignments a WHERE a.decision_id IN (SELECT d.id FROM meetings m JOIN agenda_items i ON i.meeting_id = m.id
    JOIN decisions d ON d.item_id = i.id WHERE m.date BETWEEN @from AND @to)`,
  assignmentsClosed: `SELECT status AS row, COUNT(*) AS n FROM assignments WHERE status IN ('done', 'removed') AND closed_on BETWEEN @from AND @to GROUP BY status`,
  // Open at the end: given by then (its meeting was held by then) and not closed by then.
  assignmentsOpen: `SELECT CASE WHEN a.due_date < @to THEN 'overdue_at_end' ELSE 'in_progress_at_end' END AS row, COUNT(*) AS n
    FROM assignments a JOIN decisions d ON d.id = a.decision_id JOIN agenda_items i ON i.id = d.item_id JOIN meetings m ON m.id = i.meeting_id
    WHERE m.date <= @to AND (a.closed_on IS NULL OR a.closed_on > @to) GROUP BY row`,
  trainingEvents: `SELECT kind AS row, '*' AS column, COUNT(*) AS n FROM trainings WHERE ends_on BETWEEN @from AND @to GROUP BY kind`,
  // A person who came (absent staff were not trained) counts once per type of organisation and raion they came from.
  trainedPeople: `SELECT p.organisation_type AS row,
      CASE WHEN h.raion_code IN (SELECT code FROM territories WHERE oblast_code = @oblast AND category = 'P' AND dropped_in IS NULL) THEN h.raion_code ELSE 'unknown' END AS column,
      COUNT(DISTINCT p.trainee_id) AS n
    FROM trainings t JOIN training_participants p ON p.training_id = t.id LEFT JOIN territories h ON h.code = p.hromada_code
    WHERE t.ends_on BETWEEN @from AND @to AND p.attendance <> 'absent' GROUP BY row, column`,
  preventionEvents: `SELECT kind AS row, '*' AS column, COUNT(*) AS n FROM prevention_events WHERE date BETWEEN @from AND @to GROUP BY kind`,
  preventionReach: `SELECT j.key AS row, '*' AS column, SUM(j.value) AS n FROM prevention_events e, json_each(e.groups) j
    WHERE e.date BETWEEN @from AND @to GROUP BY j.key`,
  raions: `SELECT code, name FROM territories WHERE oblast_code = @oblast AND category = 'P' AND dropped_in IS NULL`,
  // Per raion: its hromadas, those a training reached (held there, or attended by staff working there), those an
  // event reached, those reached by neither, and those with a coordinator and an agreement in place by the period's end.
  coverage: `WITH h AS (SELECT code, raion_code FROM territories WHERE oblast_code = @oblast AND category = 'H' AND dropped_in IS NULL),
    trained AS (SELECT venue_hromada AS code FROM trainings WHERE ends_on BETWEEN @from AND @to AND venue_hromada IS NOT NULL
      UNION SELECT p.hromada_code FROM trainings t JOIN training_participants p ON p.training_id = t.id
        WHERE t.ends_on BETWEEN @from AND @to AND p.attendance <> 'absent' AND p.hromada_code IS NOT NULL),
    reached AS (SELECT DISTINCT hromada_code AS code FROM prevention_events WHERE date BETWEEN @from AND @to AND hromada_code IS NOT NULL)
    SELECT h.raion_code AS raion, COUNT(*) AS hromadas,
      SUM(h.code IN (SELECT code FROM trained)) AS byTraining,
      SUM(h.code IN (SELECT code FROM reached)) AS byEvent,
      SUM(h.code NOT IN (SELECT code FROM trained) AND h.code NOT IN (SELECT code FROM reached)) AS notReached,
      SUM(COALESCE(s.coordinator_name <> '' AND (s.coordinator_since IS NULL OR s.coordinator_since <= @to), 0)) AS withCoordinator,
      SUM(COALESCE(s.agreement_kind IS NOT NULL AND s.agreement_date <= @to, 0)) AS withAgreement
    FROM h LEFT JOIN hromada_setups s ON s.code = h.code GROUP BY h.raion_code`,
} as const;

export interface PeriodFigures {
  applications: Cell[];
  decisions: Cell[];
  pending: Cell[];
  grantedForms: { version: string; forms: string[]; n: number }[];
  grantedCountries: Cell[];
  grantedCitizenship: Cell[];
  aidPayments: Cell[];
  aidAmounts: Cell[];
  referralResults: Cell[];
  referralRecipients: Cell[];
  meetings: Cell[];
  assignments: Cell[];
  trainingEvents: Cell[];
  trainedPeople: Cell[];
  preventionEvents: Cell[];
  preventionReach: Cell[];
  coverage: Cell[];
}

const one = (rows: { row: string; n: number }[]): Cell[] => rows.map((r) => ({ row: r.row, column: '*', n: r.n }));

/** Every count of one period. `oblast` bounds the coverage to the store's oblast. */
export function periodFigures(db: Db, span: Span, oblast: string): PeriodFigures {
  const at = { from: span.from, to: span.to };
  const cells = (sql: string): Cell[] => db.prepare(sql).all(at) as Cell[];
  const aid = db.prepare(REPORT_SQL.aid).all(at) as { row: string; n: number; amount: number }[];
  const meetings = db.prepare(REPORT_SQL.meetings).get(at) as { held: number; extraordinary: number; decisions: number };
  const given = db.prepare(REPORT_SQL.assignmentsGiven).pluck().get(at) as number;
  const closed = db.prepare(REPORT_SQL.assignmentsClosed).all(at) as { row: string; n: number }[];
  const open = db.prepare(REPORT_SQL.assignmentsOpen).all({ to: span.to }) as { row: string; n: number }[];
  const coverage = db.prepare(REPORT_SQL.coverage).all({ ...at, oblast }) as {
    raion: string | null;
    hromadas: number;
    byTraining: number;
    byEvent: number;
    notReached: number;
    withCoordinator: number;
    withAgreement: number;
  }[];
  return {
    applications: cells(REPORT_SQL.applications),
    decisions: cells(REPORT_SQL.decisions),
    pending: db.prepare(REPORT_SQL.pending).all({ to: span.to }) as Cell[],
    grantedForms: (db.prepare(REPORT_SQL.grantedForms).all(at) as { version: string; forms: string; n: number }[]).map((r) => ({
      version: r.version,
      forms: JSON.parse(r.forms) as string[],
      n: r.n,
    })),
    grantedCountries: cells(REPORT_SQL.grantedCountries),
    grantedCitizenship: cells(REPORT_SQL.grantedCitizenship),
    aidPayments: one(aid),
    aidAmounts: one(aid.map((a) => ({ row: a.row, n: a.amount }))),
    referralResults: cells(REPORT_SQL.referralResults),
    referralRecipients: cells(REPORT_SQL.referralRecipients),
    meetings: one([
      { row: 'meetings_held', n: meetings.held },
      { row: 'extraordinary_held', n: meetings.extraordinary },
      { row: 'decisions_taken', n: meetings.decisions },
    ]),
    assignments: one([{ row: 'given', n: given }, ...closed, ...open]),
    trainingEvents: cells(REPORT_SQL.trainingEvents),
    trainedPeople: db.prepare(REPORT_SQL.trainedPeople).all({ ...at, oblast }) as Cell[],
    preventionEvents: cells(REPORT_SQL.preventionEvents),
    preventionReach: cells(REPORT_SQL.preventionReach),
    coverage: coverage.flatMap((r) =>
      (
        [
          ['hromadas', r.hromadas],
          ['reached_by_training', r.byTraining],
          ['reached_by_event', r.byEvent],
          ['not_reached', r.notReached],
          ['with_coordinator', r.withCoordinator],
          ['with_agreement', r.withAgreement],
        ] as const
      ).map(([column, n]) => ({ row: r.raion ?? '', column, n })),
    ),
  };
}

/** The audit chain's head: how many events and the hash of the last, the data a report says it was computed from. */
export function auditHead(db: Db): { auditCount: number; auditHash: string } {
  const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { auditCount: head?.seq ?? 0, auditHash: head?.hash ?? '0'.repeat(64) };
}
