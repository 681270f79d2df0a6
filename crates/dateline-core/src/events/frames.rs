//! Statements and happenings: a statement made at a frame event (a press
//! conference, talks) belongs to it instead of standing on the timeline.

use std::collections::HashMap;

use crate::date::Date;

use super::{Class, Event};

/// Statements at a frame event belong to it: the first frame of the day
/// whose participants include the speaker or are unknown. Frames are
/// indexed by day (the first of the day; the first without participants;
/// the first with each participant).
pub(super) fn attach_statements(events: &mut [Event]) {
    let mut first_frame: HashMap<Date, usize> = HashMap::new();
    let mut first_open_frame: HashMap<Date, usize> = HashMap::new();
    let mut first_frame_with: HashMap<(Date, String), usize> = HashMap::new();
    for (f, e) in events.iter().enumerate() {
        let Some((day, last)) = e.time.range else { continue };
        if e.class != Class::Frame || e.dropped || day != last {
            continue;
        }
        first_frame.entry(day).or_insert(f);
        if e.participants.is_empty() {
            first_open_frame.entry(day).or_insert(f);
        }
        for p in &e.participants {
            first_frame_with.entry((day, p.clone())).or_insert(f);
        }
    }
    for i in 0..events.len() {
        if events[i].class != Class::Statement || events[i].cued {
            continue;
        }
        let Some(day) = events[i].time.range.filter(|r| r.0 == r.1).map(|r| r.0) else { continue };
        let frame = match &events[i].speaker {
            None => first_frame.get(&day).copied(),
            Some(s) => {
                let with = first_frame_with.get(&(day, s.clone())).copied();
                let open = first_open_frame.get(&day).copied();
                with.into_iter().chain(open).min()
            }
        };
        if let Some(f) = frame {
            events[i].at_frame = Some(f);
            events[i].dropped = true;
        }
    }
}
