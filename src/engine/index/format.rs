//! The index byte format, shared by the writer (`engine::build`) and the
//! reader ([`super::open`]) so the two cannot drift apart; the records
//! themselves are encoded and decoded in [`super::records`].
//!
//! ```text
//! Version 11. All integers little-endian. Offsets are from the start of the file.
//!
//! +-------------------- header, 144 bytes -------------------+
//! |  0  magic        b"CATLAS\r\n"                            |
//! |  8  version      u32 = 11                                 |
//! | 12  flags        u32: 1 = split (postings and texts are   |
//! |                  in shard files, see below)               |
//! | 16  fst          u32 offset, u32 length                   |
//! | 24  postings     u32 offset, u32 length                   |
//! | 32  sections     u32 offset, u32 count                    |
//! | 40  documents    u32 offset, u32 count                    |
//! | 48  strings      u32 offset, u32 length                   |
//! | 56  entities     u32 offset, u32 count                    |
//! | 64  aside        u32 offset, u32 count                    |
//! | 72  variants     u32 offset, u32 length                   |
//! | 80  avg_len      f32: mean tokens per section (BM25)      |
//! | 84  terms        u32: distinct surface terms              |
//! | 88  events       u32 offset, u32 count                    |
//! | 96  texts        u32 offset, u32 length                   |
//! | 104 postings shards  u32 offset, u32 count                |
//! | 112 text shards      u32 offset, u32 count                |
//! | 120 ranges       u32 offset, u32 length                   |
//! | 128 spelling shards  u32 offset, u32 count                |
//! | 136 places       u32 offset, u32 length                   |
//! +-----------------------------------------------------------+
//! fst        fst::Map over three key spaces:
//!              term                 -> offset of its list in `postings`
//!                                      (low 32 bits) and its document
//!                                      frequency (high 32 bits)
//!              \x01 lang ":" form   -> offset in `variants` (a stem or Korean noun, see lang.rs)
//!              \x03 alias words     -> entity ordinal (see `entities`)
//! variants   per variant key: varint n, then n varint postings offsets of the
//!              surface terms it stands for (delta-coded, ascending): a variant
//!              points at its terms instead of repeating their positions
//! postings   per key: varint df, then df entries of
//!              varint section (delta from the previous entry; first absolute)
//!              varint tf
//!              tf x varint position (delta from the previous; first absolute)
//! sections   count x 36 bytes: u32 doc, u32 text start, u32 text end (byte
//!              range in the document text), StrRef title, u32 token count,
//!              StrRef language, u16 first and u16 one-past-last token position
//!              of the title in the section (equal when it is not in the text)
//! documents  count x 80 bytes, sorted by id: StrRef id, title, source, date,
//!              lang, url, text, author; u32 first section, u32 section count,
//!              u32 first aside span, u32 aside span count
//! entities   count x 36 bytes: StrRef name, StrRef kind, u32 postings offset,
//!            f32 latitude, f32 longitude (NaN for things that are not on the map),
//!            StrRef note (why this place over another of its name; empty if none)
//! aside      count x 8 bytes: u32 start, u32 end: byte ranges of a document's
//!              text set aside as page furniture (shown, never indexed)
//! events     count x 20 bytes, sorted by section then day: u32 section,
//!              i32 first day, i32 last day (days since 1970-01-01), u32 byte
//!              offset in the document text, u16 byte length, u8 precision
//!              (time::Precision), u8 flags (1 relative, 2 publication date,
//!              4 inferred); a publication date has no bytes
//! strings    UTF-8 text; a StrRef is u32 offset + u32 length into it
//! texts      UTF-8 text of the documents, one after another; a document's
//!              text StrRef points into this region, not into `strings`
//! shards     count x 28 bytes: u32 start, u32 length (a byte range of the
//!              postings or texts region), u32 lead (bytes of the file before
//!              that range: a postings shard's part of the term dictionary,
//!              see below), then the first 16 bytes of the SHA-256 of the
//!              file (which also name it)
//! ranges     (split only) per run of surface keys held by one postings
//!              shard, ascending: u32 shard, u16 length, the run's first key
//! places     (split only) per section, in order: varint n, then n pairs of
//!              varint entity (delta from the previous; first absolute) and
//!              varint mentions: the places it names, so the map counts them
//!              without fetching every place's postings
//! ```
//!
//! In a split index the term dictionary is cut by key range: a postings
//! shard's file begins with the part for the terms whose lists it holds (u32
//! length, an `fst::Map` of those terms and of the variant keys whose form
//! falls in its range, then the variant lists those keys point into), so
//! the word and its list arrive in one request. The head's `fst` keeps only
//! the aliases, and `variants` is empty. What typo correction walks is cut
//! by length instead: spelling shard L-1 is an `fst::Map` of the surface
//! terms of L characters (L = 1 to 34) to their document frequency, and of
//! the Korean noun keys whose noun has L syllables to their number of forms,
//! so a word with no match fetches the lists of its length give or take
//! one or two.
//!
//! A *whole* index (flags 0) holds every region and no shards: the app embeds
//! it. A *split* index (flags 1) leaves the postings and texts regions empty
//! (length 0) and lists the shards that hold them: ranges cut at list and
//! document boundaries, ascending and contiguous from 0, each in its own file
//! named by its hash ([`shard_file`]). The reader fetches a shard when a query
//! first needs it and checks its length and hash before using it.
//!
//! The reader validates the header and every table's bounds when it opens the
//! bytes (one pass over the small tables, no copying), so a truncated or
//! corrupted index is an error, never an out-of-bounds read.

