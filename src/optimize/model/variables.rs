//! The model's columns: variables, tasks, classes of interchangeable people, and the builder
//! that numbers them.

use chrono::NaiveDate;
use std::collections::HashMap;

use good_lp::{Constraint, Expression, IntoAffineExpression, ProblemVariables, Variable, variable};

/// Optimal values of earlier stages, kept as constraints (lexicographic optimisation).
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    pub shortage: Option<f64>,
    /// Days away from home plus weighted director changes (the stability stage's objective).
    pub stability: Option<f64>,
    pub cost: Option<f64>,
    /// Most candidates hired (the stability stage may not hire for stability's sake).
    pub hires: Option<f64>,
    /// Most accueil-weeks directed by more people than a day needs (the directors stage's
    /// optimum, kept by the stages after it).
    pub changing: Option<f64>,
}

/// A variable and its column index in the solver.
#[derive(Debug, Clone, Copy)]
pub struct Var {
    pub variable: Variable,
    pub column: usize,
}

/// What one person does at one open day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// Directs the whole day: every slot of the open day (`Presence de la direction`:
    /// `toute la journee`).
    Direct,
    /// Directs the slots of `directed` and animates those of `animated` (bit k: the k-th slot
    /// of the arc, disjoint masks, `directed` not empty): `Presence de la direction`: `un
    /// creneau`.
    DirectSome { directed: u32, animated: u32 },
    /// Bit k: the k-th slot of the arc (`Arc::slots`).
    Animate(u32),
}

impl Task {
    /// Whether the task makes its person a director of the day.
    pub fn directs(self) -> bool {
        !matches!(self, Task::Animate(_))
    }
}

/// One task of a class at an open day, and how many do it.
#[derive(Debug, Clone, Copy)]
pub struct TaskVar {
    pub task: Task,
    /// Minutes worked: the union of the créneaux of the task (overlapping ones are not
    /// counted twice).
    pub minutes: u32,
    pub var: Var,
}

/// One class at one open day.
#[derive(Debug, Clone)]
pub struct ClassArc {
    pub day: usize,
    /// The members' own arcs (indices into `Instance::arcs`), parallel to `Class::people`:
    /// they all have the same slots and the same `can_direct`.
    pub members: Vec<usize>,
    pub tasks: Vec<TaskVar>,
}

/// People interchangeable on one date.
#[derive(Debug, Clone)]
pub struct Class {
    pub date: NaiveDate,
    /// With homes (the stability stage): the members' home accueil that date.
    pub home: Option<crate::problem::AccueilId>,
    /// Re-planning: what the members did that date in the previous plan.
    pub prior: Option<crate::optimize::previous::Prior>,
    pub people: Vec<usize>,
    pub arcs: Vec<ClassArc>,
    /// Minutes levels: `[None]` when minutes are not counted (one level, every task), else
    /// one per distinct task minutes.
    pub levels: Vec<Option<u32>>,
    /// Per person (parallel to `people`), per level: works that date at that level. Empty for
    /// a class of one, whose day is the sum of its task variables.
    pub works_day: Vec<Vec<Var>>,
}

impl Class {
    pub fn level_of(&self, minutes: u32) -> Option<usize> {
        self.levels
            .iter()
            .position(|l| l.is_none_or(|m| m == minutes))
    }
}

/// A built model, ready for the solver.
pub struct Model {
    pub variables: ProblemVariables,
    pub objective: Expression,
    /// The objective as (column, coefficient) pairs, without its constant: the solution's
    /// objective is recomputed from them, to catch a solver that reports another (see
    /// `solve`).
    pub objective_terms: Vec<(usize, f64)>,
    pub constraints: Vec<Constraint>,
    pub columns: Columns,
    /// How the model came out, for the development log.
    pub census: Census,
}

/// How a model came out: its classes, and the rows of each constraint family.
#[derive(Debug, Clone, Default)]
pub struct Census {
    pub classes: usize,
    /// Classes of one person.
    pub single: usize,
    /// (class, open day) pairs.
    pub class_arcs: usize,
    /// (person, open day) pairs.
    pub person_arcs: usize,
    /// Rows added by each constraint family, in the order written.
    pub rows: Vec<(&'static str, usize)>,
}

/// Where each decision sits among the solver's columns: enough to read a solution back (or
/// write a starting point) without building the model again.
#[derive(Debug, Clone)]
pub struct Columns {
    pub classes: Vec<Class>,
    pub missing_any: Vec<Var>,
    pub missing_qualified: Vec<Var>,
    pub missing_director: Vec<Var>,
    /// Hiring decision per person (only candidates have one).
    pub hired: Vec<Option<Var>>,
    /// The minors' "two consecutive days off" choices: variable, person, the two days.
    pub rest_pairs: Vec<(Var, usize, [NaiveDate; 2])>,
    pub variable_count: usize,
    /// Per open day that needs a PSC1 holder (séjour, mini-camp): the day and its shortage.
    pub missing_psc1: Vec<(usize, Var)>,
    /// The stability stages: the week's directors, chosen by the model.
    pub designation: Option<super::directors::Designation>,
}

/// Creates the variables, numbering them as the solver's columns, and collects the rows.
pub struct Builder {
    pub variables: ProblemVariables,
    pub constraints: Vec<Constraint>,
    pub count: usize,
    pub rest_pairs: Vec<(Var, usize, [NaiveDate; 2])>,
    /// Every variable, in column order.
    pub created: Vec<Variable>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder {
            variables: ProblemVariables::new(),
            constraints: Vec::new(),
            count: 0,
            rest_pairs: Vec::new(),
            created: Vec::new(),
        }
    }

    /// `objective` as (column, coefficient) pairs, without its constant.
    pub fn terms_of(&self, objective: &Expression) -> Vec<(usize, f64)> {
        let columns: HashMap<Variable, usize> = self
            .created
            .iter()
            .enumerate()
            .map(|(column, variable)| (*variable, column))
            .collect();
        objective
            .linear_coefficients()
            .filter_map(|(variable, coefficient)| {
                columns.get(&variable).map(|column| (*column, coefficient))
            })
            .collect()
    }

    pub fn binary(&mut self) -> Var {
        self.add(variable().binary())
    }

    /// A count between 0 and `most`: binary for 1.
    pub fn count_of(&mut self, most: usize) -> Var {
        if most <= 1 {
            self.binary()
        } else {
            self.add(variable().integer().min(0.0).max(most as f64))
        }
    }

    pub fn continuous(&mut self, max: f64) -> Var {
        self.add(variable().min(0.0).max(max))
    }

    fn add(&mut self, definition: good_lp::VariableDefinition) -> Var {
        let column = self.count;
        self.count += 1;
        let variable = self.variables.add(definition);
        self.created.push(variable);
        Var { variable, column }
    }
}
