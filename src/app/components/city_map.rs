//! The city map: where the corpus (or the current results) is about.
//!
//! The background is the committed basemap (three views, drawn as they are);
//! each city the counted sections name gets a mark sized by its mentions,
//! labelled where labels do not collide, with its counts per document as a
//! tooltip. Activating a mark (click, Enter, Space) filters the results to
//! the passages naming it (`city:` in the query, hence in the URL); doing it
//! again lifts the filter. Zoom and pan: wheel, drag (mouse, pen or touch),
//! the buttons, or the keyboard (+, −, arrows, 0) on the focused map.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::places::{place_counts, PlaceCount};
use crate::geo::{parse_basemap, BaseView};

/// View units per screen pixel, for marks and labels of a steady screen size
/// whatever the view and zoom: the map is drawn at most about 420 px wide
/// (beside the timeline) and 272 px tall (17rem, see style.css).
fn units_per_px(v: &BaseView) -> f32 {
    v.view.width / (272.0 * v.view.width / v.view.height).min(420.0)
}

fn basemap() -> &'static [BaseView] {
    thread_local! {
        static VIEWS: &'static [BaseView] = Box::leak(parse_basemap(crate::BASEMAP).into_boxed_slice());
    }
    VIEWS.with(|v| *v)
}

#[derive(Properties, PartialEq)]
pub struct CityMapProps {
    pub index: IndexRef,
    /// Which sections to count (`None`: the whole corpus), by section ordinal.
    pub counted: Option<Rc<Vec<bool>>>,
    /// The place the results are filtered to, if any (as typed after `city:`).
    pub selected: Option<AttrValue>,
    /// A place was activated: its name, or `None` to lift the filter.
    pub on_place: Callback<Option<String>>,
}

/// Centre (view units) and zoom factor.
#[derive(Clone, Copy, PartialEq)]
struct Camera {
    cx: f32,
    cy: f32,
    zoom: f32,
}

impl Camera {
    fn home(v: &BaseView) -> Self {
        Camera {
            cx: v.view.width / 2.0,
            cy: v.view.height / 2.0,
            zoom: 1.0,
        }
    }

    fn view_box(&self, v: &BaseView) -> (f32, f32, f32, f32) {
        let (w, h) = (v.view.width / self.zoom, v.view.height / self.zoom);
        (self.cx - w / 2.0, self.cy - h / 2.0, w, h)
    }

    fn zoomed(self, factor: f32) -> Self {
        Camera {
            zoom: (self.zoom * factor).clamp(1.0, 16.0),
            ..self
        }
    }

    fn panned(self, v: &BaseView, dx: f32, dy: f32) -> Self {
        let cx = (self.cx + dx).clamp(0.0, v.view.width);
        let cy = (self.cy + dy).clamp(0.0, v.view.height);
        Camera { cx, cy, ..self }
    }
}

/// The smallest view that holds most of the mentions: the Greater Bay Area
/// for this corpus, the world for a corpus about everywhere.
fn best_view(index: IndexRef, counts: &[PlaceCount]) -> usize {
    let total: u32 = counts
        .iter()
        .filter(|c| index.0.entity(c.entity).kind == "city")
        .map(|c| c.mentions)
        .sum();
    basemap()
        .iter()
        .position(|v| {
            let inside: u32 = counts
                .iter()
                .filter(|c| {
                    let e = index.0.entity(c.entity);
                    e.kind == "city" && e.at.is_some_and(|(lat, lon)| v.view.contains(lon, lat))
                })
                .map(|c| c.mentions)
                .sum();
            inside * 2 > total
        })
        .unwrap_or(basemap().len().saturating_sub(1))
}

fn same_place(selected: Option<&AttrValue>, name: &str) -> bool {
    selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(name))
}

fn doc_label(title: &str) -> String {
    match title.char_indices().nth(36) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_owned(),
    }
}

