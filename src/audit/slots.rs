//! One ACM × date × créneau: enough animateurs (R227-15 to R227-17, R227-19 III), enough
//! qualified and not too many unqualified within N (R227-12), nobody in two roles.

use std::collections::BTreeSet;

use crate::domain::{AcmType, Animateur, AnimationCategory, Role};

use super::index::{OpenSlot, ScheduleIndex};
use super::rule::{RuleKind, Unit};
use super::violation::Violation;
use super::wording::plural;

/// Who counts on one slot.
struct SlotCount<'a> {
    animation: Vec<&'a Animateur>,
    /// Directors working the créneau (whether or not they may be counted).
    directors: Vec<&'a Animateur>,
    /// Whether the directors count in N and the quotas here.
    director_counts: bool,
}

impl<'a> SlotCount<'a> {
    fn new(index: &ScheduleIndex<'a>, slot: &OpenSlot) -> Self {
        SlotCount {
            animation: index.people_on_slot(slot.index, Role::Animation),
            directors: index.people_on_slot(slot.index, Role::Direction),
            director_counts: slot.requirement.director_counts,
        }
    }

    /// Everyone counted in N.
    fn counted(&self) -> impl Iterator<Item = &&'a Animateur> {
        let directors: &[&'a Animateur] = if self.director_counts {
            &self.directors
        } else {
            &[]
        };
        self.animation.iter().chain(directors)
    }

    fn staffed(&self) -> u32 {
        count(self.counted())
    }

    fn of_category(&self, category: AnimationCategory) -> u32 {
        count(
            self.counted()
                .filter(|p| p.qualification.category == category),
        )
    }
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

/// Fewer animateurs than N plus the extra dedicated adults (R227-15, R227-16, R227-17 al. 2,
/// R227-19 III: the article of the ratio applied). When N is met only by counting a director the
/// law keeps out of the count, that specific breach is reported instead (R227-17 a).
pub fn staff_ratio(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for slot in index.open_slots() {
        let counted = SlotCount::new(index, &slot);
        let requirement = slot.requirement;
        let needed = requirement.total_animation();
        let staffed = counted.staffed();
        if staffed >= needed {
            continue;
        }
        let animation = count(counted.animation.iter());
        let directors = count(counted.directors.iter());
        let violation =
            if !requirement.director_counts && directors > 0 && animation + directors >= needed {
                Violation::new(
                    RuleKind::DirecteurCompteIndument,
                    format!(
                        "{} pour {needed} requis : le directeur ne peut pas être compté dans \
                     l'effectif ({})",
                        plural(animation, "animateur", "animateurs"),
                        director_not_counted_reason(slot.accueil.kind, slot.accueil.capacite)
                    ),
                )
                .numbers(needed, animation, Unit::Personnes)
                .article(director_article(slot.accueil.kind))
            } else {
                let mut message = format!(
                    "{} pour {needed} requis ({}, taux {} {}",
                    plural(staffed, "animateur", "animateurs"),
                    children(&slot),
                    requirement.applied.ratio,
                    requirement.applied.regime
                );
                if requirement.extra_renforce > 0 {
                    message.push_str(&format!(
                        ", dont {} en accompagnement renforcé",
                        plural(requirement.extra_renforce, "adulte", "adultes")
                    ));
                }
                if requirement.director_counts && directors > 0 {
                    message.push_str(", directeur compté");
                }
                message.push(')');
                Violation::new(RuleKind::EffectifInsuffisant, message)
                    .numbers(needed, staffed, Unit::Personnes)
                    .article(requirement.applied.article)
            };
        violations.push(at_slot(violation, &slot));
    }
    violations
}

/// Fewer qualified (1° + 2°, counted directors included) than half of N (R227-12).
pub fn qualified_quota(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for slot in index.open_slots() {
        let counted = SlotCount::new(index, &slot);
        let minimum = slot.requirement.min_qualified;
        let qualified = counted.of_category(AnimationCategory::Qualified);
        if qualified < minimum {
            let message = format!(
                "{} pour {minimum} requis (au moins la moitié des {} animateurs requis)",
                plural(qualified, "qualifié", "qualifiés"),
                slot.requirement.required
            );
            violations.push(at_slot(
                Violation::new(RuleKind::QualifiesInsuffisants, message).numbers(
                    minimum,
                    qualified,
                    Unit::Personnes,
                ),
                &slot,
            ));
        }
    }
    violations
}

