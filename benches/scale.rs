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
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
