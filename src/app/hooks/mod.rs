//! Custom hooks, one a file.

mod use_after_paint;
mod use_brush;
mod use_counted;
mod use_counted_events;
mod use_drag_pan;
mod use_explorer;
mod use_handlers;
mod use_late;
mod use_near_screen;
mod use_open_at_match;
mod use_page_title;
mod use_search;
mod use_slash_focus;
mod use_visible_rows;
mod use_wheel_zoom;

pub use use_after_paint::use_after_paint;
pub use use_brush::use_brush;
pub use use_counted::use_counted;
pub use use_counted_events::use_counted_events;
pub use use_drag_pan::{use_drag_pan, DragPan};
pub use use_explorer::use_explorer;
pub use use_handlers::{use_handlers, Handlers};
pub use use_late::use_late;
pub use use_near_screen::use_near_screen;
pub use use_open_at_match::use_open_at_match;
pub use use_page_title::use_page_title;
pub use use_search::use_search;
pub use use_slash_focus::use_slash_focus;
pub use use_visible_rows::use_visible_rows;
pub use use_wheel_zoom::use_wheel_zoom;
