//! Engine query latency on the embedded default corpus (`make bench`).

use corpus_atlas::engine::search::{search, snippet, SearchOptions, SNIPPET_CHARS};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// One-to-three-word queries a reader types, in the three languages.
const QUERIES: &[&str] = &[
    "Hong Kong",
    "Shenzhen",
    "선전",
    "핀테크",
    "Pékin",
    "\"supply chain\"",
    "digital economy data",
    "zhiji",
    "guangzhuo",
    "Greater Bay Area lang:en",
];

fn queries(c: &mut Criterion) {
    let index = corpus_atlas::index().expect("embedded index");
    let mut group = c.benchmark_group("default corpus");
    for q in QUERIES {
        group.bench_function(format!("search {q}"), |b| {
            b.iter(|| search(index, black_box(q), SearchOptions::default()))
        });
    }
    group.bench_function("search + 10 snippets: Hong Kong", |b| {
        b.iter(|| {
            let r = search(index, black_box("Hong Kong"), SearchOptions::default());
            r.hits
                .iter()
                .take(10)
                .map(|h| snippet(index, h, SNIPPET_CHARS).text.len())
                .sum::<usize>()
        })
    });
    // The research tools for a common word (issue 21's budget: under 50 ms at 10,000 documents).
    use corpus_atlas::engine::research::{collocates, concordance, trends, KwicOptions, WINDOW};
    group.bench_function("concordance Hong Kong", |b| {
        b.iter(|| concordance(index, black_box("Hong Kong"), KwicOptions::default()).len())
    });
    group.bench_function("trends Hong Kong", |b| b.iter(|| trends(index, black_box("Hong Kong"))));
    group.bench_function("collocates Hong Kong", |b| {
        b.iter(|| collocates(index, black_box("Hong Kong"), WINDOW, 20).len())
    });
    group.bench_function("open index", |b| {
        b.iter(|| {
            corpus_atlas::engine::Index::open(black_box(corpus_atlas::INDEX_BYTES))
                .map(|i| i.doc_count())
        })
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
