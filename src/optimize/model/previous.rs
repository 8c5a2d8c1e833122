//! Re-planning (`plan --previous`): the locked days of the previous plan, and the number of
//! changed person-days, both exact on classes that share their previous day
//! (`optimize::previous`).

use good_lp::Expression;

use super::constraints::sum;
use super::variables::{Builder, Class, ClassArc, TaskVar, Var};
use crate::optimize::instance::Instance;
use crate::optimize::previous::Prior;

/// Whether `task` at `class_arc` repeats the previous day `prior`.
fn repeats(instance: &Instance, prior: &Prior, class_arc: &ClassArc, task: &TaskVar) -> bool {
    instance.days[class_arc.day].accueil == prior.accueil && task.task.directs() == prior.directs
}

/// The tasks of `class` that repeat its members' previous day.
fn repeating<'a>(
    instance: &'a Instance,
    class: &'a Class,
    prior: &'a Prior,
) -> impl Iterator<Item = &'a TaskVar> + 'a {
    class.arcs.iter().flat_map(move |class_arc| {
        class_arc
            .tasks
            .iter()
            .filter(move |task| repeats(instance, prior, class_arc, task))
    })
}

/// A locked day (`Verrouille`) is done again by every member of its class. Only locks the new
/// instance allows are marked (`previous::priors`).
pub fn locked_days(instance: &Instance, classes: &[Class], builder: &mut Builder) {
    for class in classes {
        let Some(prior) = class.prior.filter(|p| p.locked) else {
            continue;
        };
        let repeated = sum(repeating(instance, class, &prior).map(|t| t.var.variable));
        builder
            .constraints
            .push(repeated.eq(class.people.len() as f64));
    }
}

/// Changed person-days: a member who worked that date and does not repeat it, or who did not
/// and works. As a constant and weighted task variables.
pub fn changes_terms(instance: &Instance, classes: &[Class]) -> (f64, Vec<(Var, f64)>) {
    let mut constant = 0.0;
    let mut terms = Vec::new();
    for class in classes {
        match &class.prior {
            Some(prior) => {
                constant += class.people.len() as f64;
                terms.extend(repeating(instance, class, prior).map(|t| (t.var, -1.0)));
            }
            None => {
                terms.extend(
                    class
                        .arcs
                        .iter()
                        .flat_map(|a| &a.tasks)
                        .map(|t| (t.var, 1.0)),
                );
            }
        }
    }
    (constant, terms)
}

/// [`changes_terms`] as an expression.
pub fn changes(instance: &Instance, classes: &[Class]) -> Expression {
    let (constant, terms) = changes_terms(instance, classes);
    let mut expression = Expression::from(constant);
    for (var, weight) in terms {
        expression += weight * var.variable;
    }
    expression
}
