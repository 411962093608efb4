/// A document's bytes as every part of the model holds them (layers, buttons,
/// attributes, the line index): an array, or memory that someone else owns and
/// releases when the last holder lets go. The CLI maps a large file instead of
/// reading it, which spares a copy of the whole file and the zeroing of as
/// much fresh memory (a third of the time of a 10 MB page).
public struct SharedBytes: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, Hashable {
    // Two references: the enum takes one word, as the array did.
    @usableFromInline enum Storage: Sendable {
        case array([UInt8])
        case external(ExternalBytes)
    }
    @usableFromInline let storage: Storage

    public init(_ array: [UInt8]) { storage = .array(array) }
    public init(_ external: ExternalBytes) { storage = .external(external) }
    public init(arrayLiteral elements: UInt8...) { storage = .array(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .array(let a): return a.count
        case .external(let e): return e.buffer.count
        }
    }

    @inlinable public subscript(i: Int) -> UInt8 {
        switch storage {
        case .array(let a): return a[i]
        case .external(let e):
            precondition(i >= 0 && i < e.buffer.count, "index out of range")
            return e.buffer[i]
        }
    }

    @inlinable public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .array(let a): return try a.withUnsafeBufferPointer(body)
        case .external(let e): return try withExtendedLifetime(e) { try body(e.buffer) }
        }
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws -> R in try body(UnsafeRawBufferPointer(b)) }
    }

    /// The bytes as an array: the one held, or (for external bytes) a copy.
    public var array: [UInt8] {
        switch storage {
        case .array(let a): return a
        case .external(let e):
            e.copied?()
            return Array(e.buffer)
        }
    }

    /// Equal bytes, wherever they are held.
    public static func == (a: SharedBytes, b: SharedBytes) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// Bytes held outside the Swift heap (a mapped file), released once, when the
/// last `SharedBytes` that holds them goes.
public final class ExternalBytes: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private let release: @Sendable () -> Void
    /// Called when the bytes are copied whole (`SharedBytes.array`): tests count it, since checking
    /// a mapped file must never copy it.
    let copied: (@Sendable () -> Void)?

    /// `release` runs once, from `deinit`; `buffer` must stay readable until then.
    public convenience init(_ buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable () -> Void) {
        self.init(buffer, release: release, copied: nil)
    }

    init(_ buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable () -> Void, copied: (@Sendable () -> Void)?) {
        self.buffer = buffer
        self.release = release
        self.copied = copied
    }

    deinit { release() }
}