/// First eight bytes of every index.
pub const MAGIC: &[u8; 8] = b"CATLAS\r\n";
/// The format version this code writes and reads.
pub const VERSION: u32 = 11;
/// Size of the fixed header.
pub const HEADER_LEN: usize = 144;
/// Header flag: postings and texts live in shard files.
pub const FLAG_SPLIT: u32 = 1;
/// Bytes of a shard's hash kept in its record and its file name.
pub const SHARD_HASH_LEN: usize = 16;

/// A shard's hash: the first 16 bytes of the SHA-256 of its bytes.
pub type ShardHash = [u8; SHARD_HASH_LEN];
/// Word lengths (characters) with a spelling list in a split index: the
/// longest word typo correction looks at, plus the two edits it allows.
pub const SPELLING_LENGTHS: usize = 34;
/// First character of alias keys in the FST.
pub const ALIAS_MARK: char = '\u{3}';
/// Kinds of entity that are places (drawn on the map or listed beside it);
/// other kinds (organisations, topics) are only searched.
pub const PLACE_KINDS: &[&str] = &[
    "city", "province", "country", "region", "district", "island",
];

/// The FST key of an alias in its normalised form (see `lang::alias_form`).
pub fn alias_key(form: &str) -> String {
    format!("{ALIAS_MARK}{form}")
}

/// The FST value of a term: its postings offset and document frequency.
pub fn term_value(offset: u32, df: u32) -> u64 {
    u64::from(offset) | u64::from(df) << 32
}

/// The hash that names a shard's file and checks its bytes on arrival: the
/// first 128 bits of SHA-256, so a host or a cache on the way cannot make
/// other bytes that pass for the shard.
pub fn shard_hash(bytes: &[u8]) -> ShardHash {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut out = [0; SHARD_HASH_LEN];
    out.copy_from_slice(&digest[..SHARD_HASH_LEN]);
    out
}

/// Lower-case hex of a shard hash, as in its file name.
pub fn shard_hex(hash: &ShardHash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a shard holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShardKind {
    /// A range of the postings region.
    Postings,
    /// A range of the texts region.
    Texts,
    /// The spelling list of one word length.
    Spelling,
}

/// A shard of a split index: what it holds and its place in the shard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShardId {
    /// Postings or texts.
    pub kind: ShardKind,
    /// Ordinal in its table.
    pub ord: u32,
}

/// The file name of a shard, relative to the app's directory.
pub fn shard_file(kind: ShardKind, hash: &ShardHash) -> String {
    match kind {
        ShardKind::Postings => format!("shards/p-{}.bin", shard_hex(hash)),
        ShardKind::Texts => format!("shards/t-{}.txt", shard_hex(hash)),
        ShardKind::Spelling => format!("shards/s-{}.bin", shard_hex(hash)),
    }
}

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a LEB128 varint at `*pos`, advancing it; `None` if the bytes end or
/// the value overflows a u32.
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        let part = u32::from(b & 0x7f);
        if shift == 28 && part > 0x0f {
            return None;
        }
        v |= part << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Appends `v` as a little-endian u32.
pub fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Reads the little-endian u32 at `at`, if it is in bounds.
pub fn get_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut buf = Vec::new();
        for v in values {
            put_varint(&mut buf, v);
        }
        let mut pos = 0;
        for v in values {
            assert_eq!(get_varint(&buf, &mut pos), Some(v));
        }
        assert_eq!(get_varint(&buf, &mut pos), None);
    }

    #[test]
    fn shard_names_carry_a_sha256_prefix() {
        // SHA-256("abc") starts ba7816bf 8f01cfea 414140de 5dae2223.
        let h = shard_hash(b"abc");
        assert_eq!(shard_hex(&h), "ba7816bf8f01cfea414140de5dae2223");
        assert_eq!(shard_file(ShardKind::Postings, &h), "shards/p-ba7816bf8f01cfea414140de5dae2223.bin");
    }

    #[test]
    fn overlong_varint_is_rejected() {
        let mut pos = 0;
        assert_eq!(get_varint(&[0xff, 0xff, 0xff, 0xff, 0x7f], &mut pos), None);
    }
}
