//! What a plan run produces: the schedule, the coverage of every slot, the hires, and how the
//! solver did. The report module writes it; the audit re-checks `assignments` independently.

use chrono::NaiveDate;

use super::previous::Change;
use super::reasons::{DirectorReason, ShortageReason};
use super::stability::StabilityFigures;
use super::stats::SolveStats;
use crate::domain::{
    Affectation, Animateur, Cents, Certificate, Contrat, Qualification, SourceRef,
};
use crate::problem::ForecastId;
use crate::rules::parameters::StabilityMode;

/// Coverage of one forecast row (ACM × date × créneau) by the existing staff.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotOutcome {
    /// The forecast slot.
    pub forecast: ForecastId,
    /// People counted in N: animation staff, plus the director where the law counts them.
    pub staffed: u32,
    /// Qualified people counted (the director included where counted).
    pub qualified: u32,
    pub trainees: u32,
    pub unqualified: u32,
    /// At least one director present on the slot.
    pub director_present: bool,
    /// `max(0, N + renforcé − staffed)`.
    pub missing_animateurs: u32,
    /// `max(0, min qualified − qualified)`.
    pub missing_qualified: u32,
    /// The binding reason of a shortage; `None` when covered.
    pub reason: Option<ShortageReason>,
}

/// Direction of one ACM on one open day.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectorDay {
    pub accueil: String,
    pub date: NaiveDate,
    /// Director plus adjoints required.
    pub required: u32,
    /// Ids of the people directing.
    pub directors: Vec<String>,
    pub missing: u32,
    /// The binding reason of a missing director; `None` when covered.
    pub reason: Option<DirectorReason>,
}

/// Suivi sanitaire of one séjour or mini-camp on one open day (arrêté of 20 February 2003).
#[derive(Debug, Clone, PartialEq)]
pub struct Psc1Day {
    pub accueil: String,
    pub date: NaiveDate,
    /// Ids of the PSC1 holders in the day's team (director included).
    pub holders: Vec<String>,
    /// Whether anyone who may work at this ACM holds the PSC1 (the shortage's reason).
    pub holder_in_team: bool,
}

impl Psc1Day {
    pub fn missing(&self) -> bool {
        self.holders.is_empty()
    }
}

/// One post to fill, from the recruitment stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Hire {
    /// Post number, from 1, in a stable order.
    pub number: usize,
    pub qualification: Qualification,
    /// Certificates the person recruited must hold (the PSC1 of a séjour).
    pub certificats: Vec<Certificate>,
    pub secteur: Option<String>,
    /// ACM codes where the hire works, sorted.
    pub accueils: Vec<String>,
    /// Dates worked, sorted.
    pub dates: Vec<NaiveDate>,
    pub daily_cost: Cents,
    pub fixed_cost: Cents,
    /// Where this post appears in `PlanResult::hire_assignments` (its `animateur` field is
    /// `RECRUTEMENT-<number>`).
    pub id: String,
}

impl Hire {
    pub fn days(&self) -> u32 {
        u32::try_from(self.dates.len()).unwrap_or(u32::MAX)
    }

    pub fn total_cost(&self) -> Cents {
        self.fixed_cost + self.daily_cost * i64::from(self.days())
    }

    /// What to recruit, as `Affectations` writes it and `check` reads it back: `BAFA`, `BAFA +
    /// PSC1`.
    pub fn label(&self) -> String {
        super::hiring::post_label(&self.qualification, &self.certificats)
    }

    /// The post as a person of the team, as `check` reads it back from `Affectations`: a CEE
    /// of the post's qualification, without prior days.
    pub fn person(&self) -> Animateur {
        Animateur {
            id: self.id.clone(),
            nom: crate::input::RECRUIT_NAME.to_string(),
            prenom: String::new(),
            qualification: self.qualification.clone(),
            contrat: Contrat::Cee,
            jours_cee_anterieurs: 0,
            cout_journalier: Some(self.daily_cost),
            date_naissance: None,
            secteur: self.secteur.clone(),
            accueils_possibles: Vec::new(),
            max_jours: None,
            telephone: None,
            email: None,
            certificats: self.certificats.clone(),
            source: SourceRef::default(),
        }
    }
}

