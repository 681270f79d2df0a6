//! Work spread over many short tasks, so the page never freezes: the engine
//! runs apart from the page ([`extract_in_steps`], see `engine`), and long lists are
//! rendered a chunk per turn of the [`RenderQueue`] ([`Chunked`]), as are
//! the columns catching up with a new corpus ([`RenderQueue::staged`]).
//!
//! Which chunks go in a turn is decided by [`Backlog`], a plain type tested
//! natively; the rest is timers and signals.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::corpus::documents;
use crate::engine;
use crate::import::StoredArticle;
use crate::model::Corpus;

/// What a turn of the render queue may cost, in [`Chunked`] cost units
/// (about one DOM element each): roughly 20-40 ms of work in a browser.
pub const TURN_BUDGET: usize = 400;

/// Chunks waiting for their turn, oldest first, with their costs.
#[derive(Debug)]
pub struct Backlog<T> {
    waiting: VecDeque<(T, usize)>,
}

impl<T> Default for Backlog<T> {
    fn default() -> Self {
        Backlog { waiting: VecDeque::new() }
    }
}

impl<T> Backlog<T> {
    pub fn push(&mut self, item: T, cost: usize) {
        self.waiting.push_back((item, cost));
    }

    /// Queues `item` before everything waiting.
    pub fn push_first(&mut self, item: T, cost: usize) {
        self.waiting.push_front((item, cost));
    }

    /// The next turn: the oldest chunk, then more while their costs fit in `budget`.
    pub fn turn(&mut self, budget: usize) -> Vec<T> {
        let mut out = Vec::new();
        let mut spent = 0;
        while let Some((_, cost)) = self.waiting.front() {
            if !out.is_empty() && spent + cost > budget {
                break;
            }
            spent += cost;
            out.push(self.waiting.pop_front().unwrap().0);
        }
        out
    }

    pub fn len(&self) -> usize {
        self.waiting.len()
    }
}

/// Work for a turn of the [`RenderQueue`].
type Job = Box<dyn FnOnce() + Send + Sync>;

/// The page-wide queue of rendering work (list chunks, columns catching up
/// with a new corpus), one turn per task. Shared as context.
#[derive(Clone, Copy)]
pub struct RenderQueue {
    backlog: StoredValue<Backlog<Job>>,
    /// Work that waits until `backlog` is empty (the articles' full texts:
    /// the timeline and the panels come first).
    background: StoredValue<Backlog<Job>>,
    /// Jobs waiting (reactive: the layout's busy state reads it).
    waiting: RwSignal<usize>,
    running: StoredValue<bool>,
}

impl RenderQueue {
    pub fn new() -> Self {
        RenderQueue {
            backlog: StoredValue::new(Backlog::default()),
            background: StoredValue::new(Backlog::default()),
            waiting: RwSignal::new(0),
            running: StoredValue::new(false),
        }
    }

    /// Runs `job` in a later turn; in the background lane when `background`,
    /// ahead of what waits in that lane when `first`.
    fn later_in(self, background: bool, first: bool, cost: usize, job: Job) {
        let lane = if background { self.background } else { self.backlog };
        lane.update_value(|b| if first { b.push_first(job, cost) } else { b.push(job, cost) });
        self.waiting.update(|w| *w += 1);
        if !self.running.get_value() {
            self.running.set_value(true);
            self.next_turn();
        }
    }

    /// A flag that turns true when a chunk costing `cost` gets its turn
    /// (in the background lane when `background`).
    pub fn defer(self, cost: usize, background: bool) -> RwSignal<bool> {
        let flag = RwSignal::new(false);
        // A flag of a list no longer on the page is gone: nothing to do.
        self.later_in(
            background,
            false,
            cost,
            Box::new(move || {
                let _ = flag.try_set(true);
            }),
        );
        flag
    }

    /// `source` as a part of the page sees it: each new value arrives a turn
    /// later (a whole turn: the part rebuilds in a task of its own). When
    /// `background`, after the work of the rest of the page (the timeline
    /// comes first) but before the background's (older lists' chunks).
    pub fn staged<T: Clone + Send + Sync + 'static>(self, source: RwSignal<Arc<T>>, background: bool) -> RwSignal<Arc<T>> {
        let local = RwSignal::new(source.get_untracked());
        Effect::new(move |_| {
            let next = source.get();
            if !local.with_untracked(|l| Arc::ptr_eq(l, &next)) {
                self.later_in(
                    background,
                    background,
                    TURN_BUDGET,
                    Box::new(move || {
                        let _ = local.try_set(next);
                    }),
                );
            }
        });
        local
    }

    /// Whether work is waiting (tracked).
    pub fn busy(self) -> bool {
        self.waiting.get() > 0
    }

    fn next_turn(self) {
        set_timeout(
            move || {
                let mut turn = self.backlog.try_update_value(|b| b.turn(TURN_BUDGET)).unwrap_or_default();
                if turn.is_empty() {
                    turn = self.background.try_update_value(|b| b.turn(TURN_BUDGET)).unwrap_or_default();
                }
                for job in turn {
                    job();
                }
                let left = self.backlog.with_value(Backlog::len) + self.background.with_value(Backlog::len);
                self.waiting.set(left);
                if left > 0 {
                    self.next_turn();
                } else {
                    self.running.set_value(false);
                }
            },
            Duration::ZERO,
        );
    }
}

