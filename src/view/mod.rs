//! The app's pure logic, compiled on every target so it is tested natively:
//! the timeline's scale, ticks, lanes and brush ([`timeline`]) and its view of a result set ([`timeline_fit`]), the map's
//! camera and label placement ([`map`]), the explorer's state and its
//! transitions ([`state`]), what a search answer shows ([`results`]), and how
//! the reader cuts a text into blocks ([`reader`]), numbers for SVG ([`svg`]), the trends chart ([`trends`]),
//! the corpus in a line ([`summary`]), CSV to take away ([`export`]) and which rows of a long table to
//! draw ([`rows`]).
//!
//! Nothing here knows of the DOM, `web_sys` or yew: the components in
//! `app` (wasm32 only) draw what these functions compute.

pub mod export;
pub mod filters;
pub mod hints;
pub mod map;
pub mod reader;
pub mod results;
pub mod rows;
pub mod state;
pub mod summary;
pub mod svg;
pub mod timeline;
pub mod timeline_fit;
pub mod trends;
