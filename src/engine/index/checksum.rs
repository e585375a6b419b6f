//! The term dictionary's checksum, checked when an index is opened: fst
//! writes a masked CRC32C (Castagnoli) of its bytes in its last four, and
//! trusts its bytes when walking them, so a damaged dictionary must be
//! refused before a walk, not found by a panic.
//!
//! (fst's own `verify` does the same with sixteen 1 KB tables, 16 KB of the
//! app; this reads a byte at a time from one table, made at compile time,
//! and is fast enough for a dictionary read once per visit.)

/// CRC32C of each byte value, reflected.
const TABLE: [u32; 256] = table();

const fn table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0x82F6_3B78 } else { crc >> 1 };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
}

/// Whether the dictionary `bytes` end in the checksum of what comes before.
pub fn dictionary_intact(bytes: &[u8]) -> bool {
    let Some((body, stored)) = bytes.split_last_chunk::<4>() else {
        return false;
    };
    let crc = !body
        .iter()
        .fold(!0u32, |crc, &b| TABLE[usize::from(crc as u8 ^ b)] ^ (crc >> 8));
    // The mask fst applies (Snappy's), so data holding a checksum of itself
    // does not checksum to zero.
    let masked = crc.rotate_right(15).wrapping_add(0xA282_EAD8);
    masked == u32::from_le_bytes(*stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_fst_on_a_whole_and_a_damaged_dictionary() {
        let keys = ["beijing", "hong kong", "pékin", "shenzhen", "深圳", "선전"];
        let mut bytes = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (*k, i as u64)))
            .unwrap()
            .into_fst()
            .into_inner();
        let fst_says = |b: &[u8]| fst::raw::Fst::new(b.to_vec()).is_ok_and(|f| f.verify().is_ok());
        assert!(dictionary_intact(&bytes));
        assert!(fst_says(&bytes));
        // The header, the middle, the root address and the checksum itself.
        for at in [0, bytes.len() / 2, bytes.len() - 5, bytes.len() - 1] {
            bytes[at] ^= 0x10;
            assert!(!dictionary_intact(&bytes), "a flipped bit at {at}");
            assert_eq!(dictionary_intact(&bytes), fst_says(&bytes));
            bytes[at] ^= 0x10;
        }
        assert!(!dictionary_intact(&[1, 2, 3]), "too short to hold a checksum");
    }
}