/// A list rendered a chunk at a time: the first `first` rows at once, then
/// `chunk` rows per turn of the [`RenderQueue`], in order.
///
/// - `rows`: the list.
/// - `render`: one row's view.
/// - `first`: rows rendered at once.
/// - `chunk`: rows per later chunk.
/// - `cost`: what one row costs, in [`TURN_BUDGET`] units (about its DOM elements).
/// - `background`: the later chunks wait until other work is done.
#[component]
pub fn Chunked<T, R, V>(rows: Vec<T>, render: R, first: usize, chunk: usize, cost: usize, #[prop(optional)] background: bool) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Rows become type-erased thunks, so the chunking below is compiled once
    // rather than once per kind of row (it costs wasm size).
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|row| {
            let render = render.clone();
            Box::new(move || render(row.clone()).into_any()) as Row
        })
        .collect();
    chunked(rows, first, chunk, cost, background)
}

/// A row to render: called once, when its chunk's turn comes.
type Row = Box<dyn Fn() -> AnyView + Send + Sync>;

fn chunked(mut rows: Vec<Row>, first: usize, chunk: usize, cost: usize, background: bool) -> AnyView {
    let queue = expect_context::<RenderQueue>();
    let first = first.max(1).min(rows.len());
    let mut rest = rows.split_off(first);
    let mut later: Vec<Vec<Row>> = Vec::new();
    while !rest.is_empty() {
        let next = rest.split_off(chunk.max(1).min(rest.len()));
        later.push(std::mem::replace(&mut rest, next));
    }
    let head: Vec<AnyView> = rows.iter().map(|row| row()).collect();
    let tail: Vec<AnyView> = later
        .into_iter()
        .map(|rows| {
            let shown = queue.defer(rows.len() * cost, background);
            (move || shown.get().then(|| rows.iter().map(|row| row()).collect::<Vec<AnyView>>())).into_any()
        })
        .collect();
    view! { {head} {tail} }.into_any()
}

/// The engine's progress, shown while it runs: `None` when idle.
#[derive(Clone, Copy)]
pub struct ExtractCtx {
    pub progress: RwSignal<Option<String>>,
    /// Where articles are extracted: `worker` or `main` (the layout's
    /// `data-engine`); `main` until a worker has started.
    pub engine: RwSignal<&'static str>,
    /// Bumped by every run: an older run still going stops at its next step.
    generation: StoredValue<u64>,
}

impl ExtractCtx {
    pub fn new() -> Self {
        ExtractCtx { progress: RwSignal::new(None), engine: RwSignal::new("main"), generation: StoredValue::new(0) }
    }

    /// Whether the engine is running (tracked).
    pub fn running(self) -> bool {
        self.progress.with(Option::is_some)
    }

    /// Whether the run `generation` is the latest.
    pub fn current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// Shows that `done` of `total` articles are read.
    pub fn show_progress(self, done: usize, total: usize) {
        self.progress.set(Some(progress_text((done, total))));
    }
}

/// Runs the engine over the embedded and `imported` articles (see
/// `engine`: cached results, the worker, else the page in short steps) with
/// the progress shown, then hands the corpus to `done`. A later call
/// supersedes this one.
pub fn extract_in_steps(ctx: ExtractCtx, imported: Vec<StoredArticle>, done: impl FnOnce(Arc<Corpus>) + 'static) {
    let generation = ctx.generation.get_value() + 1;
    ctx.generation.set_value(generation);
    let (docs, paths) = documents(&imported);
    ctx.show_progress(0, docs.len());
    leptos::task::spawn_local(async move {
        if let Some(corpus) = engine::extract(ctx, generation, docs, paths).await {
            // The page takes the new story in a task of its own; the
            // progress stays until then (else the page would look settled
            // in between).
            crate::web::sleep(0).await;
            if ctx.current(generation) {
                ctx.progress.set(None);
                done(Arc::new(corpus));
            }
        }
    });
}

fn progress_text((done, total): (usize, usize)) -> String {
    if done < total {
        format!("Reading the articles: {} of {total}…", done + 1)
    } else {
        "Merging the timeline…".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_takes_the_oldest_chunks_that_fit() {
        let mut b = Backlog::default();
        for (name, cost) in [("a", 100), ("b", 250), ("c", 100), ("d", 10)] {
            b.push(name, cost);
        }
        assert_eq!(b.turn(400), ["a", "b"], "c would overrun the budget, so d waits behind it");
        assert_eq!(b.turn(400), ["c", "d"]);
        assert!(b.turn(400).is_empty());
        assert_eq!(b.len(), 0);
    }

    #[test]
    fn a_chunk_queued_first_goes_before_those_waiting() {
        let mut b = Backlog::default();
        b.push("old chunk", 100);
        b.push_first("rebuild", 400);
        assert_eq!(b.turn(400), ["rebuild"]);
        assert_eq!(b.turn(400), ["old chunk"]);
    }

    #[test]
    fn a_chunk_costlier_than_the_budget_still_gets_a_turn_alone() {
        let mut b = Backlog::default();
        b.push(1, 5000);
        b.push(2, 1);
        assert_eq!(b.turn(400), [1]);
        assert_eq!(b.len(), 1);
        assert_eq!(b.turn(400), [2]);
    }

    #[test]
    fn progress_counts_the_article_being_read() {
        assert_eq!(progress_text((0, 3)), "Reading the articles: 1 of 3…");
        assert_eq!(progress_text((2, 3)), "Reading the articles: 3 of 3…");
        assert_eq!(progress_text((3, 3)), "Merging the timeline…");
    }
}
