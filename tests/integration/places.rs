//! Places named in text, in French, Korean and English, against the real
//! gazetteer and curated file: the traps a GBA corpus sets.

use std::sync::OnceLock;

use corpus_atlas::engine::build::places::{find, Mention};
use corpus_atlas::engine::build::{DocInput, EntityInput};
use corpus_atlas::engine::Index;

use crate::doc;

fn entities() -> &'static [EntityInput] {
    static E: OnceLock<Vec<EntityInput>> = OnceLock::new();
    E.get_or_init(|| corpus_atlas::corpus::project_entities().expect("entities load"))
}

/// (surface, entity name, country) of every place mention in `text`.
fn places(lang: &str, text: &str) -> Vec<(String, String, String)> {
    places_in(&[doc("t.txt", lang, text)])
        .into_iter()
        .map(|(_, m)| m)
        .collect()
}

fn places_in(docs: &[DocInput]) -> Vec<(Mention, (String, String, String))> {
    let e = entities();
    find(docs, e)
        .into_iter()
        .filter(|m| {
            corpus_atlas::engine::build::places::PLACE_KINDS.contains(&e[m.entity].kind.as_str())
        })
        .map(|m| {
            let x = &e[m.entity];
            let row = (
                docs[m.doc].text[m.bytes.clone()].to_owned(),
                x.name.clone(),
                x.country.clone(),
            );
            (m, row)
        })
        .collect()
}

/// "surface: kind" of every place mention in `text`.
fn kinds_of(lang: &str, text: &str) -> Vec<String> {
    let e = entities();
    places_in(&[doc("t.txt", lang, text)])
        .into_iter()
        .map(|(m, (surface, _, _))| format!("{surface}: {}", e[m.entity].kind))
        .collect()
}

fn names(found: &[(String, String, String)]) -> Vec<&str> {
    found.iter().map(|(_, n, _)| n.as_str()).collect()
}

#[test]
fn french_machine_translation_errors_and_french_names() {
    let found = places(
        "fr",
        "Le Zhijiang et Z Jiang attirent les talents de Pékin, de Hong Kong et de Canton.",
    );
    assert_eq!(
        names(&found),
        ["Zhejiang", "Zhejiang", "Beijing", "Hong Kong", "Guangzhou"],
        "{found:?}"
    );
    // Zhijiang the city (Hubei) is never chosen: the province took the name.
    assert!(found.iter().all(|(_, n, _)| n != "Zhijiang"));
}

#[test]
fn korean_particles_and_the_city_suffix_are_stripped() {
    let found = places(
        "ko",
        "홍콩이 선전과의 협력을 강화하고 광저우시에서 회의를 열었다. 마카오는 하이난을 주목한다.",
    );
    assert_eq!(
        names(&found),
        ["Hong Kong", "Shenzhen", "Guangzhou", "Macau", "Hainan"],
        "{found:?}"
    );
    assert_eq!(found[2].0, "광저우시에서");
}

#[test]
fn a_big_foreign_city_spelt_in_hangul_needs_no_other_place_beside_it() {
    // No country, no other place: a transliteration no Korean word is.
    for (text, city) in [
        ("대통령은 어제 뉴욕에서는 회의를 열었다.", "New York"),
        ("대표단이 모스크바를 방문했다.", "Moscow"),
        ("회담은 베이징에서 열렸다.", "Beijing"),
        ("울산시장은 예산안을 발표했다.", "Ulsan"),
    ] {
        let found = places("ko", text);
        assert_eq!(names(&found), [city], "{text}: {found:?}");
    }
    // Korean words that are also (Chinese-character) names of cities, a gulf
    // named after a city, and a two-syllable Japanese name still need one.
    for text in [
        "정부의 선전을 비판했다.",
        "청해부대는 아덴만에서 임무를 마쳤다.",
        "그는 도쿄를 동경했다.",
        "그 후에 파리가 많아졌고 우파 정당이 관광 메카를 약속했다.",
    ] {
        assert!(places("ko", text).is_empty(), "{text}: {:?}", places("ko", text));
    }
    // With its country named, it is found.
    assert_eq!(names(&places("ko", "일본 정부는 도쿄에서 발표했다.")), ["Japan", "Tokyo"]);
}