#[function_component]
pub fn CityMap(props: &CityMapProps) -> Html {
    let index = props.index;
    // (The index's generation too: a split index's place lists arrive later.)
    crate::app::shards::use_shards(index.0);
    let counts =
        crate::app::shards::use_complete(index.0, props.counted.clone(), index.1, move |counted| {
            place_counts(index.0, counted.as_ref().map(|c| c.as_slice()))
        });
    let all = crate::app::shards::use_complete(index.0, (), index.1, move |_| {
        place_counts(index.0, None)
    });
    let view_no = use_state(|| best_view(index, &all));
    let views = basemap();
    let camera = use_state(|| {
        views.get(*view_no).map_or(
            Camera {
                cx: 0.0,
                cy: 0.0,
                zoom: 1.0,
            },
            Camera::home,
        )
    });
    let table = use_state(|| false);
    let svg_ref = use_node_ref();
    // Drag state: the pointer's last position, and whether it moved enough
    // that the click it ends is not a click on a mark.
    let drag: Rc<RefCell<Option<(f64, f64)>>> = use_mut_ref(|| None);
    let dragged = use_mut_ref(|| false);

    // Wheel zoom needs a listener that may cancel scrolling (yew's are passive).
    {
        let svg_ref = svg_ref.clone();
        let camera = camera.clone();
        use_effect_with((*view_no, *camera), move |_| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                EventListener::new_with_options(
                    &svg,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        if let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() {
                            let next = camera.zoomed(if w.delta_y() < 0.0 { 1.25 } else { 0.8 });
                            // At a zoom limit the wheel scrolls the page, as anywhere else.
                            if next == *camera {
                                return;
                            }
                            e.prevent_default();
                            camera.set(next);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    let Some(base) = views.get(*view_no) else {
        return html! { <section class="panel map" aria-label="City map"><p>{ "The map is not available." }</p></section> };
    };
    let switch = |to: usize| {
        let view_no = view_no.clone();
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(v) = basemap().get(to) {
                view_no.set(to);
                camera.set(Camera::home(v));
            }
        })
    };
    let zoom_by = |factor: f32| {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| camera.set(camera.zoomed(factor)))
    };
    let onkeydown = {
        let camera = camera.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = 60.0 / camera.zoom;
            let next = match e.key().as_str() {
                "+" | "=" => camera.zoomed(1.25),
                "-" | "_" => camera.zoomed(0.8),
                "ArrowLeft" => camera.panned(base, -step, 0.0),
                "ArrowRight" => camera.panned(base, step, 0.0),
                "ArrowUp" => camera.panned(base, 0.0, -step),
                "ArrowDown" => camera.panned(base, 0.0, step),
                "0" => Camera::home(base),
                _ => return,
            };
            e.prevent_default();
            camera.set(next);
        })
    };
    let onpointerdown = {
        let drag = drag.clone();
        let dragged = dragged.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((f64::from(e.client_x()), f64::from(e.client_y())));
            *dragged.borrow_mut() = false;
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let dragged = dragged.clone();
        let camera = camera.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let Some((x0, y0)) = *drag.borrow() else {
                return;
            };
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if !*dragged.borrow() && (x - x0).hypot(y - y0) < 4.0 {
                return;
            }
            if !*dragged.borrow() {
                // Keep receiving moves outside the map while dragging.
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            *dragged.borrow_mut() = true;
            let width = svg_ref
                .cast::<web_sys::Element>()
                .map_or(480.0, |s| s.get_bounding_client_rect().width())
                .max(1.0);
            let k = (base.view.width / camera.zoom) as f64 / width;
            *drag.borrow_mut() = Some((x, y));
            camera.set(camera.panned(base, ((x0 - x) * k) as f32, ((y0 - y) * k) as f32));
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };

    let (vx, vy, vw, vh) = camera.view_box(base);
    let unit = units_per_px(base) / camera.zoom;
    let max_mentions = counts.iter().map(|c| c.mentions).max().unwrap_or(1).max(1) as f32;
    let cities: Vec<(&PlaceCount, &str, f32, f32)> = counts
        .iter()
        .filter_map(|c| {
            let e = index.0.entity(c.entity);
            let (lat, lon) = e.at?;
            (e.kind == "city").then(|| {
                let (x, y) = base.view.project(lon, lat);
                (c, e.name, x, y)
            })
        })
        .collect();
    let (inside, outside): (Vec<_>, Vec<_>) = cities.iter().partition(|(_, _, x, y)| {
        (0.0..=base.view.width).contains(x) && (0.0..=base.view.height).contains(y)
    });

    // Labels, biggest first, right of the mark or else left of it, where
    // they stay on the map and clear of one another.
    let mut placed: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut labels: std::collections::HashMap<u32, (f32, &str)> = std::collections::HashMap::new();
    for (c, name, x, y) in &inside {
        let r = radius(c.mentions, max_mentions) * unit;
        let w = (name.chars().count() as f32 * 7.0 + 4.0) * unit;
        let h = 14.0 * unit;
        let sides = [
            (x + r + 3.0 * unit, "start"),
            (x - r - 3.0 * unit - w, "end"),
        ];
        for (left, anchor) in sides {
            let bx = (left, y - h / 2.0, w, h);
            let clear = placed.iter().all(|p| {
                bx.0 + bx.2 < p.0 || p.0 + p.2 < bx.0 || bx.1 + bx.3 < p.1 || p.1 + p.3 < bx.1
            });
            let on_map = bx.0 > vx && bx.0 + bx.2 < vx + vw && bx.1 > vy && bx.1 + bx.3 < vy + vh;
            if clear && on_map {
                placed.push(bx);
                let tx = if anchor == "start" { left } else { left + w };
                labels.insert(c.entity, (tx, anchor));
                break;
            }
        }
    }

    let first_mark = std::cell::Cell::new(false);
    let marks = inside.iter().rev().map(|(c, name, x, y)| {
        let r = radius(c.mentions, max_mentions) * unit;
        let on = same_place(props.selected.as_ref(), name);
        let docs = c.docs.len();
        let label = format!(
            "{name}: {} mention{} in {docs} document{}",
            c.mentions,
            if c.mentions == 1 { "" } else { "s" },
            if docs == 1 { "" } else { "s" }
        );
        let mut tip = label.clone();
        for (d, n) in &c.docs {
            tip.push_str(&format!("\n{}: {n}", doc_label(index.0.doc(*d).title)));
        }
        let activate = {
            let on_place = props.on_place.clone();
            let dragged = dragged.clone();
            let name = (*name).to_owned();
            move || {
                if !*dragged.borrow() {
                    on_place.emit((!on).then(|| name.clone()));
                }
            }
        };
        let (onclick, activate) = super::activation(activate);
        // One Tab stop for all the marks: arrows move between them.
        let onkeydown = Callback::from(move |k: KeyboardEvent| {
            if !super::rove(&k, ".map-svg", ".mark") {
                activate.emit(k);
            }
        });
        let tabindex = if first_mark.replace(true) { "-1" } else { "0" };
        let text = labels.get(&c.entity).map(|(tx, anchor)| {
            html! { <text x={tx.to_string()} y={(y + 4.5 * unit).to_string()} text-anchor={*anchor} font-size={(12.5 * unit).to_string()} aria-hidden="true">{ *name }</text> }
        });
        html! {
            <g key={c.entity} class={classes!("mark", on.then_some("mark-on"))} {tabindex} role="button"
               aria-pressed={on.to_string()} aria-label={label} data-city={*name} data-count={c.mentions.to_string()}
               {onclick} {onkeydown}>
                <title>{ tip }</title>
                <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} stroke-width={(1.5 * unit).to_string()} />
                { for text }
            </g>
        }
    });

    let others = outside.iter().enumerate().map(|(k, (c, name, _, _))| {
        let to = views.iter().position(|v| index.0.entity(c.entity).at.is_some_and(|(lat, lon)| v.view.contains(lon, lat)));
        let onclick = to.map(&switch);
        let tabindex = if k == 0 { "0" } else { "-1" };
        html! { <li><button class="chip" {onclick} {tabindex} onkeydown={super::chip_keys()}>{ *name }<span class="count">{ c.mentions }</span></button></li> }
    });
    let regions = counts.iter().filter(|c| index.0.entity(c.entity).kind != "city").enumerate().map(|(k, c)| {
        let tabindex = if k == 0 { "0" } else { "-1" };
        let e = index.0.entity(c.entity);
        let on = same_place(props.selected.as_ref(), e.name);
        let onclick = {
            let on_place = props.on_place.clone();
            let name = e.name.to_owned();
            Callback::from(move |_: MouseEvent| on_place.emit((!on).then(|| name.clone())))
        };
        html! {
            <li><button class={classes!("chip", on.then_some("chip-on"))} aria-pressed={on.to_string()} {onclick} {tabindex}
                 onkeydown={super::chip_keys()} title={e.kind}>{ e.name }<span class="count">{ c.mentions }</span></button></li>
        }
    });
    let rows = counts.iter().map(|c| {
        let e = index.0.entity(c.entity);
        let docs: Vec<String> = c.docs.iter().map(|(d, n)| format!("{} ({n})", doc_label(index.0.doc(*d).title))).collect();
        html! { <tr><th scope="row">{ e.name }</th><td>{ e.kind }</td><td class="num">{ c.mentions }</td><td>{ docs.join(", ") }</td></tr> }
    });

    let tabs = views.iter().enumerate().map(|(i, v)| {
        let on = i == *view_no;
        html! { <button class={classes!("tab", on.then_some("tab-on"))} aria-pressed={on.to_string()} onclick={switch(i)}>{ v.title }</button> }
    });
    let toggle_table = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| table.set(!*table))
    };
    let countries = base
        .countries
        .iter()
        .map(|(name, d)| html! { <path d={*d}><title>{ *name }</title></path> });
    let summary = match &props.counted {
        None => "Places named in the whole corpus".to_owned(),
        Some(_) => "Places named in the results".to_owned(),
    };

    html! {
        <section class="panel map" role="region" aria-label="City map">
            <div class="panel-head">
                <h2>{ "City map" }</h2>
                <div class="tabs" role="group" aria-label="Map view">{ for tabs }</div>
                <button class="tab" aria-pressed={table.to_string()} onclick={toggle_table}>{ "Table" }</button>
            </div>
            <p class="panel-note">{ summary }{ if counts.is_empty() { ": none." } else { "." } }</p>
            if *table {
                <table class="place-table">
                    <caption class="visually-hidden">{ "Places and their mentions" }</caption>
                    <thead><tr><th scope="col">{ "Place" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Mentions" }</th><th scope="col">{ "Documents" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            } else {
                <div class="map-frame">
                    <svg ref={svg_ref} class="map-svg" viewBox={format!("{vx} {vy} {vw} {vh}")} tabindex="0"
                         aria-label={format!("Map of {}: arrow keys pan, plus and minus zoom, 0 resets", base.title)}
                         {onkeydown} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                        <rect class="sea" x={vx.to_string()} y={vy.to_string()} width={vw.to_string()} height={vh.to_string()} />
                        <g class="land" stroke-width={(0.8 * unit).to_string()}>{ for countries }</g>
                        <g class="marks">{ for marks }</g>
                    </svg>
                    <div class="zoom" role="group" aria-label="Zoom">
                        <button aria-label="Zoom in" onclick={zoom_by(1.5)}>{ "+" }</button>
                        <button aria-label="Zoom out" onclick={zoom_by(1.0 / 1.5)}>{ "−" }</button>
                    </div>
                </div>
            }
            if !outside.is_empty() {
                <div class="facet"><h3>{ "Elsewhere" }</h3><ul class="chips">{ for others }</ul></div>
            }
            if counts.iter().any(|c| index.0.entity(c.entity).kind != "city") {
                <div class="facet"><h3>{ "Regions and countries" }</h3><ul class="chips">{ for regions }</ul></div>
            }
            <p class="credit">{ "Map: Natural Earth. Places: GeoNames (CC BY 4.0)." }</p>
        </section>
    }
}

/// Mark radius in screen pixels: area grows with mentions.
fn radius(mentions: u32, max: f32) -> f32 {
    4.0 + 14.0 * (mentions as f32 / max).sqrt()
}
