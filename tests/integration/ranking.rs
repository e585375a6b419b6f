//! Queries over the embedded default corpus: what a reader would check.

use corpus_atlas::engine::search::{search, snippet, SearchOptions};
use corpus_atlas::engine::Index;

fn index() -> &'static Index<'static> {
    corpus_atlas::index().expect("the embedded index opens")
}

fn ids(query: &str) -> Vec<&'static str> {
    let index = index();
    search(index, query, SearchOptions::default())
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id)
        .collect()
}

#[test]
fn the_default_corpus_is_embedded() {
    let index = index();
    assert_eq!(index.doc_count(), 5);
    let langs: Vec<&str> = index.docs().map(|d| d.lang).collect();
    assert_eq!(langs, ["fr", "ko", "en", "en", "en"]);
    let d = index.doc_by_id("004_6ec4b9d94bc9957d.txt").unwrap();
    assert_eq!(
        (d.source, d.date),
        ("Shenzhen Daily", "2023-03-14"),
        "derived from the by-line"
    );
    assert_eq!(d.title, "SZ-HK financial cooperation needs enhancement");
}

#[test]
fn all_terms_are_required() {
    let index = index();
    let r = search(index, "Hong Kong", SearchOptions::default());
    assert!(r.hits.len() >= 3);
    for hit in &r.hits {
        // Hong Kong under any of its names: the French and English texts, and 홍콩.
        let text = index.section(hit.section).text.to_lowercase();
        assert!(
            text.contains("hong kong") || text.contains("홍콩"),
            "{}",
            index.doc(hit.doc).id
        );
    }
    assert!(
        ids("Hong Kong").contains(&"000_4445b2b93edc790d.txt"),
        "French text found"
    );
    assert!(ids("Hong Kong Tokyo")
        .iter()
        .all(|id| *id == "003_dc6f4838724390c1.txt"));
}

#[test]
fn phrases_need_adjacent_words() {
    let phrase = ids("\"offshore renminbi\"");
    assert!(
        phrase.contains(&"004_6ec4b9d94bc9957d.txt")
            && phrase.contains(&"003_dc6f4838724390c1.txt"),
        "{phrase:?}"
    );
    // Both words occur in 002, but never side by side.
    assert!(ids("renminbi offshore").contains(&"004_6ec4b9d94bc9957d.txt"));
    assert!(ids("\"renminbi offshore\"").is_empty());
}

#[test]
fn exclusion_and_or() {
    let index = index();
    let shenzhen = search(index, "Shenzhen", SearchOptions::default()).hits;
    let not_guangdong = search(index, "Shenzhen -Guangdong", SearchOptions::default()).hits;
    assert!(!not_guangdong.is_empty() && not_guangdong.len() < shenzhen.len());
    for hit in &not_guangdong {
        let text = index.section(hit.section).text;
        assert!(
            !text.contains("Guangdong") && !text.contains("광둥"),
            "a section naming Guangdong was not excluded"
        );
    }
    let either = ids("Zhijiang OR Tokyo");
    assert!(
        either.contains(&"000_4445b2b93edc790d.txt")
            && either.contains(&"003_dc6f4838724390c1.txt")
    );
}

#[test]
fn accents_and_case_do_not_matter() {
    assert_eq!(ids("etats-unis"), ids("États-Unis"));
    assert_eq!(ids("PEKIN "), ids("Pékin "));
    // A finished word (trailing space) is not a prefix: Pékin, not Peking University (003).
    assert!(!ids("PEKIN ").contains(&"003_dc6f4838724390c1.txt"));
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    let index = index();
    let typing: Vec<&str> = search(index, "Zhiji", SearchOptions { typing: true })
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id)
        .collect();
    assert_eq!(typing, ["000_4445b2b93edc790d.txt"]);
    assert!(ids("Zhiji").is_empty(), "a submitted word is whole");
    assert!(search(index, "Zhiji", SearchOptions { typing: false })
        .hits
        .is_empty());
    assert!(
        search(index, "Zhiji ", SearchOptions { typing: true })
            .hits
            .is_empty(),
        "a trailing space ends the word"
    );
}

