//! How strongly a word is attracted to a place in the corpus: Dunning's
//! log-likelihood ratio (G²) of a 2×2 table, as corpus linguistics uses it
//! to rank collocates and keywords (Dunning 1993, "Accurate methods for the
//! statistics of surprise and coincidence").

/// Occurrences of a word near a query and in the rest of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contingency {
    /// Occurrences of the word in the windows around the matches.
    pub near: u64,
    /// Tokens in those windows.
    pub window_tokens: u64,
    /// Occurrences of the word in the whole corpus.
    pub word_total: u64,
    /// Tokens in the whole corpus.
    pub corpus_tokens: u64,
}

/// G² of the table, signed: positive when the word is more frequent near
/// the query than elsewhere, negative when it is rarer there, 0 when it
/// is as frequent (or the table is empty).
pub fn log_likelihood(t: Contingency) -> f64 {
    let a = t.near as f64;
    let b = t.window_tokens.saturating_sub(t.near) as f64;
    let c = t.word_total.saturating_sub(t.near) as f64;
    let d = t.corpus_tokens.saturating_sub(t.window_tokens).saturating_sub(t.word_total.saturating_sub(t.near)) as f64;
    let n = a + b + c + d;
    if n == 0.0 {
        return 0.0;
    }
    let term = |o: f64, row: f64, col: f64| {
        let e = row * col / n;
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let g2 = 2.0 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d));
    let g2 = g2.max(0.0);
    // Rarer near the query than elsewhere: a repelled word, not a collocate.
    if a * (c + d) < c * (a + b) {
        -g2
    } else {
        g2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_scores_as_the_sum_over_its_four_cells() {
        // a=10 near, b=90 other window tokens, c=20 elsewhere, d=9880 the rest:
        // 2 Σ O ln(O/E) over the cells, E from the margins.
        let t = Contingency { near: 10, window_tokens: 100, word_total: 30, corpus_tokens: 10_000 };
        let (a, b, c, d, n) = (10.0f64, 90.0f64, 20.0f64, 9880.0f64, 10_000.0f64);
        let e = |r: f64, k: f64| r * k / n;
        let expected = 2.0
            * (a * (a / e(a + b, a + c)).ln()
                + b * (b / e(a + b, b + d)).ln()
                + c * (c / e(c + d, a + c)).ln()
                + d * (d / e(c + d, b + d)).ln());
        assert!((log_likelihood(t) - expected).abs() < 1e-6);
        assert!(expected > 50.0, "ten of thirty in one percent of the text is a strong pull");
    }

    #[test]
    fn independence_scores_zero_and_repulsion_is_negative() {
        let even = Contingency { near: 1, window_tokens: 100, word_total: 100, corpus_tokens: 10_000 };
        assert!(log_likelihood(even).abs() < 1e-9);
        let repelled = Contingency { near: 0, window_tokens: 1000, word_total: 500, corpus_tokens: 10_000 };
        assert!(log_likelihood(repelled) < 0.0);
        let empty = Contingency { near: 0, window_tokens: 0, word_total: 0, corpus_tokens: 0 };
        assert_eq!(log_likelihood(empty), 0.0);
    }
}