#[test]
fn a_city_after_in_is_the_city_even_before_said() {
    // The wire's "officials in X said": the subject is the officials.
    let found = places("en", "Officials in Washington said the talks would resume. Sources in Austin told reporters more.");
    assert_eq!(names(&found), ["Washington", "Austin"], "{found:?}");
    // Without the preposition, the name that speaks is a person.
    assert!(places("en", "Later that day Austin said the talks would resume.").is_empty());
}

#[test]
fn a_foreign_city_spelt_otherwise_in_hangul_is_found_after_its_country() {
    // The gazetteer writes 쿠리치바 and 포르투알레그리; Korean texts also write
    // 쿠리티바 and 포르토 알레그레. After the country's name, a jamo or two apart.
    let found = places("ko", "회의가 브라질 쿠리티바에서 열렸고, 다음 해 브라질 포르토 알레그레에서 모였다. 대만 신주에서도.");
    assert_eq!(names(&found), ["Brazil", "Curitiba", "Brazil", "Porto Alegre", "Taiwan", "Hsinchu"], "{found:?}");
    // Before its country and a comma too, where syllables end elsewhere
    // (반자 루카, GeoNames' 바냐루카).
    let found = places("ko", "회의는 반자 루카, 보스니아 헤르체고비나에서 열렸다.");
    assert_eq!(names(&found), ["Banja Luka", "Bosnia and Herzegovina"], "{found:?}");
    // A city's Korean name after the given name of someone the corpus names
    // in Latin letters too is that person's surname.
    let found = places("ko", "리더는 이안 잭슨(Ian Jackson)이었다. 미국에서 이안 잭슨을 리더로 뽑았다.");
    assert_eq!(names(&found), ["United States"], "{found:?}");
    // What follows a country's name is as often its government or its team.
    let found = places("ko", "중국 정부는 미국 대통령이 브라질 대표팀과 일본 기업들을 만났다고 밝혔다.");
    assert_eq!(names(&found), ["China", "United States", "Brazil", "Japan"], "{found:?}");
    // A town with no Korean name in the gazetteer, by the consonants of its
    // Latin one, where the sentence holds something there; of two towns of
    // one skeleton, the one whose vowels the spelling has (Oaxtepec, not the
    // larger Ixtepec).
    let found = places("ko", "회의는 핀란드 에스푸에서 열렸고, 이듬해 멕시코 옥스테펙에서 열렸다. 핀란드 에스푸 사람들.");
    assert_eq!(names(&found), ["Finland", "Espoo", "Mexico", "Oaxtepec", "Finland"], "{found:?}");
}

#[test]
fn korean_words_that_are_also_city_names_are_not_places() {
    // 위해 ("for") is a Korean name of Weihai; 한다 ("does") of Handa; 다시 ends in 시.
    let found = places("ko", "중국은 성장을 위해 다시 투자를 한다.");
    assert_eq!(names(&found), ["China"], "{found:?}");
}

#[test]
fn ambiguous_names_follow_the_regional_context() {
    // Macau: the city of China, not the town in Brazil; Vienna: Austria's, not Virginia's.
    let found = places(
        "en",
        "Flights from Macau and Shenzhen to Vienna, Austria, start in June.",
    );
    let macau = found
        .iter()
        .find(|(s, _, _)| s == "Macau")
        .expect("Macau found");
    assert_eq!(macau.2, "MO");
    let vienna = found
        .iter()
        .find(|(s, _, _)| s == "Vienna")
        .expect("Vienna found");
    assert_eq!(vienna.2, "AT");
    // Canton in a Chinese context is Guangzhou, not one of the five Cantons of the United States.
    let found = places("en", "Trade fairs in Canton draw buyers from Hong Kong.");
    assert_eq!(names(&found), ["Guangzhou", "Hong Kong"], "{found:?}");
}

#[test]
fn surnames_people_and_ordinary_words_are_not_places() {
    let text =
        "Lee and Chan met Liu Guangyuan in Hong Kong. Most people agree. Nice work, said David. \
                The March figures came from the airport in Delta. The delta floods.";
    let found = places("en", text);
    assert_eq!(names(&found), ["Hong Kong"], "{found:?}");
}

