//! What a corpus or a result set holds at a glance: how often each place is
//! named ([`places`]) and example queries drawn from the corpus ([`examples`]).

pub mod examples;
pub mod places;