/// Per person: days worked, CEE days, cost (existing staff).
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSummary {
    pub animateur: String,
    pub days_worked: u32,
    /// CEE days used including the prior days, and left under the 80-day cap (None if not CEE).
    pub cee_days_used: Option<u32>,
    pub cee_days_left: Option<u32>,
    pub cost: Cents,
}

/// The published plan's stability against the cheapest plan of the same shortage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StabilityOutcome {
    pub mode: StabilityMode,
    /// The cheapest plan (before the stability stage) and the published one.
    pub cheapest: StabilityFigures,
    pub published: StabilityFigures,
    /// Their costs (hires included).
    pub cheapest_cost: Cents,
    pub published_cost: Cents,
    /// The fewest accueil-weeks with more directors than a day needs that the directors stage
    /// proved possible (with the same shortage, hires and homes); `None` when not proven.
    pub least_changing: Option<u32>,
    /// Why each accueil-week of the published plan has more directors than a day needs.
    pub second_directors: SecondDirectors,
}

/// Why accueil-weeks have more directors than a day needs: the rule that kept the week's main
/// director from one of its days, or none (the plan's choice).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecondDirectors {
    /// Per rule, the accueil-weeks it forced.
    pub forced: std::collections::BTreeMap<ForcedBy, u32>,
    /// Accueil-weeks no rule forced.
    pub chosen: u32,
}

/// What keeps a week's main director from directing all its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ForcedBy {
    /// Not available some day (`Disponibilites`).
    Availability,
    /// A day longer than their daily limit (L3121-18: 10 h; L3162-1: 8 h under 18).
    DayHours,
    /// The week's days together beyond their weekly hours (L3121-20: 48 h; L3162-1: 35 h).
    WeekHours,
    /// Seven days in a row (weekly rest, L432-6, L3132-2).
    WeeklyRest,
    /// Their CEE days or `Max jours` run out.
    DaysBudget,
}

impl StabilityOutcome {
    /// What stability costs: the published plan's cost minus the cheapest one's.
    pub fn cost_of_stability(&self) -> Cents {
        Cents(self.published_cost.0 - self.cheapest_cost.0)
    }
}

/// Everything a plan run produces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanResult {
    /// The schedule of the existing staff, sorted by person, date, créneau start, ACM.
    pub assignments: Vec<Affectation>,
    /// One entry per forecast row with children, in the order of `Problem::needs`.
    pub slots: Vec<SlotOutcome>,
    /// One entry per ACM × open day, sorted by ACM then date.
    pub director_days: Vec<DirectorDay>,
    /// One entry per séjour or mini-camp × open day, sorted by ACM then date.
    pub psc1_days: Vec<Psc1Day>,
    /// One entry per animateur of the input, in input order.
    pub people: Vec<PersonSummary>,
    /// Total cost of the existing staff's days.
    pub staff_cost: Cents,
    /// Posts to fill (empty with `--no-recruit` or when nothing is short).
    pub hires: Vec<Hire>,
    /// The schedule of the hires (recruitment stage), `animateur` = `Hire::id`.
    pub hire_assignments: Vec<Affectation>,
    /// Shortage left after the recruitment stage (animateurs, qualified, directors), when the
    /// market caps of `Recrutement` cannot close everything: the published plan's, counted
    /// from its schedule ([`PlanResult::missing_totals`]).
    pub residual_missing: (u32, u32, u32),
    /// Whether the recruitment stage ran.
    pub recruitment_ran: bool,
    /// Shortage of the existing team alone, before any hire (animateurs, qualified,
    /// directors): what the recruitment closes, counted from `team_alone` as the published
    /// plan's shortage is from its schedule.
    pub team_missing: (u32, u32, u32),
    /// Séjour and mini-camp days the team alone leaves without a PSC1 holder.
    pub team_missing_psc1: u32,
    /// How stable the published plan is, against the cheapest plan.
    pub stability: StabilityOutcome,
    /// Re-planning (`--previous`): every person-day that changed, with its reason.
    pub changes: Option<Vec<Change>>,
    pub stats: SolveStats,
    /// The existing team's own plan, before hires and stability: the published plan is never
    /// shorter-staffed than it (nor than it with the same posts added).
    pub team_alone: Vec<Affectation>,
    /// The weighted shortage the stages that produced the published plan claim, summed over
    /// components and periods.
    pub claimed_shortage: f64,
    /// How the published plan was checked before it was written (`verify`); `None` before.
    pub verification: Option<Verification>,
    /// Why the shortage left after the hires is not closed.
    pub unclosed: Unclosed,
    /// What in the input keeps available people from the work the plan leaves short.
    pub blockers: Vec<super::explain::Blocker>,
}

