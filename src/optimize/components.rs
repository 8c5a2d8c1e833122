//! Independent components: ACM that share no person (nor hiring profile) are solved apart,
//! exactly.

use std::collections::{BTreeMap, BTreeSet};

use super::hiring::{HiringGroup, candidate_animateur};
use crate::problem::{AccueilId, Problem};
use crate::rules;

/// Independent components: ACM linked by a person (or a hiring profile) who may work at both.
/// Solving them separately is exact: no variable or constraint spans two components.
pub fn components(problem: &Problem, groups: &[HiringGroup]) -> Vec<Vec<AccueilId>> {
    let open: BTreeSet<usize> = open_accueils(problem);
    let mut parent: Vec<usize> = (0..problem.accueils.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let link = |members: Vec<usize>, parent: &mut Vec<usize>| {
        for pair in members.windows(2) {
            let (a, b) = (find(parent, pair[0]), find(parent, pair[1]));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    };
    for animateur in &problem.animateurs {
        let reachable: Vec<usize> = open
            .iter()
            .copied()
            .filter(|a| rules::may_work_at(animateur, &problem.accueils[*a]))
            .collect();
        link(reachable, &mut parent);
    }
    for group in groups {
        let candidate = candidate_animateur("", group);
        let reachable: Vec<usize> = open
            .iter()
            .copied()
            .filter(|a| rules::may_work_at(&candidate, &problem.accueils[*a]))
            .collect();
        link(reachable, &mut parent);
    }
    let mut by_root: BTreeMap<usize, Vec<AccueilId>> = BTreeMap::new();
    for accueil in open {
        let root = find(&mut parent, accueil);
        by_root
            .entry(root)
            .or_default()
            .push(AccueilId::new(accueil));
    }
    by_root.into_values().collect()
}

fn open_accueils(problem: &Problem) -> BTreeSet<usize> {
    problem
        .needs
        .iter()
        .filter(|need| need.requirement.required > 0)
        .map(|need| need.accueil.index())
        .collect()
}