#[test]
fn hangul_and_numbers_are_searchable() {
    assert_eq!(ids("핀테크").first(), Some(&"001_9e2afc69ac3b4727.txt"));
    assert_eq!(ids("145%"), ["000_4445b2b93edc790d.txt"]);
    assert_eq!(ids("3.2%"), ["001_9e2afc69ac3b4727.txt"]);
    assert!(ids("5G").contains(&"003_dc6f4838724390c1.txt"));
}

#[test]
fn more_occurrences_rank_higher() {
    // 004 is about Shenzhen from start to end; it outranks texts that name it once.
    let ranked = ids("Shenzhen");
    assert_eq!(
        ranked.first(),
        Some(&"004_6ec4b9d94bc9957d.txt"),
        "{ranked:?}"
    );
}

#[test]
fn snippets_are_text_with_ranges_on_the_match() {
    let index = index();
    for q in ["Hong Kong", "핀테크", "Pékin", "\"supply chain\""] {
        let r = search(index, q, SearchOptions::default());
        assert!(!r.hits.is_empty(), "{q}");
        for hit in &r.hits {
            let s = snippet(index, hit, 220);
            assert!(
                !s.highlights.is_empty(),
                "{q}: no highlight in {:?}",
                s.text
            );
            assert!(s.text.chars().count() <= 230, "{q}: snippet too long");
            assert!(!s.text.contains('\n'));
            for h in &s.highlights {
                let marked = &s.text[h.clone()];
                assert!(!marked.trim().is_empty(), "{q}: empty highlight");
            }
        }
    }
}

#[test]
fn strange_queries_get_an_answer_or_a_hint() {
    let index = index();
    let long = "hong ".repeat(2000);
    for q in [
        "",
        "   ",
        "\"",
        "-",
        "OR",
        "- OR \"",
        "😀🇰🇷",
        "\u{202e}kong\u{200b}",
        long.as_str(),
        "a\u{0}b",
        "((()))",
        "홍콩 OR",
    ] {
        let r = search(index, q, SearchOptions::default());
        assert!(
            !r.hits.is_empty() || !r.hints.is_empty() || q.trim().is_empty(),
            "{q:?} got neither results nor a hint"
        );
    }
}

#[test]
fn words_that_stand_together_rank_first_without_quotes() {
    use corpus_atlas::engine::search::closeness;
    assert_eq!(closeness(&[&[4], &[5]]), 1.0, "side by side, in order");
    assert!(closeness(&[&[5], &[4]]) < 1.0, "reversed is close, not a phrase");
    assert!((closeness(&[&[0, 40], &[45]]) - 0.2).abs() < 1e-6, "five apart");
    assert_eq!(closeness(&[&[3], &[]]), 0.0);
    // Two texts name both words often, pages apart; one says the phrase once.
    let filler = "The committee met again and heard reports on many matters of the day. ".repeat(12);
    let apart = format!(
        "Louisiana was discussed at length. {filler} A purchase of supplies was approved. Louisiana again. {filler} Another purchase."
    );
    let phrase = format!("{filler} The Louisiana Purchase doubled the country. {filler}");
    let bytes = crate::build(vec![
        crate::doc("a-apart.txt", "en", &apart),
        crate::doc("b-apart.txt", "en", &apart.replace("committee", "council")),
        crate::doc("c-phrase.txt", "en", &phrase),
    ]);
    let index = Index::open(&bytes).unwrap();
    let ranked: Vec<&str> = search(&index, "Louisiana Purchase", SearchOptions::default())
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id)
        .collect();
    assert_eq!(ranked.first(), Some(&"c-phrase.txt"), "{ranked:?}");
}

