//! What the writer is handed: documents with their sections and page
//! furniture, and the places and organisations to recognise.

use std::ops::Range;

/// Metadata and text of one document, as handed to the writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocInput {
    /// Stable id: the corpus file name.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Outlet or publisher; empty when unknown.
    pub source: String,
    /// Who wrote it; empty when unknown.
    pub author: String,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    pub date: String,
    /// ISO 639-1 language code; empty when unknown.
    pub lang: String,
    /// Original address; empty when unknown.
    pub url: String,
    /// The full text shown in the reader.
    pub text: String,
    /// The indexed parts of `text`. Text outside every section is shown in
    /// the reader but never indexed.
    pub sections: Vec<SectionInput>,
    /// Byte ranges of `text` set aside as page furniture: shown in the
    /// reader, never indexed, even inside a section. Sorted, disjoint.
    pub aside: Vec<Range<usize>>,
}

/// One searchable part of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionInput {
    /// The section's own heading, if the document has several.
    pub title: Option<String>,
    /// Byte range of the section in the document text.
    pub range: Range<usize>,
    /// The section's language (ISO 639-1), which decides its stemmer.
    pub lang: String,
}

/// A place or organisation and the names it goes by in any language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityInput {
    /// The name shown to readers ("Shenzhen").
    pub name: String,
    /// What it is: one of [`crate::engine::index::format::PLACE_KINDS`], or organisation, topic …
    pub kind: String,
    /// Curated names to recognise, in any language and script, trusted as written.
    pub aliases: Vec<String>,
    /// Names from the gazetteer, held to stricter rules (see [`super::places`]).
    pub gazetteer_aliases: Vec<String>,
    /// ISO 3166 country code, for regional context; empty when unknown.
    pub country: String,
    /// Inhabitants, to choose between places of the same name; 0 when unknown.
    pub population: u64,
    /// Latitude and longitude in degrees, for places on the map.
    pub at: Option<(f32, f32)>,
    /// Listed in the curated entities file: preferred over a gazetteer-only
    /// place of the same name when the context does not decide.
    pub curated: bool,
    /// GeoNames id, for places from the gazetteer; 0 otherwise.
    pub geonames: u32,
}