/// Why the shortage left after the hires is not closed, from the limits of the market: the
/// profiles hired up to their cap, and what no profile can supply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unclosed {
    /// Profiles hired up to their `Nombre maximum` in at least one period: what to recruit
    /// (`BAFA + PSC1`), its sector, its cap.
    pub capped: Vec<(String, Option<String>, u32)>,
    /// What no hiring profile can supply where the plan stays short, per sector (`None`: an
    /// accueil without a sector).
    pub no_profile: Vec<(UnclosedNeed, Option<String>)>,
}

/// What the plan stays short of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UnclosedNeed {
    Animateur,
    Qualified,
    Director,
    /// A director with a professional diploma (R227-14 III).
    ProfessionalDirector,
    /// A PSC1 holder in a séjour's team.
    Psc1,
}

/// How a plan was re-audited before it was written: its findings, held against what it
/// declares, what its stages claim and what the team alone does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verification {
    /// The published plan's weighted shortage, as the audit finds it.
    pub weighted_shortage: i64,
    /// The team alone's, as the audit finds it.
    pub team_alone_shortage: i64,
    /// What the plan the stages produced broke, when it was not published (the plan published
    /// instead is `fallback`).
    pub broken: Vec<Broken>,
    pub fallback: Option<Fallback>,
}

/// An invariant a plan broke.
#[derive(Debug, Clone, PartialEq)]
pub enum Broken {
    /// The audit finds infractions that are not shortages (how many, and the first, in words).
    Infractions { count: usize, first: String },
    /// The audit's shortage is not the one the plan declares (`Manques`).
    Declared { audited: i64, declared: i64 },
    /// The stages claim another shortage than the plan has.
    Claimed { audited: i64, claimed: i64 },
    /// Shorter-staffed than the team alone.
    WorseThanTeam { audited: i64, team: i64 },
    /// Shorter-staffed than the team alone with the same posts added.
    WorseThanTeamWithPosts { audited: i64, team_with_posts: i64 },
}

impl Broken {
    /// What broke, in French, for the summary and the error that stops a run.
    pub fn words(&self) -> String {
        match self {
            Broken::Infractions { count: 1, first } => {
                format!("1 infraction hors des manques déclarés : {first}")
            }
            Broken::Infractions { count, first } => {
                format!("{count} infractions hors des manques déclarés, dont : {first}")
            }
            Broken::Declared { audited, declared } => format!(
                "manque pondéré de {audited} au contrôle, {declared} déclaré dans la feuille Manques"
            ),
            Broken::Claimed { audited, claimed } => {
                format!("manque pondéré de {audited} au contrôle, {claimed} annoncé par le calcul")
            }
            Broken::WorseThanTeam { audited, team } => {
                format!("manque pondéré de {audited}, plus que l'équipe seule ({team})")
            }
            Broken::WorseThanTeamWithPosts {
                audited,
                team_with_posts,
            } => format!(
                "manque pondéré de {audited}, plus que l'équipe seule avec les mêmes postes ({team_with_posts})"
            ),
        }
    }
}

/// The plan published instead of the stages' one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The team's own plan with the stages' posts added.
    TeamWithPosts,
    /// The team's own plan, without posts.
    TeamAlone,
}

impl PlanResult {
    /// Total animateurs missing, qualified missing, directors missing (existing staff).
    pub fn missing_totals(&self) -> (u32, u32, u32) {
        let any = self.slots.iter().map(|s| s.missing_animateurs).sum();
        let qualified = self.slots.iter().map(|s| s.missing_qualified).sum();
        let directors = self.director_days.iter().map(|d| d.missing).sum();
        (any, qualified, directors)
    }

    /// Séjour and mini-camp days without a PSC1 holder in the team (existing staff).
    pub fn missing_psc1_days(&self) -> u32 {
        let days = self.psc1_days.iter().filter(|d| d.missing()).count();
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    /// Total cost of the hires (fixed + daily).
    pub fn hire_cost(&self) -> Cents {
        self.hires.iter().map(Hire::total_cost).sum()
    }
}
