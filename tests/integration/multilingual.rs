//! What a reader means, in any language: Korean particles, stems, names of the
//! same place in other scripts, typos, sections, filters.

use corpus_atlas::engine::search::{explain, search, SearchOptions, SearchResults};
use corpus_atlas::engine::Index;

use crate::{build, doc};

fn index() -> &'static Index<'static> {
    corpus_atlas::index().unwrap()
}

fn run(q: &str) -> SearchResults {
    search(index(), q, SearchOptions { typing: false })
}

#[test]
fn a_bare_korean_noun_ranks_its_particle_forms_like_exact_matches() {
    // 선전과의 (with Shenzhen's) and 선전 (Shenzhen) score the same per occurrence.
    let bytes = build(vec![
        doc("a.txt", "ko", "홍콩은 선전과의 협력을 강화한다"),
        doc("b.txt", "ko", "홍콩은 선전 협력을 강화한다"),
    ]);
    let ix = Index::open(&bytes).unwrap();
    let r = search(&ix, "선전", SearchOptions { typing: false });
    assert_eq!(r.hits.len(), 2);
    assert!(
        (r.hits[0].score - r.hits[1].score).abs() < 1e-6,
        "{:?}",
        r.hits
    );
}

#[test]
fn a_word_in_the_corpus_is_never_corrected() {
    let r = run("Hangzhou");
    assert!(r.corrections.is_empty());
    assert!(
        r.hits
            .iter()
            .all(|h| index().doc(h.doc).id.starts_with("000")),
        "Hangzhou must not match Guangzhou"
    );
    let r = run("Guangzhou");
    assert!(
        r.hits
            .iter()
            .all(|h| !index().doc(h.doc).id.starts_with("000")),
        "Guangzhou must not match Hangzhou"
    );
}

#[test]
fn a_typo_says_what_was_searched_instead_and_ranks_below_exact() {
    let r = run("guangzhuo");
    assert_eq!(
        r.corrections,
        [("guangzhuo".to_owned(), "guangzhou".to_owned())]
    );
    assert!(
        r.hints.iter().any(|h| h.to_string().contains("“guangzhou”")),
        "{:?}",
        r.hints
    );
    let exact = run("guangzhou");
    assert!(
        r.hits[0].score < exact.hits[0].score,
        "corrected matches rank below exact ones"
    );
    assert!(
        run("hkx").corrections.is_empty(),
        "words under four letters are not corrected"
    );
}

#[test]
fn a_spelling_the_gazetteer_knows_is_a_name_not_a_typo() {
    // "Shenzen" is one of Shenzhen's names in GeoNames: no correction, the same sections.
    let r = run("shenzen");
    assert!(r.corrections.is_empty(), "{:?}", r.corrections);
    let ids = |r: &SearchResults| {
        r.hits
            .iter()
            .map(|h| h.section)
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(ids(&r), ids(&run("shenzhen")));
}

#[test]
fn results_say_why_they_matched_in_another_language() {
    let ix = index();
    let r = run("Shenzhen");
    let korean = r
        .hits
        .iter()
        .find(|h| ix.doc(h.doc).id.starts_with("001"))
        .expect("a Korean result");
    assert!(
        explain(ix, korean).contains(&"선전 = Shenzhen".to_owned()),
        "{:?}",
        explain(ix, korean)
    );
    // 004 first names the city as "SZ" (in SZ-HK); the query's own word is never explained.
    let english = r
        .hits
        .iter()
        .find(|h| ix.doc(h.doc).id.starts_with("004"))
        .unwrap();
    assert_eq!(explain(ix, english), ["SZ = Shenzhen"]);
    for hit in &r.hits {
        assert!(!explain(ix, hit).contains(&"Shenzhen = Shenzhen".to_owned()));
    }
    let r = run("Beijing");
    let french = r
        .hits
        .iter()
        .find(|h| ix.doc(h.doc).id.starts_with("000"))
        .unwrap();
    assert_eq!(explain(ix, french), ["Pékin = Beijing"]);
    // From Korean to English: the English text's own name, equal to what was typed.
    let r = run("선전");
    let english = r
        .hits
        .iter()
        .find(|h| ix.doc(h.doc).id.starts_with("002"))
        .expect("002 names Shenzhen");
    assert_eq!(explain(ix, english), ["Shenzhen = 선전"]);
}

#[test]
fn neighbouring_words_that_name_one_place_are_one_clause() {
    // "Hong Kong" is one entity: 홍콩 alone satisfies it.
    let ix = index();
    let r = run("Hong Kong fintech");
    assert!(
        r.hits.iter().any(|h| ix.doc(h.doc).id.starts_with("001")),
        "홍콩 + 핀테크 in the Korean text"
    );
}

#[test]
fn sections_are_found_on_their_own() {
    let ix = index();
    let r = run("maglev");
    assert_eq!(r.hits.len(), 1);
    assert_eq!(
        ix.section(r.hits[0].section).title,
        "Qingyuan to launch first maglev line – but at gentle speed"
    );
    let archive = ix.doc_by_id("003_dc6f4838724390c1.txt").unwrap();
    assert_eq!(
        archive.section_count, 9,
        "the blog archive holds nine posts"
    );
    let korean = ix.doc_by_id("001_9e2afc69ac3b4727.txt").unwrap();
    assert!(
        korean.section_count >= 6,
        "the Korean page: main article and related items"
    );
}

#[test]
fn page_furniture_is_set_aside_not_indexed() {
    let ix = index();
    let scmp = ix.doc_by_id("002_e1c73c265930c90c.txt").unwrap();
    let aside: Vec<&str> = ix.aside(&scmp).into_iter().map(|r| &scmp.text[r]).collect();
    for f in [
        "Advertisement",
        "Get more with myNEWS",
        "Learn more",
        "Photo: May Tse",
    ] {
        assert!(aside.contains(&f), "{f} not set aside: {aside:?}");
    }
    assert!(run("\"Get more with myNEWS\"").hits.is_empty());
    let korean = ix.doc_by_id("001_9e2afc69ac3b4727.txt").unwrap();
    let aside: Vec<&str> = ix
        .aside(&korean)
        .into_iter()
        .map(|r| &korean.text[r])
        .collect();
    assert!(
        aside.iter().any(|a| a.contains("쿠키")) && aside.contains(&"관련 기사"),
        "{aside:?}"
    );
}

#[test]
fn filters_narrow_and_facets_count() {
    let ix = index();
    let all = run("Hong Kong");
    let langs: Vec<&str> = all.facets.lang.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        langs.contains(&"fr") && langs.contains(&"ko") && langs.contains(&"en"),
        "{langs:?}"
    );
    let total: usize = all.facets.lang.iter().map(|(_, n)| n).sum();
    assert_eq!(total, all.hits.len());
    let korean = run("Hong Kong lang:ko");
    assert!(
        !korean.hits.is_empty()
            && korean
                .hits
                .iter()
                .all(|h| ix.section(h.section).lang == "ko")
    );
    let y2019 = run("Shenzhen year:2019");
    assert!(
        !y2019.hits.is_empty()
            && y2019
                .hits
                .iter()
                .all(|h| ix.doc(h.doc).date.starts_with("2019"))
    );
    let one = run("Shenzhen doc:004_6ec4b9d94bc9957d.txt");
    assert!(!one.hits.is_empty() && one.hits.iter().all(|h| ix.doc(h.doc).id.starts_with("004")));
    // city: any name of the place, no other words needed.
    let city = run("city:선전");
    assert!(
        city.hits.len() >= 5
            && city
                .hits
                .iter()
                .any(|h| ix.doc(h.doc).id.starts_with("004"))
    );
    assert!(run("city:atlantis")
        .hints
        .iter()
        .any(|h| h.to_string().contains("atlantis")));
}