/// More unqualified (4°) than 20 % of N, or 1 when N is 3 or 4 (R227-12); the extra dedicated
/// adults of `Accompagnement renforce` may be of any category, so they raise the cap.
pub fn unqualified_cap(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for slot in index.open_slots() {
        let counted = SlotCount::new(index, &slot);
        let requirement = slot.requirement;
        let cap = requirement.max_unqualified + requirement.extra_renforce;
        let unqualified = counted.of_category(AnimationCategory::Unqualified);
        if unqualified > cap {
            let mut message = format!(
                "{} pour {cap} au plus (20 % des {} animateurs requis, 1 quand ils sont 3 ou 4",
                plural(unqualified, "sans qualification", "sans qualification"),
                requirement.required
            );
            if requirement.extra_renforce > 0 {
                message.push_str(&format!(
                    ", plus {} en accompagnement renforcé",
                    plural(requirement.extra_renforce, "adulte", "adultes")
                ));
            }
            message.push(')');
            violations.push(at_slot(
                Violation::new(RuleKind::TropDeSansQualification, message).numbers(
                    cap,
                    unqualified,
                    Unit::Personnes,
                ),
                &slot,
            ));
        }
    }
    violations
}

/// The same person in animation and in direction on the same créneau: one person is counted
/// once (R227-17).
pub fn double_role(index: &ScheduleIndex) -> Vec<Violation> {
    let mut violations = Vec::new();
    for need in &index.problem.needs {
        let (slot, prevision) = (need.id, &need.forecast);
        let by_role = |role: Role| -> BTreeSet<&str> {
            index
                .rows_on_slot(slot)
                .filter(|row| row.role == role)
                .map(|row| row.person.id.as_str())
                .collect()
        };
        let animation = by_role(Role::Animation);
        for id in by_role(Role::Direction).intersection(&animation) {
            let source_row = index
                .rows_on_slot(slot)
                .filter(|row| row.person.id == *id)
                .filter_map(|row| row.source_row)
                .max();
            violations.push(
                Violation::new(
                    RuleKind::DoubleRole,
                    "inscrit à la fois en animation et en direction sur ce créneau : une même \
                     personne ne compte qu'une fois",
                )
                .accueil(&prevision.accueil)
                .date(prevision.date)
                .creneau(&prevision.creneau)
                .animateur(id)
                .source_row(source_row),
            );
        }
    }
    violations
}

fn at_slot(violation: Violation, slot: &OpenSlot) -> Violation {
    violation
        .accueil(&slot.accueil.code)
        .date(slot.prevision.date)
        .creneau(&slot.prevision.creneau)
}

/// `12 moins de 6 ans et 30 de 6 ans et plus`.
fn children(slot: &OpenSlot) -> String {
    let (under_6, over_6) = (slot.prevision.moins_de_6, slot.prevision.six_et_plus);
    match (under_6, over_6) {
        (0, o) => format!("{o} enfants de 6 ans et plus"),
        (u, 0) => format!("{u} enfants de moins de 6 ans"),
        (u, o) => format!("{u} enfants de moins de 6 ans et {o} de 6 ans et plus"),
    }
}

/// Why the law keeps the director out of the count in this ACM.
fn director_not_counted_reason(kind: AcmType, capacite: u32) -> String {
    match kind {
        AcmType::Sejour => format!(
            "séjour pour {capacite} mineurs : le directeur n'est compté que pour 20 mineurs au \
             plus, tous âgés de 14 ans ou plus"
        ),
        AcmType::AccueilLoisirs | AcmType::Extrascolaire | AcmType::Periscolaire => {
            format!("capacité {capacite} : le directeur n'est compté que jusqu'à 50 mineurs")
        }
        AcmType::MiniCamp | AcmType::AccueilJeunes => format!("capacité {capacite}"),
    }
}

/// R227-17 a) and the threshold of the arrêté of 13 February 2007 that applies to this kind.
fn director_article(kind: AcmType) -> &'static str {
    match kind {
        AcmType::Sejour => "CASF R227-17 ; arrêté du 13 février 2007 art. 1 e",
        _ => "CASF R227-17 ; arrêté du 13 février 2007 art. 1 d",
    }
}
