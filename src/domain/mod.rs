//! Plain data types shared by every stage: what the input workbooks say, in the words of the law.
//!
//! Nothing here reads a file or applies a rule; `input` fills these types, `rules` reasons on them,
//! `optimize` schedules them and `report` writes them out.

mod accueil;
mod animateur;
mod calendar;
mod certificate;
mod creneau;
mod disponibilite;
mod hiring;
mod inputs;
mod money;
mod prevision;
mod remark;
mod schedule;
mod source;
mod text;

pub use accueil::{Accueil, AcmType};
pub use animateur::{Animateur, AnimationCategory, Contrat, DirectorLevel, Qualification};
pub use calendar::{CalendarOverride, DayKind};
pub use certificate::Certificate;
pub use creneau::{Creneau, Minutes};
pub use disponibilite::{Availability, AvailabilityFlags};
pub use hiring::HiringProfile;
pub use inputs::Inputs;
pub use money::Cents;
pub use prevision::Prevision;
pub use remark::{InputRemark, RemarkKind};
pub use schedule::{Affectation, PreviousPlan, Role};
pub use source::SourceRef;
pub use text::{
    ECHO_LIMIT, closest, did_you_mean, echoed, edit_distance, fold_accents, normalize_key,
    readable, rows_label,
};