#[test]
fn typos_swaps_and_jamo_slips_are_corrected_with_the_choice_stated() {
    let bytes = crate::build(vec![
        crate::doc("a.txt", "en", "Troops left Iraq. Iraq and Britain signed. Iraq again, and Vietnam."),
        crate::doc("b.txt", "en", "Talks with Iran went on. Iraq was named too."),
        crate::doc("c.txt", "ko", "대통령이 육아휴직 제도를 발표했다. 대통령은 말했다."),
    ]);
    let index = Index::open(&bytes).unwrap();
    let first = |q: &str| {
        let r = search(&index, q, SearchOptions::default());
        (r.corrections.first().map(|c| c.1.clone()), r.hints.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "), r.hits.len())
    };
    let (chosen, hints, hits) = first("Irak");
    assert_eq!(chosen.as_deref(), Some("iraq"), "the more common of two one-edit spellings");
    assert!(hints.contains("“iran”"), "and the other is named: {hints}");
    assert!(hits > 0);
    assert_eq!(first("Britian").0.as_deref(), Some("britain"), "a swap of neighbouring letters");
    assert_eq!(first("Vietman").0.as_deref(), Some("vietnam"), "two edits for a long word");
    assert_eq!(first("대통녕").0.as_deref().map(|t| t.starts_with("대통령")), Some(true), "one jamo off");
    assert_eq!(first("육아휴진").0.as_deref(), Some("육아휴직"), "one jamo off");
    // A word that exists is never corrected.
    assert_eq!(first("Iran").0, None);
}

/// A name typed with a capital is corrected only to a word the corpus
/// writes as a name: "Beijing" in texts without it is not "being", and
/// "Hong Kong" is not "long long" (both were, found by the audit of
/// 2026-12-04); "Irak" still finds Iraq.
#[test]
fn a_name_not_in_the_corpus_is_not_searched_as_an_ordinary_word() {
    let bytes = crate::build(vec![
        crate::doc("a.txt", "en", "The quay was being built for long. Being there, ships were being loaded all day long."),
        crate::doc("b.txt", "en", "Troops left Iraq. Iraq and Britain signed."),
    ]);
    let index = Index::open(&bytes).unwrap();
    for name in ["Beijing", "Hong Kong"] {
        let r = search(&index, name, SearchOptions::default());
        assert!(r.corrections.is_empty(), "{name} searched as {:?}", r.corrections);
        assert!(r.hits.is_empty(), "{name}");
        let hints: Vec<String> = r.hints.iter().map(ToString::to_string).collect();
        assert!(hints.iter().any(|h| h.starts_with("No text names")), "{name}: {hints:?}");
    }
    let r = search(&index, "Irak", SearchOptions::default());
    assert_eq!(r.corrections.first().map(|c| c.1.as_str()), Some("iraq"));
}

#[test]
fn an_opening_leaves_the_page_furniture_out() {
    let index = index();
    for doc in index.docs() {
        let text = corpus_atlas::engine::search::readable_text(index, doc.first_section);
        for furniture in index.aside(&doc).into_iter().map(|r| &doc.text[r]) {
            let section = index.section(doc.first_section);
            let inside = section.text.contains(furniture);
            if inside && furniture.len() > 12 {
                assert!(!text.contains(furniture), "{}: {furniture:?} in the opening", doc.id);
            }
        }
    }
}

#[test]
fn a_capitalised_name_is_not_stemmed() {
    let bytes = crate::build(vec![
        crate::doc("a-plan.txt", "en", "The Marshall Plan rebuilt Europe after the war."),
        crate::doc("b-marshals.txt", "en", "Two marshals and Marshal Stalin discussed plans for the planet."),
    ]);
    let index = Index::open(&bytes).unwrap();
    let ids = |q: &str| -> Vec<&str> {
        search(&index, q, SearchOptions::default()).hits.iter().map(|h| index.doc(h.doc).id).collect()
    };
    assert_eq!(ids("Marshall Plan"), ["a-plan.txt"], "a name, as typed");
    // Typed in lower case, the words are words: stems meet.
    assert!(ids("marshal plans").contains(&"b-marshals.txt"));
}

/// Beijing under three names: a long French text that says "Pékin" once
/// in passing, a short Korean one headed 베이징 (Beijing is its main topic),
/// an English one headed Beijing, and an English one that names Beijing in
/// passing. The entities are what a gazetteer would give.
fn beijing_corpus() -> Vec<u8> {
    use corpus_atlas::engine::build::{EntityInput, IndexWriter};
    let mut w = IndexWriter::new();
    let place = |name: &str, kind: &str, aliases: &[&str], at: (f32, f32)| EntityInput {
        name: name.into(),
        kind: kind.into(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        country: "CN".into(),
        curated: true,
        at: Some(at),
        ..EntityInput::default()
    };
    w.set_entities(vec![
        place("Beijing", "city", &["Beijing", "Pékin", "베이징"], (39.9, 116.4)),
        place("China", "country", &["China", "Chine", "중국"], (35.0, 103.0)),
    ]);
    let filler = "Les entreprises de la région investissent dans les ports, les routes et les écoles. ".repeat(40);
    let fr = format!("Le commerce de la région\n\n{filler} Une délégation est partie pour Pékin en avril. {filler}");
    let docs = [
        crate::doc("fr.txt", "fr", &fr),
        crate::doc("ko.txt", "ko", "베이징의 새 계획\n\n중국 베이징 정부가 새 계획을 발표했다. 시민들이 환영했다."),
        crate::doc("en.txt", "en", "Beijing opens a new airport\n\nThe airport serves the capital of China and its region."),
        crate::doc("en2.txt", "en", "Port news of the week\n\nShips sailed from the port to many cities of China, Beijing among them, and the harbour grew."),
    ];
    for mut d in docs {
        d.title = d.text.lines().next().unwrap_or("").to_owned();
        w.add(d).expect("add");
    }
    w.finish().expect("finish")
}

fn ranked_ids(index: &Index<'_>, q: &str) -> Vec<String> {
    search(index, q, SearchOptions::default())
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id.to_owned())
        .collect()
}

#[test]
fn the_name_as_typed_ranks_above_its_other_names() {
    let bytes = beijing_corpus();
    let index = Index::open(&bytes).unwrap();
    let ids = ranked_ids(&index, "Pékin");
    assert_eq!(ids.len(), 4, "every name of the city finds it: {ids:?}");
    let at = |id: &str| ids.iter().position(|d| d == id).unwrap();
    // The sections about Beijing first (their titles name it), then the
    // passing mentions: the one that says Pékin before those that do not.
    assert!(at("en.txt") < at("fr.txt") && at("ko.txt") < at("fr.txt"), "{ids:?}");
    assert!(at("fr.txt") < at("en2.txt"), "the text that says Pékin before another name: {ids:?}");
}

#[test]
fn a_section_about_a_place_ranks_above_one_that_names_it_in_passing() {
    let bytes = beijing_corpus();
    let index = Index::open(&bytes).unwrap();
    let ids = ranked_ids(&index, "Beijing");
    let at = |id: &str| ids.iter().position(|d| d == id).unwrap();
    assert_eq!(at("en.txt"), 0, "named in its title, as typed: {ids:?}");
    assert!(at("ko.txt") < at("en2.txt"), "the Korean text about 베이징 before a passing mention: {ids:?}");
    assert!(at("en2.txt") < at("fr.txt"), "then the passing mention as typed before Pékin: {ids:?}");
}

/// A gazetteer place's other spellings find it, historical ones included:
/// "Peking" finds the texts that say Beijing, Pékin and 베이징, while
/// "Peking University" stays an institution's name, not a mention of the city.
#[test]
fn historical_spellings_of_a_gazetteer_place_find_it() {
    let docs = ids("Peking");
    for d in ["000_4445b2b93edc790d.txt", "001_9e2afc69ac3b4727.txt", "002_e1c73c265930c90c.txt"] {
        assert!(docs.contains(&d), "{d} names Beijing: {docs:?}");
    }
    let index = index();
    let beijing = index.entity_by_alias("beijing").expect("Beijing is named in the corpus");
    let in_003 = index
        .entity_postings(&beijing)
        .iter()
        .any(|p| index.doc(index.section_doc(p.section)).id.starts_with("003"));
    assert!(!in_003, "Peking University is not a mention of the city");
}