#[test]
fn a_place_inside_an_organisation_counts_but_is_marked() {
    let text = "Shenzhen welcomed the Hong Kong Monetary Authority; Toyota builds cars.";
    let found = places_in(&[doc("t.txt", "en", text)]);
    let flags: Vec<(&str, bool)> = found
        .iter()
        .map(|(m, r)| (r.1.as_str(), m.in_organisation))
        .collect();
    // Toyota (a city in Japan) is the carmaker here: the organisation's exact span.
    assert_eq!(flags, [("Shenzhen", false), ("Hong Kong", true)]);
}

#[test]
fn the_longest_place_name_wins_and_positions_are_index_positions() {
    let text = "Visitors to the Guangdong-Hong Kong-Macao Greater Bay Area and to Hong Kong.";
    let found = places_in(&[doc("t.txt", "en", text)]);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(_, r)| (r.0.as_str(), r.1.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Guangdong-Hong Kong-Macao Greater Bay Area",
                "Greater Bay Area"
            ),
            ("Hong Kong", "Hong Kong")
        ]
    );
    // Token positions are the index's: visitors(0) to the guangdong hong kong
    // macao greater bay area and(10) to(11) hong(12) kong(13).
    assert_eq!(found[1].0.tokens, 12..14);
}

#[test]
fn the_default_corpus_names_its_cities_with_positions_in_the_bundle() {
    let index: &Index<'static> = corpus_atlas::index().unwrap();
    let mut cities: Vec<(&str, usize)> = (0..index.entity_count())
        .map(|e| index.entity(e))
        .filter(|e| e.kind == "city")
        .map(|e| {
            let (lat, lon) = e.at.expect("a city has a position");
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
            (e.name, index.entity_postings(&e).len())
        })
        .collect();
    cities.sort();
    let names: Vec<&str> = cities.iter().map(|c| c.0).collect();
    for city in [
        "Hong Kong",
        "Shenzhen",
        "Guangzhou",
        "Macau",
        "Hangzhou",
        "Beijing",
        "Vienna",
        "Urumqi",
    ] {
        assert!(names.contains(&city), "{city} missing from {names:?}");
    }
    for not_a_place in [
        "Taizhou",
        "Padang",
        "Al Buraymī",
        "Weihai",
        "Handa",
        "Toyota",
        "Guangyuan",
    ] {
        assert!(
            !names.contains(&not_a_place),
            "{not_a_place} is not named by the corpus: {names:?}"
        );
    }
    let hk = index.entity_by_alias("홍콩").expect("홍콩 names Hong Kong");
    assert_eq!(hk.name, "Hong Kong");
}

#[test]
fn a_document_without_a_date_has_none_rather_than_the_latest_it_mentions() {
    // A 2024 text about 1941 is not from 1941, nor from the 2030 it forecasts.
    let mut d = doc(
        "t.txt",
        "en",
        "The treaty was signed on 3 March 1941 and is reviewed by 2030. This year it grows.",
    );
    d.date = String::new();
    let dates = corpus_atlas::engine::build::dates::date_doc(&d);
    assert_eq!(dates[0].published, None);
    assert!(!dates[0].published_inferred);
    // The dates it mentions are kept; a relative one cannot be placed without a date.
    let found: Vec<String> = dates[0].expressions.iter().map(|e| e.when.to_string()).collect();
    assert_eq!(found, ["1941-03-03", "2030"]);
    assert!(dates[0].expressions.iter().all(|e| !e.relative));
}

