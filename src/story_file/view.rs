//! The opened story in the page: [`OpenedCtx`] holds it in place of the
//! user's corpus (kept aside, never changed), [`open_file`] reads a chosen
//! or dropped story file, and [`StoryBanner`] says what is shown, with the
//! way back. Nothing is stored: a reload shows the user's articles again.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::{CorpusCtx, StatusCtx, ViewCtx};
use crate::model::Corpus;
use crate::schedule::ExtractCtx;
use crate::state::ViewState;
use crate::web;

/// The banner's text while a story file is shown, and the user's own
/// corpus kept aside meanwhile.
#[derive(Clone, Copy)]
pub struct OpenedCtx {
    pub banner: RwSignal<Option<String>>,
    mine: StoredValue<Option<Arc<Corpus>>>,
}

impl OpenedCtx {
    pub fn new() -> Self {
        OpenedCtx { banner: RwSignal::new(None), mine: StoredValue::new(None) }
    }

    /// Whether a story file is shown (tracked).
    pub fn is_open(self) -> bool {
        self.banner.with(Option::is_some)
    }

    /// Shows the user's own articles again.
    pub fn back(self, corpus: RwSignal<Arc<Corpus>>) {
        if let Some(mine) = self.mine.get_value() {
            corpus.set(mine);
            self.mine.set_value(None);
        }
        self.banner.set(None);
    }
}

/// What opens a story file (made in a component, from its context): reads
/// the file as a story and shows it; on any error, the message names the
/// file and nothing changes.
pub fn opener() -> impl Fn(web_sys::File) + Copy + 'static {
    let OpenedCtx { banner, mine } = expect_context();
    let CorpusCtx(corpus) = expect_context();
    let StatusCtx(status) = expect_context();
    let ViewCtx(view) = expect_context();
    let extract: ExtractCtx = expect_context();
    move |file| open_file(file, (banner, mine, corpus, status, view, extract))
}

type Ctx = (RwSignal<Option<String>>, StoredValue<Option<Arc<Corpus>>>, RwSignal<Arc<Corpus>>, RwSignal<Option<(bool, String)>>, RwSignal<ViewState>, ExtractCtx);

fn open_file(file: web_sys::File, (banner, mine, corpus, status, view, extract): Ctx) {
    let name = file.name();
    if extract.running() {
        status.set(Some((true, format!("{name}: wait until the articles are read, then open it again."))));
        return;
    }
    status.set(Some((false, format!("Opening {name}…"))));
    leptos::task::spawn_local(async move {
        let size = file.size() as usize;
        let bytes = if size > super::MAX_BYTES { Vec::new() } else { web::read_file(&file).await.unwrap_or_default() };
        match super::open(&name, size, &bytes) {
            Err(e) => status.set(Some((true, e))),
            Ok(opened) => {
                if mine.get_value().is_none() {
                    mine.set_value(Some(corpus.get_untracked()));
                }
                let summary = opened.summary();
                corpus.set(Arc::new(opened.corpus));
                banner.set(Some(summary));
                status.set(Some((false, format!("Opened {name}."))));
                web::set_hash("", true);
                view.set(ViewState::default());
            }
        }
    });
}

/// What is shown when a story file is open, and the way back.
#[component]
pub fn StoryBanner() -> impl IntoView {
    let opened: OpenedCtx = expect_context();
    let CorpusCtx(corpus) = expect_context();
    let StatusCtx(status) = expect_context();
    view! {
        <div class="story-banner" role="region" aria-label="Story file" data-testid="story-banner" hidden=move || !opened.is_open()>
            <p>{move || opened.banner.get().unwrap_or_default()}</p>
            <button type="button" data-testid="story-back" on:click=move |_| {
                opened.back(corpus);
                status.set(None);
            }>
                "Back to my articles"
            </button>
        </div>
    }
}
