//! The city map: where the corpus (or the current results) is about.
//!
//! The background is the committed basemap (three views, drawn as they are);
//! each city the counted sections name gets a mark sized by its mentions,
//! labelled where labels do not collide, with its counts per document as a
//! tooltip. Activating a mark (click, Enter, Space) filters the results to
//! the passages naming it (`city:` in the query, hence in the URL); doing it
//! again lifts the filter. Zoom and pan: wheel, drag (mouse, pen or touch),
//! the buttons, or the keyboard (+, −, arrows, 0) on the focused map.
//!
//! The geometry (camera, label placement) is [`crate::view::map`].

mod card;
mod chips;
mod marks;
mod table;

use std::rc::Rc;

use yew::prelude::*;

use crate::view::svg::{num, Num};

use crate::app::hooks::{use_drag_pan, use_wheel_zoom, DragPan};
use crate::app::shards::{use_complete, use_shards};
use crate::app::IndexRef;
use crate::engine::overview::places::{place_counts, PlaceCount};
use crate::geo::{parse_basemap, BaseView};
use crate::geo::{core_places, View};
use crate::view::map::{best_view, offered_views, on_view, units_per_px, Camera};
use marks::{City, MarkContext};

fn basemap() -> &'static [BaseView] {
    thread_local! {
        static VIEWS: &'static [BaseView] = Box::leak(parse_basemap(crate::basemap()).into_boxed_slice());
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
    /// Open the reader at (document id, section within the document).
    pub on_open: Callback<(String, Option<u32>)>,
}

/// The cities counted: position (lat, lon) and mentions.
fn cities_of(index: IndexRef, counts: &[PlaceCount]) -> Vec<(Option<(f32, f32)>, u32)> {
    counts
        .iter()
        .map(|c| (index.0.entity(c.entity), c.mentions))
        .filter(|(e, _)| e.kind == "city")
        .map(|(e, n)| (e.at, n))
        .collect()
}

fn base_views() -> Vec<View> {
    basemap().iter().map(|v| v.view).collect()
}

/// The basemap view that suits the places counted (see [`best_view`]).
fn view_for(index: IndexRef, counts: &[PlaceCount]) -> usize {
    best_view(&base_views(), &cities_of(index, counts))
}

/// How the map opens on view `view_no`: zoomed to the most named cities
/// in it (see [`Camera::fit`]), or whole when it is the close-up, which was
/// cut around them.
fn opening(index: IndexRef, view_no: usize, counts: &[PlaceCount]) -> Camera {
    let Some(base) = basemap().get(view_no) else {
        return Camera::NOWHERE;
    };
    let v = base.view;
    if base.name == "close" {
        return Camera::home(&v);
    }
    let places: Vec<((f32, f32), u32)> = cities_of(index, counts)
        .into_iter()
        .filter_map(|(at, n)| Some((at?, n)))
        .filter(|&((lat, lon), _)| v.contains(lon, lat))
        .map(|((lat, lon), n)| (v.project(lon, lat), n))
        .collect();
    Camera::fit(&v, &core_places(&places))
}

#[function_component]
pub fn CityMap(props: &CityMapProps) -> Html {
    let index = props.index;
    // (The index's generation too: a split index's place lists arrive later.)
    use_shards(index.0);
    let counts = use_complete(index.0, props.counted.clone(), index.1, move |counted| {
        place_counts(index.0, counted.as_ref().map(|c| c.as_slice()))
    });
    let all = use_complete(index.0, (), index.1, move |_| place_counts(index.0, None));
    let view_no = use_state(|| view_for(index, &all));
    let views = basemap();
    let camera = use_state(|| opening(index, *view_no, &all));
    let table = use_state(|| false);
    // The city whose card is shown (its entity).
    let focused = use_state(|| None::<u32>);
    let svg_ref = use_node_ref();
    let drag = use_drag_pan(
        svg_ref.clone(),
        camera.clone(),
        views.get(*view_no).map(|v| v.view),
    );
    // Wheel zoom needs a listener that may cancel scrolling (yew's are passive).
    use_wheel_zoom(
        svg_ref.clone(),
        camera.clone(),
        // (The table toggles the drawing away and back: a new element to listen on.)
        (*view_no, *camera, *table),
        |c, up| c.wheeled(up),
    );

    let Some(base) = views.get(*view_no) else {
        return html! { <section class="panel map" aria-label="City map"><p>{ "The map is not available." }</p></section> };
    };
    let switch = switcher(&view_no, &camera);
    let offered = offered_views(&base_views(), &cities_of(index, &all), *view_no);
    let cities: Vec<City> = counts
        .iter()
        .filter_map(|c| {
            let e = index.0.entity(c.entity);
            let (lat, lon) = e.at?;
            (e.kind == "city").then(|| {
                let (x, y) = base.view.project(lon, lat);
                City {
                    count: c,
                    name: e.name,
                    x,
                    y,
                }
            })
        })
        .collect();
    let (inside, outside): (Vec<&City>, Vec<&City>) =
        cities.iter().partition(|c| on_view(&base.view, c.x, c.y));
    let summary = match &props.counted {
        None => "Places named in the whole corpus".to_owned(),
        Some(_) => "Places named in the results".to_owned(),
    };
    let on_focus = {
        let focused = focused.clone();
        Callback::from(move |entity: u32| focused.set(Some(entity)))
    };
    let marks = MarkContext {
        index,
        selected: props.selected.as_deref(),
        on_place: &props.on_place,
        dragged: &drag.dragged,
        on_focus: &on_focus,
    };
    let card = card::place_card(index, focused.and_then(|f| counts.iter().find(|c| c.entity == f)), &props.on_open);
    let has_regions = counts
        .iter()
        .any(|c| index.0.entity(c.entity).kind != "city");

    html! {
        <section class="panel map" role="region" aria-label="City map">
            { head(views, &offered, *view_no, shower(&view_no, &camera), &table) }
            <p class="panel-note">{ summary }{ if counts.is_empty() { ": none." } else { "." } }</p>
            if *table {
                { table::place_table(index, &counts) }
            } else {
                { frame(base, &camera, svg_ref, &drag, marks.render(base, *camera, &inside, &counts)) }
                { card }
            }
            // Laid out whatever the view (empty when every place is on it),
            // so switching views does not move what is under the map.
            <div class={classes!("facet", "elsewhere", outside.is_empty().then_some("invisible"))} aria-hidden={outside.is_empty().then_some("true")}>
                <h3>{ "Elsewhere" }</h3>
                <ul class="chips">
                    if outside.is_empty() {
                        <li><span class="chip">{ "–" }</span></li>
                    } else {
                        { chips::elsewhere(index, views, &outside, &switch) }
                    }
                </ul>
            </div>
            if has_regions {
                <div class="facet"><h3>{ "Regions and countries" }</h3><ul class="chips">{ chips::regions(index, &counts, props.selected.as_deref(), &props.on_place) }</ul></div>
            }
            <p class="credit">{ "Map: Natural Earth. Places: GeoNames (CC BY 4.0)." }</p>
        </section>
    }
}

