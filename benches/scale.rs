//! The engine at 10,000 generated documents (`make bench`): index build time,
//! index bytes over text bytes, and query latency.

use std::hint::black_box;
use std::time::Instant;

use corpus_atlas::corpus::{from_text_laid_out, Furniture};
use corpus_atlas::engine::search::{search, SearchOptions};
use corpus_atlas::engine::build::IndexWriter;
use corpus_atlas::engine::Index;
use criterion::{criterion_group, criterion_main, Criterion};

const DOCS: usize = 10_000;

fn build() -> (Vec<u8>, usize) {
    let furniture = Furniture::load(&corpus_atlas::corpus::project_file(corpus_atlas::corpus::FURNITURE_FILE).expect("furniture file")).expect("furniture");
    let entities = corpus_atlas::corpus::project_entities().expect("entities");
    let generated = corpus_atlas::generate::corpus(DOCS, 42);
    let text_bytes = generated.iter().map(|d| d.text.len()).sum();
    let mut writer = IndexWriter::new();
    writer.set_entities(entities);
    for g in generated {
        writer
            .add(from_text_laid_out(&g.id, g.text, &furniture))
            .expect("add");
    }
    (writer.finish().expect("finish"), text_bytes)
}

fn scale(c: &mut Criterion) {
    let start = Instant::now();
    let (bytes, text_bytes) = build();
    let took = start.elapsed();
    let index = Index::open(&bytes).expect("open");
    println!(
        "\n{DOCS} documents: built in {:.2} s; {} text bytes -> {} index bytes ({:.2}x text; {} keys)\n",
        took.as_secs_f64(),
        text_bytes,
        bytes.len(),
        bytes.len() as f64 / text_bytes as f64,
        index.term_count()
    );
    let mut group = c.benchmark_group("10k documents");
    for q in [
        "Hong Kong",
        "선전",
        "Pékin",
        "the",
        "de",
        "tanlu",
        "\"Hong Kong\" Tokyo",
        "shenzen",
        "Hong Kong lang:fr",
    ] {
        group.bench_function(format!("search {q}"), |b| {
            b.iter(|| {
                search(&index, black_box(q), SearchOptions::default())
                    .hits
                    .len()
            })
        });
    }
    // The research views for the commonest word, as the app asks them: the
    // matches found once, then the concordance's first rows, the trends and
    // the collocates (read from a sample past 2,000 matches).
    {
        use corpus_atlas::engine::research::{collocates_in, concordance_in, matching_docs, trends, KwicOptions, WINDOW};
        group.bench_function("matches the", |b| b.iter(|| matching_docs(&index, black_box("the")).len()));
        let matches = matching_docs(&index, "the");
        group.bench_function("concordance the (2,001 rows)", |b| {
            b.iter(|| concordance_in(&index, &matches, KwicOptions { width: 50, limit: Some(2_001) }).len())
        });
        group.bench_function("trends the", |b| b.iter(|| trends(&index, black_box("the")).periods.len()));
        group.bench_function("collocates the", |b| {
            b.iter(|| collocates_in(&index, "the", &matches, WINDOW, 12).len())
        });
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
