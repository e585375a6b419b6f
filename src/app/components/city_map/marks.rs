//! The cities on the map: a mark each, sized by mentions, labelled where
//! the label fits (see [`place_labels`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::view::svg::num;

use crate::app::IndexRef;
use crate::engine::overview::places::PlaceCount;
use crate::geo::BaseView;
use crate::view::map::{place_labels, place_summary, place_tip, radius, same_place, units_per_px, Camera, MarkAt};

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
    /// A mark got focus (by Tab and arrows, a click or a tap): its entity.
    pub on_focus: &'a Callback<u32>,
}

impl MarkContext<'_> {
    /// The marks of the cities `inside` the view (biggest first in
    /// `inside`), and their labels.
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
        // Labels, biggest first, beside, above or below the mark, where
        // they stay on the map, clear of one another and of other marks.
        let labels = place_labels(&at, unit, camera.view_box(&base.view));
        let font = num(12.5 * unit);
        let texts = inside.iter().zip(&labels).filter_map(|(city, label)| {
            let l = (*label)?;
            Some(html! { <text x={num(l.x)} y={num(l.y)} text-anchor={l.anchor} font-size={font.clone()} aria-hidden="true">{ city.name }</text> })
        });
        // Drawn smallest first so the big ones stay on top; one Tab stop
        // for all the marks: the first drawn takes it. The labels go over
        // every mark, where none can be hidden under a neighbour's circle.
        let marks = inside
            .iter()
            .zip(&at)
            .rev()
            .enumerate()
            .map(|(k, (city, m))| self.mark(city, m.r, unit, k == 0));
        html! {
            <>
                <g class="marks">{ for marks }</g>
                <g class="labels">{ for texts }</g>
            </>
        }
    }

    fn mark(&self, city: &City, r: f32, unit: f32, first: bool) -> Html {
        let (c, name, x, y) = (city.count, city.name, city.x, city.y);
        let on = same_place(self.selected, name);
        let docs = c.docs.len();
        let label = place_summary(name, c.mentions, docs);
        let tip = place_tip(&label, &c.docs, |d| self.index.0.doc(d).title);
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
        let onfocus = {
            let (on_focus, entity) = (self.on_focus.clone(), c.entity);
            Callback::from(move |_: FocusEvent| on_focus.emit(entity))
        };
        let tabindex = if first { "0" } else { "-1" };
        html! {
            <g key={c.entity} class={classes!("mark", on.then_some("mark-on"))} {tabindex} role="button"
               aria-pressed={on.to_string()} aria-label={label} data-city={name} data-count={c.mentions.to_string()}
               {onclick} {onkeydown} {onfocus}>
                <title>{ tip }</title>
                <circle cx={num(x)} cy={num(y)} r={num(r)} stroke-width={num(1.5 * unit)} />
            </g>
        }
    }
}
