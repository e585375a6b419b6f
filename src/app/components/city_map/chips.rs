//! The map's chips: cities outside the view shown (each switches to a view
//! that holds it), and regions and countries (each filters like a city).

use yew::prelude::*;

use super::marks::City;
use crate::app::IndexRef;
use crate::engine::overview::places::PlaceCount;
use crate::geo::BaseView;
use crate::view::map::same_place;

/// "Elsewhere": the cities off this view, one Tab stop for the row.
pub fn elsewhere(
    index: IndexRef,
    views: &[BaseView],
    outside: &[&City],
    switch: &impl Fn(usize) -> Callback<MouseEvent>,
) -> Html {
    outside
        .iter()
        .enumerate()
        .map(|(k, city)| {
            let (c, name) = (city.count, city.name);
            let to = views.iter().position(|v| index.0.entity(c.entity).at.is_some_and(|(lat, lon)| v.view.contains(lon, lat)));
            let onclick = to.map(switch);
            let tabindex = if k == 0 { "0" } else { "-1" };
            html! { <li><button class="chip" {onclick} {tabindex} onkeydown={crate::app::components::chip_keys()}>{ name }<span class="count">{ c.mentions }</span></button></li> }
        })
        .collect()
}

/// "Regions and countries": the places counted that are not cities.
pub fn regions(
    index: IndexRef,
    counts: &[PlaceCount],
    selected: Option<&str>,
    on_place: &Callback<Option<String>>,
) -> Html {
    counts
        .iter()
        .filter(|c| index.0.entity(c.entity).kind != "city")
        .enumerate()
        .map(|(k, c)| {
            let tabindex = if k == 0 { "0" } else { "-1" };
            let e = index.0.entity(c.entity);
            let on = same_place(selected, e.name);
            let onclick = {
                let on_place = on_place.clone();
                let name = e.name.to_owned();
                Callback::from(move |_: MouseEvent| on_place.emit((!on).then(|| name.clone())))
            };
            html! {
                <li><button class={classes!("chip", on.then_some("chip-on"))} aria-pressed={on.to_string()} {onclick} {tabindex}
                     onkeydown={crate::app::components::chip_keys()} title={e.kind}>{ e.name }<span class="count">{ c.mentions }</span></button></li>
            }
        })
        .collect()
}
