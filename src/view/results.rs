//! What a search answer shows beyond its list: the sections the map and
//! the timeline count, the page's title, and what names a document's
//! origin when its metadata does not.

use crate::route::Route;

/// The sections the map and the timeline count for an answer whose hits
/// are in `hit_sections`: one flag per section of the corpus. `None` when
/// the query asks for nothing (`asks` false): then every section counts.
pub fn counted_sections(
    asks: bool,
    section_count: usize,
    hit_sections: impl IntoIterator<Item = u32>,
) -> Option<Vec<bool>> {
    asks.then(|| {
        let mut on = vec![false; section_count];
        for s in hit_sections {
            on[s as usize] = true;
        }
        on
    })
}

/// The browser tab's title for a route.
pub fn page_title(route: &Route) -> String {
    match route {
        Route::Search { q } if q.is_empty() => "corpus-atlas".to_owned(),
        Route::Search { q } => format!("{q} — corpus-atlas"),
        Route::Concordance { q, .. } => format!("{q} in context — corpus-atlas"),
        Route::Trends { q, .. } => format!("{q} over time — corpus-atlas"),
        Route::Documents { .. } => "Documents — corpus-atlas".to_owned(),
        Route::Doc { id, .. } => format!("{id} — corpus-atlas"),
    }
}

/// What a result names as its source: the document's `source`, or else its
/// file's name without folder or extension (`speeches/1803-Jefferson.txt`
/// reads as "1803-Jefferson"), so every card says where it comes from
/// without a raw path in a monospace line of its own.
pub fn source_or_file(source: &'static str, id: &'static str) -> &'static str {
    if !source.is_empty() {
        return source;
    }
    let name = id.rsplit('/').next().unwrap_or(id);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 4 => stem,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sections_hit_are_counted_and_everything_without_a_query() {
        let on = counted_sections(true, 5, [3, 1, 3]).unwrap();
        assert_eq!(on, [false, true, false, true, false]);
        assert_eq!(counted_sections(false, 5, [3]), None);
        assert_eq!(
            counted_sections(true, 3, []),
            Some(vec![false; 3]),
            "no hits: nothing counted"
        );
    }

    #[test]
    fn a_card_without_a_source_names_its_file_without_folder_or_extension() {
        assert_eq!(source_or_file("The Straits Times", "a.txt"), "The Straits Times");
        assert_eq!(source_or_file("", "speeches/1803-Jefferson-1.txt"), "1803-Jefferson-1");
        assert_eq!(source_or_file("", "notes.v2.md"), "notes.v2");
        assert_eq!(source_or_file("", ".hidden"), ".hidden");
        assert_eq!(source_or_file("", "README"), "README");
    }

    #[test]
    fn the_title_names_the_query_or_the_document() {
        assert_eq!(
            page_title(&Route::Search { q: String::new() }),
            "corpus-atlas"
        );
        assert!(page_title(&Route::Search {
            q: "Macau port".into()
        })
        .starts_with("Macau port"));
        let doc = Route::Doc {
            id: "a.txt".into(),
            q: "port".into(),
            section: None,
            at: None,
        };
        assert!(page_title(&doc).starts_with("a.txt"));
    }
}
