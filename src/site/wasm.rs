//! Writes a corpus [`payload`](crate::payload) into the compiled app's
//! wasm, without a compiler: the module's sections are copied as they are,
//! except three.
//! - The memory's initial size grows by the pages the payload needs.
//! - A data segment of its own puts the payload at the start of those
//!   pages. They lie above all of the program's data and stack; the
//!   allocator only uses pages it grows itself, so nothing overwrites them.
//! - The app's slot (found by [`SLOT_MAGIC`]) gets the payload's address
//!   and length; the data count, when the module has one, counts the new
//!   segment.

use crate::payload::{EMPTY, SLOT_MAGIC};

const PAGE: u64 = 65_536;
/// wasm32's largest memory, in pages (4 GiB).
const MAX_PAGES: u64 = 65_536;

const MEMORY_SECTION: u8 = 5;
const DATA_SECTION: u8 = 11;
const DATA_COUNT_SECTION: u8 = 12;

/// Why a wasm file cannot take a payload.
#[derive(Debug, PartialEq, Eq)]
pub struct WasmError(pub String);

impl std::fmt::Display for WasmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail<T>(what: impl Into<String>) -> Result<T, WasmError> {
    Err(WasmError(what.into()))
}

/// One section of a module: its id and its contents.
struct Section<'a> {
    id: u8,
    body: &'a [u8],
}

/// An unsigned LEB128 number at `at`: its value and the position after it.
fn read_leb(bytes: &[u8], at: usize) -> Result<(u64, usize), WasmError> {
    let mut value = 0u64;
    for (i, &b) in bytes.get(at..).unwrap_or_default().iter().enumerate().take(10) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Ok((value, at + i + 1));
        }
    }
    fail("the module ends inside a number")
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A signed LEB128 number (an `i32.const` operand).
fn write_sleb(out: &mut Vec<u8>, mut value: i64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, WasmError> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return fail("not a WebAssembly module (version 1)");
    }
    let mut out = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (len, start) = read_leb(wasm, at + 1)?;
        let end = start
            .checked_add(len as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or_else(|| WasmError("a section runs past the end of the module".into()))?;
        out.push(Section { id, body: &wasm[start..end] });
        at = end;
    }
    Ok(out)
}

/// The memory section with `extra` more initial pages; the payload's address.
fn grown_memory(body: &[u8], extra: u64) -> Result<(Vec<u8>, u64), WasmError> {
    let (count, at) = read_leb(body, 0)?;
    if count != 1 {
        return fail(format!("the module declares {count} memories, not one"));
    }
    let flags = *body.get(at).ok_or_else(|| WasmError("a memory without limits".into()))?;
    if flags & !1 != 0 {
        return fail("the memory is shared or 64-bit: build the app for plain wasm32");
    }
    let (initial, mut rest) = read_leb(body, at + 1)?;
    let grown = initial + extra;
    if grown > MAX_PAGES {
        return fail("the corpus does not fit in a wasm32 memory (4 GiB): build a split site (--split)");
    }
    let mut out = Vec::new();
    write_leb(&mut out, 1);
    out.push(flags);
    write_leb(&mut out, grown);
    if flags & 1 == 1 {
        let (maximum, after) = read_leb(body, rest)?;
        if grown > maximum {
            return fail(format!("the memory's maximum ({maximum} pages) is too small for the corpus"));
        }
        write_leb(&mut out, maximum);
        rest = after;
    }
    out.extend_from_slice(&body[rest..]);
    Ok((out, initial * PAGE))
}

/// The data section with the slot pointing at the payload and the
/// payload's segment appended.
fn data_with_payload(body: &[u8], at: u64, payload: &[u8]) -> Result<(Vec<u8>, u64), WasmError> {
    let (count, start) = read_leb(body, 0)?;
    let mut segments = body[start..].to_vec();
    let mut found = segments.windows(SLOT_MAGIC.len()).enumerate().filter(|(_, w)| *w == SLOT_MAGIC).map(|(i, _)| i);
    let (Some(slot), None) = (found.next(), found.next()) else {
        return fail("the app's corpus slot is missing or ambiguous: is this corpus-atlas's app wasm?");
    };
    let words = slot + SLOT_MAGIC.len();
    let empty = [EMPTY.to_le_bytes(), EMPTY.to_le_bytes()].concat();
    if segments.get(words..words + 8) != Some(&empty[..]) {
        return fail("this wasm already carries a corpus: build from the app trunk compiled (target/app)");
    }
    segments[words..words + 4].copy_from_slice(&(at as u32).to_le_bytes());
    segments[words + 4..words + 8].copy_from_slice(&(payload.len() as u32).to_le_bytes());

    let mut out = Vec::with_capacity(body.len() + payload.len() + 16);
    write_leb(&mut out, count + 1);
    out.extend_from_slice(&segments);
    // An active segment of memory 0 at `i32.const at`.
    out.push(0);
    out.push(0x41);
    write_sleb(&mut out, at as u32 as i32 as i64);
    out.push(0x0b);
    write_leb(&mut out, payload.len() as u64);
    out.extend_from_slice(payload);
    Ok((out, count + 1))
}

