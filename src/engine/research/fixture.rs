//! A small corpus for the research tools' tests: three languages, a
//! document of two sections, page furniture, dates over two years at
//! month and year precision, and one document without a date.

use std::sync::OnceLock;

use crate::engine::build::{DocInput, IndexWriter, SectionInput};
use crate::engine::index::Index;

/// Furniture in the first document: a word found nowhere else.
const FURNITURE: &str = "Advertisement harbour\n";

fn doc(id: &str, lang: &str, date: &str, text: &str) -> DocInput {
    DocInput {
        id: id.into(),
        title: format!("Title of {id}"),
        lang: lang.into(),
        date: date.into(),
        text: text.into(),
        sections: vec![SectionInput { title: None, range: 0..text.len(), lang: lang.into() }],
        ..DocInput::default()
    }
}

/// The documents, as the writer is handed them.
pub fn docs() -> Vec<DocInput> {
    let first = format!(
        "The harbour of the city is busy. Ships   enter the harbour every day.\n{FURNITURE}Trade grows near the Harbour, cranes and the port."
    );
    let mut a = doc("a.txt", "en", "2019-03-01", &first);
    let start = first.find(FURNITURE).unwrap();
    let furniture = start..start + FURNITURE.len();
    a.aside.push(furniture);
    let second = "Harbour news\nThe old harbour closed; fishermen left the harbour.\nPort life\nThe port reopened with new cranes. Cranes lift containers.";
    let split = second.find("Port life").unwrap();
    let mut b = doc("b.txt", "en", "2020-06", second);
    b.sections = vec![
        SectionInput { title: Some("Harbour news".into()), range: 0..split, lang: "en".into() },
        SectionInput { title: Some("Port life".into()), range: split..second.len(), lang: "en".into() },
    ];
    vec![
        a,
        b,
        doc("c.txt", "fr", "2020", "Le port de la ville accueille des navires. Le port grandit avec les grues."),
        doc("d.txt", "ko", "", "부산과 인천은 항만 협력을 강화한다. 부산은 항만 중심지다."),
        doc("e.txt", "en", "2019-11", "Nothing about water here: farms and fields, 2019 and 2020."),
    ]
}

fn bytes_of(docs: Vec<DocInput>) -> Vec<u8> {
    let mut w = IndexWriter::new();
    for d in docs {
        w.add(d).expect("add");
    }
    w.finish().expect("finish")
}

/// The index of `docs` (its bytes leaked: a test's index lives as long as the test).
pub fn build(docs: Vec<DocInput>) -> Index<'static> {
    Index::open(Box::leak(bytes_of(docs).into_boxed_slice())).expect("open")
}

/// The index of [`docs`], built once.
pub fn index() -> Index<'static> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    Index::open(BYTES.get_or_init(|| bytes_of(docs()))).expect("open")
}
