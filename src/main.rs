//! Dateline, the explorer: a Leptos CSR app that runs the extraction engine
//! on the embedded corpus in the browser and shows the result.
//!
//! `main` mounts [`app::App`]; `corpus` holds the embedded articles;
//! `model` turns engine output into plain view models (tested natively);
//! `schedule` spreads the engine's run and long lists over short tasks;
//! `story_file` opens a story JSON computed elsewhere (shown, not extracted).

mod app;
mod backup;
mod corpus;
mod engine;
mod export;
mod import;
mod import_form;
mod json;
mod model;
mod schedule;
mod state;
mod storage;
mod story_file;
mod web;
mod webpage;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

fn main() {
    // A panic's message and place in the console: what the
    // console_error_panic_hook crate prints, without the JS stack (257 bytes
    // gzip less; the Rust message names the file and line).
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
    // The engine's worker runs this module too (see `engine`): no page there.
    if !wasm_bindgen::JsCast::has_type::<web_sys::Window>(&js_sys::global()) {
        return;
    }
    leptos::mount::mount_to_body(app::App);
}
