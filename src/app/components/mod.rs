//! One component per file.

mod city_map;
mod doc_meta;
mod facets;
mod highlighted;
mod masthead;
mod overview;
mod reader;
mod result_item;
mod result_list;
mod search_box;
mod share;
mod timeline;

pub use city_map::CityMap;
pub use doc_meta::DocMeta;
pub use facets::FacetPanel;
pub use highlighted::Highlighted;
pub use masthead::Masthead;
pub use overview::Overview;
pub use reader::Reader;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use share::Share;
pub use timeline::Timeline;