#[test]
fn people_lists_and_figures_of_speech_are_told_from_cities() {
    // A name after a title is a person wherever it stands alone in that text,
    // and "X himself" is a person.
    let found = places(
        "en",
        "Both President Lincoln and the Congress agreed. Lincoln spoke first in Chicago. \
         No one, not even Grant himself, objected.",
    );
    assert_eq!(names(&found), ["Chicago"], "{found:?}");
    // "under a wise Providence" is not the city in Rhode Island; the second of
    // two names after "the Regencies of" is a regency too; "the Republic of
    // Texas" is the state, not a town.
    let found = places(
        "en",
        "Under a wise Providence, treaties with the Regencies of Tunis and Tripoli were made \
         in New York, with the Republic of Texas watching.",
    );
    assert_eq!(names(&found), ["New York", "Texas"], "{found:?}");
    assert_eq!(kinds_of("en", "with the Republic of Texas watching"), ["Texas: province"]);
    // An island named after a city is not the city.
    let found = places("en", "Montreal stands on the island of Montreal, as Lisbon does not on the isle of Lisbon.");
    assert_eq!(names(&found), ["Montréal", "Lisbon"], "{found:?}");
}

#[test]
fn given_names_plural_titles_acronyms_and_months_are_not_towns() {
    // Each of these would be a town without its rule: the text names the
    // United States (and the Philippines), and a preposition puts something
    // at the small ones. After "George Washington", the bare "Washington" is
    // the person (689,000 people: trusted in a country the text names);
    // "Generals Jackson and Gaines" are people (Jackson, Mississippi);
    // "at NATO" is no town of Nato in the Philippines; "in August" is a month
    // (August, California).
    let found = places(
        "en",
        "The United States appointed George Washington in 1775. A victory by Washington followed in August. \
         Generals Jackson and Gaines met officers from the Philippines at NATO in Washington.",
    );
    let surfaces: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["United States", "Philippines", "Washington"], "{found:?}");
}

#[test]
fn a_small_town_is_named_without_an_article_and_a_big_city_has_compass_parts() {
    // "in the Atlantic coast towns", "at the White House": no towns of Iowa and
    // Tennessee in an American text, though a preposition stands before them;
    // "West Berlin" and "East Berlin" are Berlin on a map; "the city of
    // Lichfield" says it is a town (34,000 people).
    let found = places(
        "en",
        "The United States held talks at the White House and in the Atlantic coast towns. \
         The wall encircled West Berlin, apart from East Berlin. The cathedral city of Lichfield lies north of Birmingham, England.",
    );
    assert_eq!(
        names(&found),
        ["United States", "Berlin", "Berlin", "Lichfield", "Birmingham", "England"],
        "{found:?}"
    );
}

/// The kind of entity each string found in `text` was read as.
fn kinds(text: &str) -> Vec<(String, String)> {
    let e = entities();
    find(&[doc("t.txt", "en", text)], e)
        .into_iter()
        .map(|m| (text[m.bytes].to_owned(), e[m.entity].kind.clone()))
        .collect()
}

fn kind_of<'a>(found: &'a [(String, String)], surface: &str) -> Option<&'a str> {
    found.iter().find(|(x, _)| x == surface).map(|(_, k)| k.as_str())
}

#[test]
fn a_list_of_states_or_countries_makes_its_members_regions() {
    // New York among States is the State; Rome among countries is not the city.
    let found = kinds(
        "A copy went to the governors of New York, Pennsylvania, Ohio and Indiana. \
         Relations with Spain, Portugal, Italy, Rome, and the other European States are good.",
    );
    assert_eq!(kind_of(&found, "New York"), Some("province"), "{found:?}");
    assert_eq!(kind_of(&found, "Rome"), None, "{found:?}");
    // A sovereign city-state among nations is the nation; a territory's city
    // (Hong Kong) stays the city.
    let found = kinds("Trade with Malaysia, Singapore, and Indonesia grew, as did trade with Hong Kong, Macau and China.");
    assert_eq!(kind_of(&found, "Singapore"), Some("country"), "{found:?}");
    assert_eq!(kind_of(&found, "Hong Kong"), Some("city"), "{found:?}");
    // A city with a city in its list stays a city.
    let found = places("en", "Ships sailed from Boston, New York and Baltimore.");
    assert_eq!(names(&found), ["Boston", "New York", "Baltimore"], "{found:?}");
}

