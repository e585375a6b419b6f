//! What a search answer shows beyond its list: the sections the map and
//! the timeline count, and the page's title.

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
        Route::Doc { id, .. } => format!("{id} — corpus-atlas"),
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
        };
        assert!(page_title(&doc).starts_with("a.txt"));
    }
}
