//! Typed ids: an accueil, a forecast slot and a person are referred to by the position of their
//! record in the [`Problem`](super::Problem), behind a type that cannot be mixed up with another.

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            /// The id of the record at `index`.
            pub fn new(index: usize) -> Self {
                $name(u32::try_from(index).expect("fewer than 2^32 records"))
            }

            /// The position of the record in its list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// An accueil: its position in [`Problem::accueils`](super::Problem::accueils).
    AccueilId
);
id_type!(
    /// A forecast slot (ACM × date × créneau): its position in
    /// [`Problem::needs`](super::Problem::needs).
    ForecastId
);
id_type!(
    /// A person of the team: its position in [`Problem::animateurs`](super::Problem::animateurs).
    PersonId
);