#[test]
fn a_small_town_counts_where_the_sentence_puts_something_at_it() {
    // Aranjuez (55,000 people) in a text that names Spain: at Aranjuez, it is
    // the town; alone, it is not trusted. "at Paris" in an American text is
    // still Paris, France, not Paris, Texas.
    let found = places(
        "en",
        "Spain ratified the treaty, which was signed at Aranjuez in April. Aranjuez is small. \
         The United States sent envoys to Madrid and met at Paris.",
    );
    assert_eq!(names(&found), ["Spain", "Aranjuez", "United States", "Madrid", "Paris"], "{found:?}");
    let paris = found.iter().find(|(s, _, _)| s == "Paris").expect("Paris");
    assert_eq!(paris.2, "FR");
}

#[test]
fn a_name_the_text_puts_in_a_country_is_that_place_again_when_it_comes_alone() {
    // "San Jose de Guatemala" (a port the gazetteer lacks): the later "at San
    // Jose" is that port, not San Jose, California; a San Jose the text puts
    // in California is that one.
    let found = places(
        "en",
        "The steamer anchored at the port of San Jose de Guatemala. Afterwards at San Jose the captain refused. \
         He flew to San Jose in California.",
    );
    assert_eq!(names(&found), ["San Jose", "California"], "{found:?}");
}

#[test]
fn a_town_s_former_name_counts_only_where_its_country_is_named() {
    // Donetsk was once Stalin and Perm Molotov: the persons, here.
    let found = places("en", "Churchill met Stalin in February; the talks with Molotov went well.");
    assert_eq!(names(&found), Vec::<&str>::new(), "{found:?}");
    assert_eq!(names(&places("fr", "Ils présentèrent un front uni à Staline.")), Vec::<&str>::new());
    // Beside their country, former names are the towns; spellings of a
    // town's own name need nothing beside them.
    let found = places("en", "He moved to Danzig in Poland.");
    assert_eq!(names(&found), ["Gdańsk", "Poland"], "{found:?}");
    let found = places("fr", "Il vécut à Bruges et à Lisbonne.");
    assert_eq!(names(&found), ["Brugge", "Lisbon"], "{found:?}");
}

#[test]
fn a_town_known_abroad_counts_with_no_country_named() {
    // Yalta (77,000 people; a village in Donetsk bears its name too) and
    // Timbuktu have Korean and Chinese names: known beyond their countries.
    let found = places("en", "The leaders met at the conference of Yalta. Trade flourished in Timbuktu.");
    assert_eq!(names(&found), ["Yalta", "Timbuktu"], "{found:?}");
    assert_eq!(found[0].2, "UA");
    // Not a given name (Mary, a town in Turkmenistan), nor a Korean word
    // that is a foreign town's Korean name (라고, Largo).
    assert_eq!(names(&places("en", "It was called the City of Mary by David.")), Vec::<&str>::new());
    assert_eq!(names(&places("ko", "이 새 형식을 \"3.0\"라고 부른다.")), Vec::<&str>::new());
}

