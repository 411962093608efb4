#if canImport(Glibc)
@preconcurrency import Glibc
#endif

#if canImport(Glibc)
/// `malloc_trim` and `mallopt` are in `<malloc.h>`, which the Glibc module does not
/// export: declared here, and linked like any libc function (also into the fully
/// static executable `make install` builds, where `dlsym` would find nothing).
@_silgen_name("malloc_trim") private func trim(_ pad: Int) -> Int32
@_silgen_name("mallopt") private func option(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// How the server hands back what a large document's model took (issue 15, defect 11).
/// glibc alone keeps it: freed small blocks stay resident among live ones, and once a
/// large array has been freed it serves arrays up to 32 MB from the heap instead of
/// mapping them, so the second scan of a page of buttons peaked 50 MB above the first.
enum FreedMemory {
    /// Returns freed memory to the system (after a model too large to keep is let go).
    static func giveBack() {
        #if canImport(Glibc)
        _ = trim(0)
        #endif
    }

    /// Keeps large arrays mapped, and unmapped when freed, whatever was freed before.
    static func keepLargeArraysMapped() {
        #if canImport(Glibc)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD; setting it turns off glibc's raising it
        _ = option(mmapThreshold, 128 * 1024)
        #endif
    }
}
