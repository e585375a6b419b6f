//! The corpus a site carries: its index, its map's basemap and its fold
//! table, in one block of bytes that `atlas site` writes into the compiled
//! app's wasm (see `site::wasm`). The app is compiled once, without any
//! corpus; changing the texts rebuilds the index and rewrites this block,
//! with no Rust compiler involved.
//!
//! Layout (little-endian):
//! ```text
//! MAGIC (16 bytes) | index length u32 | basemap length u32 | fold length u32 | flags u32
//! examples length u32 | 0u32
//! index bytes | basemap text (UTF-8) | fold table | examples (UTF-8)
//! ```
//!
//! The examples are the start page's queries and the search box's
//! placeholder (`engine::overview::examples`), worked out once by the
//! builder: the same for every visitor, and on a split site they would
//! fetch places' postings and texts at first paint.
//!
//! Flag 1: the index's tables are byte planes (`engine::index::planes`),
//! which compress better; the app turns them back in place at start.
//!
//! The wasm finds the block through [`SLOT_MAGIC`]: a static of the app
//! holding the magic and two words, the block's address and length, which
//! the builder patches. Until then both words are [`EMPTY`] (never zero, so
//! `wasm-opt` cannot drop them as zero-filled memory).

/// The first bytes of a payload.
pub const MAGIC: [u8; 16] = *b"corpus-atlas:p2\n";

/// The bytes that mark the app's slot in its data segments; the next eight
/// bytes are the payload's address and length.
pub const SLOT_MAGIC: [u8; 16] = *b"atlas-slot:v1:@@";

/// An address or length of a slot no payload was written into.
pub const EMPTY: u32 = u32::MAX;

const HEADER: usize = 40;
/// Where the flags word is.
const FLAGS_AT: usize = 28;
/// Flag: the index's tables are byte planes.
const PLANES: u32 = 1;

/// A payload's parts, borrowed from its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Payload<'a> {
    /// The index (`engine::Index::open` reads it in place), or, when
    /// `planes` is set, its byte planes (see [`Payload::plain_index`]).
    pub index: &'a [u8],
    /// The index's tables are byte planes.
    pub planes: bool,
    /// The map's views, as `geo::parse_basemap` reads them.
    pub basemap: &'a str,
    /// The fold table (`engine::analysis::fold`).
    pub fold: &'a [u8],
    /// The start page's examples, as `Examples::to_text` writes them.
    pub examples: &'a str,
}

/// Why a payload cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// The app was compiled but no corpus was written into it.
    Missing,
    /// The bytes are not a payload this app can read.
    Damaged(&'static str),
}

impl std::fmt::Display for PayloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayloadError::Missing => f.write_str(
                "this app carries no corpus: build the site with `atlas site OUT --corpus DIR` (or `make build`), not with trunk alone",
            ),
            PayloadError::Damaged(what) => write!(f, "the corpus in this app is damaged ({what}): build the site again"),
        }
    }
}

impl std::error::Error for PayloadError {}

fn word(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
}

impl<'a> Payload<'a> {
    /// Reads a payload's parts.
    pub fn parse(bytes: &'a [u8]) -> Result<Payload<'a>, PayloadError> {
        if bytes.get(..MAGIC.len()) != Some(&MAGIC[..]) {
            return Err(PayloadError::Damaged("no payload header"));
        }
        let short = PayloadError::Damaged("shorter than its header says");
        let lengths = [16, 20, 24, 32].map(|at| word(bytes, at));
        let [Some(index), Some(basemap), Some(fold), Some(examples)] = lengths else {
            return Err(short);
        };
        let basemap_at = HEADER.checked_add(index).ok_or(short.clone())?;
        let fold_at = basemap_at.checked_add(basemap).ok_or(short.clone())?;
        let examples_at = fold_at.checked_add(fold).ok_or(short.clone())?;
        let end = examples_at.checked_add(examples).ok_or(short.clone())?;
        if bytes.len() != end {
            return Err(short);
        }
        let basemap = std::str::from_utf8(&bytes[basemap_at..fold_at])
            .map_err(|_| PayloadError::Damaged("the basemap is not UTF-8"))?;
        let examples = std::str::from_utf8(&bytes[examples_at..end])
            .map_err(|_| PayloadError::Damaged("the examples are not UTF-8"))?;
        Ok(Payload {
            index: &bytes[HEADER..basemap_at],
            planes: word(bytes, FLAGS_AT).is_some_and(|f| f as u32 & PLANES != 0),
            basemap,
            fold: &bytes[fold_at..examples_at],
            examples,
        })
    }

    /// The index as `engine::Index::open` reads it.
    pub fn plain_index(&self) -> std::borrow::Cow<'a, [u8]> {
        if !self.planes {
            return self.index.into();
        }
        let mut plain = self.index.to_vec();
        crate::engine::index::planes::from_planes(&mut plain);
        plain.into()
    }

