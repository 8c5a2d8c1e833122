//! Per-person remarks for the `Animateurs` sheet: what a director must check by hand (CEE pay
//! below the legal minimum, staff under 18, CEE cap reached).

use chrono::NaiveDate;

use crate::domain::{Animateur, Contrat};
use crate::problem::Problem;
use crate::rules::labour::{cee_minimum_pay, cee_pay_below_minimum};

use super::figures::{Figures, daily_cost};

/// The date the remarks are judged on: the person's first day worked, else the period start.
fn reference_date(figures: &Figures, person: &Animateur) -> Option<NaiveDate> {
    figures
        .by_person
        .get(person.id.as_str())
        .and_then(|list| list.first().map(|a| a.date))
        .or(figures.period.map(|(first, _)| first))
}

/// Whether a CEE person's daily cost is below the legal minimum pay (CASF D432-2).
pub fn pay_below_minimum(problem: &Problem, figures: &Figures, person: &Animateur) -> bool {
    person.contrat == Contrat::Cee
        && reference_date(figures, person).is_some_and(|date| {
            cee_pay_below_minimum(
                daily_cost(problem, &person.id),
                date,
                problem.parameters.smic.on(date),
            )
        })
}

/// The remarks of one person, joined by ` ; ` (empty when nothing to say).
pub fn person_remarks(problem: &Problem, figures: &Figures, person: &Animateur) -> String {
    let mut remarks = Vec::new();
    let date = reference_date(figures, person);
    if let Some(date) = date
        && pay_below_minimum(problem, figures, person)
    {
        remarks.push(format!(
            "coût journalier {} inférieur au minimum du CEE ({}, CASF D432-2)",
            daily_cost(problem, &person.id),
            cee_minimum_pay(date, problem.parameters.smic.on(date))
        ));
    }
    if date.is_some_and(|d| person.is_minor_on(d)) {
        remarks.push(
            "moins de 18 ans : 8 h par jour, 2 jours de repos consécutifs, pas de jour férié"
                .to_string(),
        );
    }
    let left = figures
        .people
        .get(person.id.as_str())
        .and_then(|s| s.cee_days_left);
    if left == Some(0) {
        remarks.push("plafond de 80 jours de CEE atteint (CASF L432-4)".to_string());
    }
    remarks.join(" ; ")
}
