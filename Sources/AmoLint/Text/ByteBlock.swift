#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
#endif

/// Sixteen bytes compared at once, and the lanes that matched as the bits of
/// an integer, walked in order with `trailingZeroBitCount`. The scanner's hot
/// loops (`TagEnd.skim`, the closer and pair searches) are written with it.
///
/// On x86-64 it is SSE2 through the compiler's own intrinsics: one instruction
/// an operation, `pmovmskb` for `bits` (the generic `SIMD16` spelling is
/// sometimes compiled lane by lane). Elsewhere it is `PortableByteBlock`.
#if arch(x86_64) && canImport(_Builtin_intrinsics)
struct ByteBlock {
    private var lanes: __m128i

    @inline(__always) private init(lanes: __m128i) { self.lanes = lanes }

    /// The sixteen bytes at `offset`, which must all lie in the buffer.
    @inline(__always) init(_ raw: UnsafeRawPointer, at offset: Int) {
        lanes = raw.loadUnaligned(fromByteOffset: offset, as: __m128i.self)
    }

    /// The lanes equal to `byte`.
    @inline(__always) func lanes(equalTo byte: UInt8) -> ByteBlock {
        ByteBlock(lanes: _mm_cmpeq_epi8(lanes, _mm_set1_epi8(Int8(bitPattern: byte))))
    }

    /// The lanes at most `byte` (unsigned).
    @inline(__always) func lanes(atMost byte: UInt8) -> ByteBlock {
        ByteBlock(lanes: _mm_cmpeq_epi8(_mm_min_epu8(lanes, _mm_set1_epi8(Int8(bitPattern: byte))), lanes))
    }

    @inline(__always) static func | (a: ByteBlock, b: ByteBlock) -> ByteBlock { ByteBlock(lanes: _mm_or_si128(a.lanes, b.lanes)) }
    @inline(__always) static func & (a: ByteBlock, b: ByteBlock) -> ByteBlock { ByteBlock(lanes: _mm_and_si128(a.lanes, b.lanes)) }

    /// Bit `k` set for each lane `k` of a comparison that matched.
    @inline(__always) var bits: UInt32 { UInt32(truncatingIfNeeded: _mm_movemask_epi8(lanes)) }
}
#else
typealias ByteBlock = PortableByteBlock
#endif

/// `ByteBlock` in portable Swift (compiled everywhere, so that tests compare the two).
struct PortableByteBlock {
    /// Bytes, or after a comparison 0xFF for a lane that matched and 0 for one that did not.
    private var lanes: SIMD16<UInt8>

    @inline(__always) private init(lanes: SIMD16<UInt8>) { self.lanes = lanes }

    @inline(__always) init(_ raw: UnsafeRawPointer, at offset: Int) {
        lanes = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
    }

    @inline(__always) func lanes(equalTo byte: UInt8) -> PortableByteBlock {
        PortableByteBlock(lanes: SIMD16(repeating: 0).replacing(with: 0xFF, where: lanes .== SIMD16(repeating: byte)))
    }

    @inline(__always) func lanes(atMost byte: UInt8) -> PortableByteBlock {
        PortableByteBlock(lanes: SIMD16(repeating: 0).replacing(with: 0xFF, where: lanes .<= SIMD16(repeating: byte)))
    }

    @inline(__always) static func | (a: PortableByteBlock, b: PortableByteBlock) -> PortableByteBlock { PortableByteBlock(lanes: a.lanes | b.lanes) }
    @inline(__always) static func & (a: PortableByteBlock, b: PortableByteBlock) -> PortableByteBlock { PortableByteBlock(lanes: a.lanes & b.lanes) }

    /// Each half's high bits gathered into its top byte by one multiply.
    @inline(__always) var bits: UInt32 {
        let halves = unsafeBitCast(lanes & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
        let low = (halves[0] &* 0x0002_0408_1020_4081) &>> 56, high = (halves[1] &* 0x0002_0408_1020_4081) &>> 56
        return UInt32(truncatingIfNeeded: low | high &<< 8)
    }
}
