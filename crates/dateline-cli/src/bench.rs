//! `dateline bench`: the engine's throughput, natively. A command that
//! prints numbers, not a timed test: compare figures of one run.

use std::path::Path;
use std::time::Instant;

use dateline_core::story::{extract_article, merge};
use dateline_core::Document;

use crate::{files, parallel};

/// Runs `pass` at least five times and for at least `seconds`; the median
/// and best times.
fn time(seconds: f64, mut pass: impl FnMut()) -> (f64, f64, usize) {
    pass(); // warm-up: lexicons are built on first use
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < 5 || start.elapsed().as_secs_f64() < seconds {
        let t = Instant::now();
        pass();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0], times.len())
}

/// Every article of the CSV files in `path`, each as its own story: the
/// whole pipeline on one thread in MB/s; then the per-article step on 1 and
/// `jobs` threads (articles per second, and the speed-up), and the merge of
/// them all into one story.
pub fn run(path: &Path, jobs: usize) -> Result<(), String> {
    let documents: Vec<Document> = files::csv_documents(path)?;
    let mb = documents.iter().map(|d| d.body.len()).sum::<usize>() as f64 / 1e6;
    let n = documents.len() as f64;
    let (median, best, passes) = time(3.0, || {
        for d in &documents {
            std::hint::black_box(merge(&[extract_article(d)]));
        }
    });
    let quotes: usize = documents.iter().map(|d| extract_article(d).quotes.len()).sum();
    println!(
        "{} articles, {mb:.2} MB, {quotes} quotes; {passes} passes on one thread: median {median:.3} s ({:.2} MB/s), best {best:.3} s ({:.2} MB/s)",
        documents.len(),
        mb / median,
        mb / best
    );
    let mut one = 0.0;
    for threads in [1, jobs.max(2)] {
        let (median, _, _) = time(3.0, || {
            std::hint::black_box(parallel::map(&documents, threads, extract_article));
        });
        if threads == 1 {
            one = median;
        }
        println!("extract_article on {threads} thread{}: median {median:.3} s, {:.0} articles/s, {:.2}x one thread", if threads == 1 { "" } else { "s" }, n / median, one / median);
    }
    let articles = parallel::map(&documents, jobs, extract_article);
    let (median, _, _) = time(2.0, || {
        std::hint::black_box(merge(&articles));
    });
    println!("merge of the {} articles into one story: median {median:.3} s", documents.len());
    Ok(())
}