/// A handler that shows another basemap view, whole.
fn switcher(
    view_no: &UseStateHandle<usize>,
    camera: &UseStateHandle<Camera>,
) -> impl Fn(usize) -> Callback<MouseEvent> {
    let show = shower(view_no, camera);
    move |to: usize| {
        let show = show.clone();
        Callback::from(move |_: MouseEvent| show(to))
    }
}

/// Shows basemap view `to`, whole.
fn shower(view_no: &UseStateHandle<usize>, camera: &UseStateHandle<Camera>) -> Rc<dyn Fn(usize)> {
    let (view_no, camera) = (view_no.clone(), camera.clone());
    Rc::new(move |to: usize| {
        if let Some(v) = basemap().get(to) {
            view_no.set(to);
            camera.set(Camera::home(&v.view));
        }
    })
}

/// The heading, the view chooser and the table's toggle, on one line
/// whatever the number of views (a row of tabs wrapped to three).
fn head(
    views: &[BaseView],
    offered: &[usize],
    view_no: usize,
    show: Rc<dyn Fn(usize)>,
    table: &UseStateHandle<bool>,
) -> Html {
    let options = offered.iter().filter_map(|&i| Some((i, views.get(i)?))).map(|(i, v)| {
        html! { <option value={i.to_string()} selected={i == view_no}>{ v.title }</option> }
    });
    let onchange = Callback::from(move |e: Event| {
        use wasm_bindgen::JsCast;
        let chosen = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse().ok());
        if let Some(to) = chosen {
            show(to);
        }
    });
    let toggle_table = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| table.set(!*table))
    };
    html! {
        <div class="panel-head">
            <h2>{ "City map" }</h2>
            <select class="view-choice" aria-label="Map view" {onchange}>{ for options }</select>
            <button class="tab" aria-pressed={table.to_string()} onclick={toggle_table}>{ "Table" }</button>
        </div>
    }
}

/// The drawing (sea, land, marks) and its zoom buttons.
fn frame(
    base: &'static BaseView,
    camera: &UseStateHandle<Camera>,
    svg_ref: NodeRef,
    drag: &DragPan,
    marks: Html,
) -> Html {
    let zoom_by = |factor: f32| {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| camera.set(camera.zoomed(factor)))
    };
    let onkeydown = {
        let camera = camera.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = camera.after_key(&base.view, &e.key()) else {
                return;
            };
            e.prevent_default();
            camera.set(next);
        })
    };
    let (vx, vy, vw, vh) = camera.view_box(&base.view);
    let unit = units_per_px(&base.view) / camera.zoom;
    let countries = base
        .countries
        .iter()
        .map(|(name, d)| html! { <path d={*d}><title>{ *name }</title></path> });
    let (onpointerdown, onpointermove, onpointerup) = (
        drag.onpointerdown.clone(),
        drag.onpointermove.clone(),
        drag.onpointerup.clone(),
    );
    html! {
        <div class="map-frame">
            <svg ref={svg_ref} class="map-svg" viewBox={format!("{} {} {} {}", Num(vx), Num(vy), Num(vw), Num(vh))} tabindex="0"
                 aria-label={format!("Map of {}: arrow keys pan, plus and minus zoom, 0 resets", base.title)}
                 {onkeydown} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <rect class="sea" x={num(vx)} y={num(vy)} width={num(vw)} height={num(vh)} />
                <g class="land" stroke-width={num(0.8 * unit)}>{ for countries }</g>
                { marks }
            </svg>
            <div class="zoom" role="group" aria-label="Zoom">
                <button aria-label="Zoom in" onclick={zoom_by(1.5)}>{ "+" }</button>
                <button aria-label="Zoom out" onclick={zoom_by(1.0 / 1.5)}>{ "−" }</button>
            </div>
        </div>
    }
}
