#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// How the server hands back what a large document's model took (issue 15, defect 11).
/// glibc alone keeps it: freed small blocks stay resident among live ones, and once a
/// large array has been freed it serves arrays up to 32 MB from the heap instead of
/// mapping them, so the second scan of a page of buttons peaked 50 MB above the first.
enum FreedMemory {
    #if canImport(Glibc)
    /// `malloc_trim` and `mallopt` are in `<malloc.h>`, which the Glibc module does not export.
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }
    private static let option: (@convention(c) (Int32, Int32) -> Int32)? = dlsym(nil, "mallopt").map {
        unsafeBitCast($0, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }
    #endif

    /// Returns freed memory to the system (after a model too large to keep is let go).
    static func giveBack() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    /// Keeps large arrays mapped, and unmapped when freed, whatever was freed before.
    static func keepLargeArraysMapped() {
        #if canImport(Glibc)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD; setting it turns off glibc's raising it
        _ = option?(mmapThreshold, 128 * 1024)
        #endif
    }
}