#[test]
fn the_index_tells_the_reader_which_place_of_a_name_was_chosen_and_why() {
    let dir = std::env::temp_dir().join(format!("atlas-place-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("march.txt"),
        "The march\n\nTroops went from Washington, Baltimore and Richmond to Alexandria, where the United States \
         held the river. Chicago sent more.\n",
    )
    .unwrap();
    let bytes = corpus_atlas::corpus::pipeline::build_index(&dir).expect("the folder indexes");
    std::fs::remove_dir_all(&dir).ok();
    let index = Index::open(&bytes).expect("the index opens");
    let alexandria = (0..index.entity_count())
        .map(|e| index.entity(e))
        .find(|e| e.name == "Alexandria")
        .expect("Alexandria is named");
    assert!(
        alexandria.note.starts_with("Chosen over Alexandria, Egypt in 1 mention: the text names"),
        "{:?}",
        alexandria.note
    );
    assert!(alexandria.at.is_some_and(|(_, lon)| lon < -70.0), "Alexandria, Virginia: {:?}", alexandria.at);
    // A place no other of its name competed with carries no note.
    let chicago = (0..index.entity_count()).map(|e| index.entity(e)).find(|e| e.name == "Chicago").expect("Chicago");
    assert_eq!(chicago.note, "");
}

#[test]
fn a_city_s_other_name_that_the_corpus_gives_a_person_is_the_person() {
    // GeoNames lists "Stalin" among Donetsk's old names; a corpus that says
    // "Marshal Stalin" in one text means the man in another, too. A city's
    // own name is not taken away so (Lincoln, Washington).
    let docs = [
        doc("a.txt", "en", "We met Marshal Stalin at the conference."),
        doc("b.txt", "en", "The talks with Stalin ended. Troops held Donetsk and Kharkiv."),
    ];
    let found: Vec<String> = places_in(&docs).into_iter().map(|(_, (s, _, _))| s).collect();
    assert!(!found.iter().any(|s| s == "Stalin"), "{found:?}");
    assert!(found.iter().any(|s| s == "Donetsk"), "{found:?}");
}

#[test]
fn a_place_followed_by_its_region_is_the_one_there_and_the_city_s_noun_keeps_it() {
    // "Paris, Texas" is the town in the United States; "Geneva, in Switzerland" Geneva.
    let found = places("en", "The fair moved from Paris, Texas to Geneva, in Switzerland, where the Geneva tribunal met.");
    let paris = found.iter().find(|(s, _, _)| s == "Paris").expect("Paris");
    assert_eq!(paris.2, "US", "{found:?}");
    let genevas: Vec<&str> = found.iter().filter(|(s, _, _)| s == "Geneva").map(|(_, _, c)| c.as_str()).collect();
    assert_eq!(genevas, ["CH", "CH"], "'the Geneva tribunal' is the city's tribunal: {found:?}");
    // Joined by "de" to a country's name, a name is a place of that country:
    // Santiago de Chile is Chile's; San Jose de Guatemala none of the San Joses.
    let found = places("en", "Ships left Santiago de Chile and the port of San Jose de Guatemala.");
    let santiago = found.iter().find(|(s, _, _)| s.starts_with("Santiago")).expect("Santiago");
    assert_eq!(santiago.2, "CL", "{found:?}");
    assert!(!found.iter().any(|(s, _, _)| s == "San Jose"), "{found:?}");
    // A river after "the", its phrase ending, is not the city.
    let found = places("en", "Lewis descended the Columbia to the Pacific, then wrote from Portland, Oregon.");
    assert!(!found.iter().any(|(s, _, _)| s == "Columbia"), "{found:?}");
    // A place, its state and its country are an address, not a list of
    // three regions; of a country's places of a name, the one in the state
    // named after it (St. Charles, Missouri is no old name of Denver).
    let found = places("en", "The firm opened a lab in Cambridge, Massachusetts, United States, and a depot at St. Charles, Missouri.");
    let cambridge = found.iter().find(|(s, _, _)| s == "Cambridge").expect("Cambridge");
    assert_eq!((cambridge.1.as_str(), cambridge.2.as_str()), ("Cambridge", "US"), "{found:?}");
    let charles = found.iter().find(|(s, _, _)| s == "St. Charles").expect("St. Charles");
    assert_eq!(charles.1, "Saint Charles", "{found:?}");
    // The words before a name that may be a city or a state say which:
    // French puts an article before a country's or a province's name, never
    // a city's; "the State of", "l'État de" name the state, "la ville de",
    // "the city of" the city.
    let found = kinds_of("fr", "Le Québec est une province du Canada ; la ville de Québec est sa capitale, au bord du fleuve, loin de l'État de New York.");
    assert_eq!(found, ["Québec: province", "Canada: country", "Québec: city", "New York: province"], "{found:?}");
    let found = kinds_of("en", "The capital of the State of New York is Albany, far from the city of New York.");
    assert_eq!(found, ["New York: province", "Albany: city", "New York: city"], "{found:?}");
    // "une ville d'Espagne" is a town in Spain (no figure of speech like "a
    // wise Providence"); "la Commune de Paris" is the city's own government.
    let found = places("fr", "Elle vécut dans une ville d'Espagne. La Commune de Paris dura 72 jours.");
    assert_eq!(names(&found), ["Spain", "Paris"], "{found:?}");
    // A treaty, like a siege, keeps its place, capitalised or not.
    let found = places("en", "The Treaty of Ghent ended the war, as the treaty of Ghent had promised.");
    assert_eq!(names(&found), ["Gent", "Gent"], "{found:?}");
}