/// `wasm` with `payload` written into its memory and its slot.
pub fn with_payload(wasm: &[u8], payload: &[u8]) -> Result<Vec<u8>, WasmError> {
    if payload.len() as u64 >= u64::from(u32::MAX) {
        return fail("the corpus is larger than 4 GiB: build a split site (--split)");
    }
    let sections = sections(wasm)?;
    let memory = sections
        .iter()
        .find(|s| s.id == MEMORY_SECTION)
        .ok_or_else(|| WasmError("the module defines no memory of its own".into()))?;
    let (memory, at) = grown_memory(memory.body, (payload.len() as u64).div_ceil(PAGE))?;
    let data = sections
        .iter()
        .find(|s| s.id == DATA_SECTION)
        .ok_or_else(|| WasmError("the module has no data section, so no corpus slot".into()))?;
    let (data, count) = data_with_payload(data.body, at, payload)?;

    let mut out = Vec::with_capacity(wasm.len() + payload.len() + 64);
    out.extend_from_slice(&wasm[..8]);
    let mut put = |id: u8, body: &[u8]| {
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(body);
    };
    let mut counted = Vec::new();
    write_leb(&mut counted, count);
    for s in &sections {
        match s.id {
            MEMORY_SECTION => put(s.id, &memory),
            DATA_SECTION => put(s.id, &data),
            DATA_COUNT_SECTION => put(s.id, &counted),
            _ => put(s.id, s.body),
        }
    }
    Ok(out)
}

/// The payload [`with_payload`] wrote into `wasm` (the data section's last
/// segment, where the slot says).
pub fn payload_in(wasm: &[u8]) -> Result<&[u8], WasmError> {
    let sections = sections(wasm)?;
    let data = sections
        .iter()
        .find(|s| s.id == DATA_SECTION)
        .ok_or_else(|| WasmError("the module has no data section".into()))?
        .body;
    let slot = data
        .windows(SLOT_MAGIC.len())
        .position(|w| w == SLOT_MAGIC)
        .ok_or_else(|| WasmError("no corpus slot".into()))?
        + SLOT_MAGIC.len();
    let len = data
        .get(slot + 4..slot + 8)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .filter(|&len| len != EMPTY)
        .ok_or_else(|| WasmError("this wasm carries no corpus".into()))?;
    data.len()
        .checked_sub(len as usize)
        .map(|start| &data[start..])
        .ok_or_else(|| WasmError("the corpus segment is cut short".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one memory of `pages` and one data segment holding
    /// the slot, with a data count section; its sections in order.
    fn module(pages: u8, maximum: Option<u8>) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let memory = match maximum {
            None => vec![1, 0, pages],
            Some(m) => vec![1, 1, pages, m],
        };
        let mut segment = b"abc".to_vec();
        segment.extend_from_slice(&SLOT_MAGIC);
        segment.extend_from_slice(&[0xff; 8]);
        let mut data = vec![1, 0, 0x41, 16, 0x0b, segment.len() as u8];
        data.extend_from_slice(&segment);
        for (id, body) in [(MEMORY_SECTION, memory), (DATA_COUNT_SECTION, vec![1]), (DATA_SECTION, data)] {
            wasm.push(id);
            wasm.push(body.len() as u8);
            wasm.extend_from_slice(&body);
        }
        wasm
    }

    #[test]
    fn the_payload_lands_above_the_memory_and_the_slot_points_at_it() {
        let payload = vec![7u8; 70_000];
        let out = with_payload(&module(3, None), &payload).unwrap();
        let sections = sections(&out).unwrap();
        let memory = sections.iter().find(|s| s.id == MEMORY_SECTION).unwrap();
        let (_, at) = read_leb(memory.body, 0).unwrap();
        assert_eq!(read_leb(memory.body, at + 1).unwrap().0, 5, "3 pages + 2 for 70,000 bytes");
        let count = sections.iter().find(|s| s.id == DATA_COUNT_SECTION).unwrap();
        assert_eq!(count.body, [2]);
        let data = sections.iter().find(|s| s.id == DATA_SECTION).unwrap().body;
        assert_eq!(data[0], 2, "two segments");
        let slot = data.windows(16).position(|w| w == SLOT_MAGIC).unwrap() + 16;
        let word = |i: usize| u32::from_le_bytes(data[i..i + 4].try_into().unwrap());
        assert_eq!(word(slot), 3 * 65_536);
        assert_eq!(word(slot + 4), 70_000);
        assert!(data.ends_with(&payload));
        assert_eq!(payload_in(&out).unwrap(), &payload[..]);
        assert!(payload_in(&module(1, None)).is_err(), "an app without a corpus");
    }

    #[test]
    fn a_wasm_takes_one_corpus_and_refuses_what_it_cannot_hold() {
        let once = with_payload(&module(1, None), b"x").unwrap();
        let again = with_payload(&once, b"y").unwrap_err();
        assert!(again.0.contains("already carries a corpus"), "{again}");
        let capped = with_payload(&module(1, Some(2)), &vec![0u8; 3 * 65_536]).unwrap_err();
        assert!(capped.0.contains("maximum"), "{capped}");
        assert!(with_payload(b"<html>", b"x").is_err());
    }

    #[test]
    fn numbers_are_written_as_wasm_reads_them() {
        let mut out = Vec::new();
        write_leb(&mut out, 624_485);
        assert_eq!(out, [0xe5, 0x8e, 0x26]);
        assert_eq!(read_leb(&out, 0).unwrap(), (624_485, 3));
        out.clear();
        write_sleb(&mut out, 196_608);
        assert_eq!(out, [0x80, 0x80, 0x0c]);
        out.clear();
        write_sleb(&mut out, i64::from(i32::MIN));
        assert_eq!(out, [0x80, 0x80, 0x80, 0x80, 0x78]);
    }
}
