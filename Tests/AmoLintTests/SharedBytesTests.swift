@testable import AmoLint
import Testing

/// `SharedBytes` holds a document's bytes as an array or as memory released
/// when the last holder goes (a mapped file): both read the same, and checking
/// external bytes gives what checking the array gives.
struct SharedBytesTests {
    final class Count: @unchecked Sendable { var value = 0 }

    /// External bytes over a copy that the release frees; both the release and whole copies are counted.
    static func external(_ bytes: [UInt8], released: Count, copies: Count = Count()) -> SharedBytes {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        let address = Int(bitPattern: copy.baseAddress)
        return SharedBytes(ExternalBytes(UnsafeBufferPointer(copy), release: {
            released.value += 1
            UnsafeMutableRawPointer(bitPattern: address)?.deallocate()
        }, copied: { copies.value += 1 }))
    }

    @Test func readsAsTheArrayDoes() {
        let bytes = Array("<p>Подключите amoCRM 🚀</p>".utf8)
        let released = Count()
        do {
            let external = Self.external(bytes, released: released)
            let array = SharedBytes(bytes)
            #expect(external == array)
            #expect(external.hashValue == array.hashValue)
            #expect(Array(external) == bytes)
            let copies = Count()
            #expect(Self.external(bytes, released: Count(), copies: copies).array == bytes)
            #expect(copies.value == 1)
            #expect(external[3] == bytes[3])
            #expect(Array(external[5..<9]) == Array(bytes[5..<9]))
            #expect(external != SharedBytes(Array(bytes.dropLast())))
            // A button holds one: no wider than the array it replaced.
            #expect(MemoryLayout<SharedBytes>.size == MemoryLayout<[UInt8]>.size)
        }
        #expect(released.value == 1)
    }

    @Test func externalBytesAreReleasedOnceWhenTheLastHolderGoes() {
        let page = Array(#"<script class="amocrm_oauth" charset="utf-8" data-client-id="x" data-title="Войти 🚀" data-color="red" src="https://www.amocrm.ru/auth/button.min.js"></script>"#.utf8)
        let released = Count()
        var index: LineIndex?
        do {
            let result = Linter.lint(SourceFile(path: "a.html", shared: Self.external(page, released: released)))
            #expect(!result.diagnostics.isEmpty)
            index = result.lineIndex
        }
        // The line index still holds the bytes: they stay until it goes.
        #expect(released.value == 0)
        #expect(index?.position(ofByte: page.count, encoding: .utf32).character == String(decoding: page, as: UTF8.self).unicodeScalars.count)
        index = nil
        #expect(released.value == 1)
    }

    /// Every rule example and example page, checked from external bytes: the same diagnostics,
    /// and the bytes never copied whole (suppressions, callbacks looked for in scripts and all).
    @Test func checkingExternalBytesGivesWhatTheArrayGivesWithoutACopy() {
        var found = 0
        let copies = Count()
        for file in ScanPathTests.examples + ScanPathTests.examplePages {
            let array = Linter.lint(file)
            let external = Linter.lint(SourceFile(path: file.path, shared: Self.external(file.bytes, released: Count(), copies: copies)))
            #expect(external.diagnostics == array.diagnostics, "\(file.path)")
            #expect(copies.value == 0, "\(file.path) was copied")
            copies.value = 0
            found += array.diagnostics.count
        }
        #expect(found > 100)
    }
}
