//! The cities on the map: a mark each, sized by mentions, labelled where
//! the label fits (see [`place_labels`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::overview::places::PlaceCount;
use crate::geo::BaseView;
use crate::view::map::{doc_label, place_labels, radius, same_place, units_per_px, Camera, MarkAt};

/// A city counted, projected into the view.
pub struct City<'a> {
    pub count: &'a PlaceCount,
    pub name: &'static str,
    pub x: f32,
    pub y: f32,
}

/// What a mark needs beyond its city.
pub struct MarkContext<'a> {
    pub index: IndexRef,
    /// The place the results are filtered to.
    pub selected: Option<&'a str>,
    /// A mark was activated.
    pub on_place: &'a Callback<Option<String>>,
    /// The press that ends in a click was a drag (then it is not a click).
    pub dragged: &'a Rc<RefCell<bool>>,
}

impl MarkContext<'_> {
    /// The marks of the cities `inside` the view, biggest first in
    /// `inside`, drawn smallest first so the big ones stay on top.
    pub fn render(
        &self,
        base: &BaseView,
        camera: Camera,
        inside: &[&City],
        counts: &[PlaceCount],
    ) -> Html {
        let unit = units_per_px(&base.view) / camera.zoom;
        let max_mentions = counts.iter().map(|c| c.mentions).max().unwrap_or(1).max(1) as f32;
        let at: Vec<MarkAt> = inside
            .iter()
            .map(|c| MarkAt {
                x: c.x,
                y: c.y,
                r: radius(c.count.mentions, max_mentions) * unit,
                chars: c.name.chars().count(),
            })
            .collect();
        // Labels, biggest first, right of the mark or else left of it, where
        // they stay on the map and clear of one another.
        let labels = place_labels(&at, unit, camera.view_box(&base.view));
        inside
            .iter()
            .zip(at.iter().zip(labels))
            .rev()
            .enumerate()
            .map(|(k, (city, (m, label)))| {
                let text = label.map(|l| {
                    html! { <text x={l.x.to_string()} y={(city.y + 4.5 * unit).to_string()} text-anchor={l.anchor} font-size={(12.5 * unit).to_string()} aria-hidden="true">{ city.name }</text> }
                });
                // One Tab stop for all the marks: the first drawn takes it.
                self.mark(city, m.r, unit, k == 0, text)
            })
            .collect()
    }

    fn mark(&self, city: &City, r: f32, unit: f32, first: bool, text: Option<Html>) -> Html {
        let (c, name, x, y) = (city.count, city.name, city.x, city.y);
        let on = same_place(self.selected, name);
        let docs = c.docs.len();
        let label = format!(
            "{name}: {} mention{} in {docs} document{}",
            c.mentions,
            if c.mentions == 1 { "" } else { "s" },
            if docs == 1 { "" } else { "s" }
        );
        let mut tip = label.clone();
        for (d, n) in &c.docs {
            tip.push_str(&format!("\n{}: {n}", doc_label(self.index.0.doc(*d).title)));
        }
        let activate = {
            let on_place = self.on_place.clone();
            let dragged = self.dragged.clone();
            let name = name.to_owned();
            move || {
                if !*dragged.borrow() {
                    on_place.emit((!on).then(|| name.clone()));
                }
            }
        };
        let (onclick, activate) = crate::app::components::activation(activate);
        // One Tab stop for all the marks: arrows move between them.
        let onkeydown = Callback::from(move |k: KeyboardEvent| {
            if !crate::app::components::rove(&k, ".map-svg", ".mark") {
                activate.emit(k);
            }
        });
        let tabindex = if first { "0" } else { "-1" };
        html! {
            <g key={c.entity} class={classes!("mark", on.then_some("mark-on"))} {tabindex} role="button"
               aria-pressed={on.to_string()} aria-label={label} data-city={name} data-count={c.mentions.to_string()}
               {onclick} {onkeydown}>
                <title>{ tip }</title>
                <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} stroke-width={(1.5 * unit).to_string()} />
                { for text }
            </g>
        }
    }
}
