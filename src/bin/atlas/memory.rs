//! Returning freed memory to the system between the builder's stages.
//!
//! glibc keeps the memory a program frees for its own reuse, so a stage's
//! freed buffers (100,000 documents' texts once copied into the index, the
//! postings lists once written) would still count toward the peak when the
//! next stage allocates big regions of its own. `malloc_trim` hands free
//! pages back; elsewhere this does nothing.

/// Gives the pages of freed memory back to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(crate) fn release_freed() {
    // SAFETY: malloc_trim only returns pages the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Gives the pages of freed memory back to the system (nothing to do here).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn release_freed() {}