    /// The payload's bytes, its index's tables as byte planes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(HEADER + self.index.len() + self.basemap.len() + self.fold.len() + self.examples.len());
        out.extend_from_slice(&MAGIC);
        for len in [self.index.len(), self.basemap.len(), self.fold.len(), PLANES as usize, self.examples.len(), 0] {
            out.extend_from_slice(&(len as u32).to_le_bytes());
        }
        let at = out.len();
        out.extend_from_slice(self.index);
        if !self.planes {
            crate::engine::index::planes::to_planes(&mut out[at..]);
        }
        out.extend_from_slice(self.basemap.as_bytes());
        out.extend_from_slice(self.fold);
        out.extend_from_slice(self.examples.as_bytes());
        out
    }
}

/// The payload `atlas site` wrote into this wasm, if any.
#[cfg(target_arch = "wasm32")]
pub fn embedded() -> Result<Payload<'static>, PayloadError> {
    #[repr(C)]
    struct Slot {
        magic: [u8; 16],
        at: u32,
        len: u32,
    }
    #[used]
    static SLOT: Slot = Slot { magic: SLOT_MAGIC, at: EMPTY, len: EMPTY };
    // Volatile: the builder changes these words after compilation, so the
    // compiler must not fold them to the values written above.
    // SAFETY: plain reads of a static's fields.
    let (at, len) = unsafe { (std::ptr::read_volatile(&SLOT.at), std::ptr::read_volatile(&SLOT.len)) };
    if at == EMPTY || len == EMPTY {
        return Err(PayloadError::Missing);
    }
    static PLAIN: std::sync::Once = std::sync::Once::new();
    // SAFETY: the builder placed `len` bytes at `at` in a data segment of
    // their own, in pages added to the memory's initial size above all of
    // the program's data; the allocator only takes pages it grows, so
    // nothing else writes there while the program runs. They are written
    // once, here, before any shared reference to them exists (`Once`).
    PLAIN.call_once(|| unsafe { plain_in_place(std::slice::from_raw_parts_mut(at as usize as *mut u8, len as usize)) });
    // SAFETY: as above; no one writes them from now on.
    let bytes = unsafe { std::slice::from_raw_parts(at as usize as *const u8, len as usize) };
    Payload::parse(bytes)
}

/// Turns a payload's byte planes back into tables, in place, and clears
/// the flag that said they were planes.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn plain_in_place(bytes: &mut [u8]) {
    let Ok(Payload { index, planes: true, .. }) = Payload::parse(bytes) else {
        return;
    };
    let range = HEADER..HEADER + index.len();
    crate::engine::index::planes::from_planes(&mut bytes[range]);
    bytes[FLAGS_AT..FLAGS_AT + 4].copy_from_slice(&0u32.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_reads_back_its_parts() {
        let fold = [1u8, 2, 3];
        let written =
            Payload { index: b"index bytes", planes: false, basemap: "view\tWorld\n", fold: &fold, examples: "Search…\nParis" }
                .to_bytes();
        let read = Payload::parse(&written).unwrap();
        assert_eq!(read.plain_index().as_ref(), b"index bytes");
        assert_eq!(read.basemap, "view\tWorld\n");
        assert_eq!(read.fold, &fold);
        assert_eq!(read.examples, "Search…\nParis");
    }

    #[test]
    fn damaged_payloads_are_refused_not_misread() {
        let written = Payload { index: b"abc", planes: false, basemap: "", fold: &[], examples: "" }.to_bytes();
        assert!(Payload::parse(&written[..written.len() - 1]).is_err(), "truncated");
        assert!(Payload::parse(&[written.as_slice(), b"x"].concat()).is_err(), "trailing bytes");
        assert!(Payload::parse(b"not a payload at all, really").is_err());
        let mut huge = written.clone();
        huge[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Payload::parse(&huge).is_err(), "a length past the end");
    }

    #[test]
    fn the_slot_magic_is_not_zero_filled() {
        // wasm-opt drops zero runs from data segments: the slot must survive it.
        assert!(SLOT_MAGIC.iter().all(|&b| b != 0));
        assert!(EMPTY.to_le_bytes().iter().all(|&b| b != 0));
    }
}