#[test]
fn han_bigrams_find_two_character_words() {
    let bytes = build(vec![
        doc("zh.txt", "zh", "深圳市政府发布了新的人工智能计划。"),
        doc("ko.txt", "ko", "쑨동(孫東) 장관"),
    ]);
    let ix = Index::open(&bytes).unwrap();
    assert_eq!(
        search(&ix, "深圳", SearchOptions { typing: false })
            .hits
            .len(),
        1
    );
    assert_eq!(
        search(&ix, "人工智能", SearchOptions { typing: false })
            .hits
            .len(),
        1
    );
    assert_eq!(
        search(&ix, "孫東", SearchOptions { typing: false })
            .hits
            .len(),
        1
    );
    assert!(
        search(&ix, "深市", SearchOptions { typing: false })
            .hits
            .is_empty(),
        "characters must be adjacent"
    );
}

#[test]
fn french_elision_and_stems_meet_plain_words() {
    let r = run("approvisionnement");
    assert!(
        r.hits
            .iter()
            .any(|h| index().doc(h.doc).id.starts_with("000")),
        "d’approvisionnement"
    );
    let r = run("économiques");
    assert!(
        r.hits
            .iter()
            .any(|h| index().doc(h.doc).id.starts_with("000")),
        "économique via the French stem"
    );
}

#[test]
fn snippets_leave_out_set_aside_furniture() {
    let ix = index();
    let mut checked = 0;
    for q in [
        "intelligence artificielle",
        "Shenzhen",
        "Hong Kong",
        "AI",
        "fintech",
    ] {
        for hit in &run(q).hits {
            let s = corpus_atlas::engine::search::snippet(ix, hit, 220);
            let doc = ix.doc(hit.doc);
            // The document with its set-aside spans blanked: what is still there is content.
            let mut content = doc.text.to_owned();
            for r in ix.aside(&doc) {
                content.replace_range(r.clone(), &"\n".repeat(r.len()));
            }
            // Snippets make every run of white space one space; compare likewise.
            let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            let content = flat(&content);
            for r in ix.aside(&doc) {
                let furniture = flat(&doc.text[r]);
                let furniture = furniture.as_str();
                if furniture.chars().count() > 6 && !content.contains(furniture) {
                    assert!(
                        !s.text.contains(furniture),
                        "{q}: snippet shows set-aside {furniture:?}: {}",
                        s.text
                    );
                    checked += 1;
                }
            }
            assert!(!s.highlights.is_empty(), "{q}: {}", s.text);
        }
    }
    assert!(checked > 50);
}
