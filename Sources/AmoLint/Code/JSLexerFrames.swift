extension JSLexer {
    /// A mode of the lexer, in twelve bytes. Nested templates put one on the stack for
    /// every level (a template's frame becomes the code frame of its `${` hole and back),
    /// and a hostile file has millions of levels.
    struct Frame {
        /// Code: open braces of this frame; JSX: open elements.
        var depth: Int32
        /// Code: where the `${` that opened it starts (-1: none); a template: `templateKind`;
        /// JSX: `jsxKind` minus its flags (`inTagFlag`, `closingFlag`).
        private var info: Int32
        /// The template literal's token: of a template, or of the code of its hole; else -1.
        let token: Int32

        private static let templateKind: Int32 = -2
        private static let jsxKind: Int32 = -3
        private static let inTagFlag: Int32 = 1
        private static let closingFlag: Int32 = 2

        private init(depth: Int32, info: Int32, token: Int32) {
            self.depth = depth
            self.info = info
            self.token = token
        }

        /// Code; `hole` is where the `${` that opened it starts and `token` its template's token (-1, -1: none).
        static func code(depth: Int32, hole: Int32, token: Int32) -> Frame { Frame(depth: depth, info: hole, token: token) }
        static func template(token: Int32) -> Frame { Frame(depth: 0, info: templateKind, token: token) }
        /// JSX: `depth` open elements; inside a tag's `<…>` or in children text.
        static func jsx(depth: Int32, inTag: Bool, closing: Bool) -> Frame {
            Frame(depth: depth, info: jsxKind - (inTag ? inTagFlag : 0) - (closing ? closingFlag : 0), token: -1)
        }

        var isCode: Bool { info >= -1 }
        var isTemplate: Bool { info == Frame.templateKind }
        var isJSX: Bool { info <= Frame.jsxKind }
        /// Code: where its `${` starts.
        var hole: Int32 { info }
        var inTag: Bool { (Frame.jsxKind - info) & Frame.inTagFlag != 0 }
        var closing: Bool { (Frame.jsxKind - info) & Frame.closingFlag != 0 }
    }

    /// The lexer's frames, kept by hand: a hostile file nests millions deep, and an array
    /// asks whether it is uniquely referenced at every push, pop and change of the top.
    /// `lex` frees it before it returns the lexer (no copy of the lexer exists meanwhile).
    struct FrameStack {
        private var base: UnsafeMutablePointer<Frame>?
        private(set) var count = 0
        private var capacity = 0

        /// The frame on top (there is always one while the lexer runs).
        var top: Frame {
            get { base.unsafelyUnwrapped[count - 1] }
            set { base.unsafelyUnwrapped[count - 1] = newValue }
        }

        subscript(k: Int) -> Frame { base.unsafelyUnwrapped[k] }

        mutating func push(_ frame: Frame) {
            if count == capacity { reserve(max(16, 2 * capacity)) }
            base.unsafelyUnwrapped[count] = frame
            count += 1
        }

        mutating func pop() -> Frame {
            count -= 1
            return base.unsafelyUnwrapped[count]
        }

        /// Room for `total` frames (frames are plain values: moved as bytes).
        mutating func reserve(_ total: Int) {
            guard total > capacity else { return }
            let grown = UnsafeMutablePointer<Frame>.allocate(capacity: total)
            if let base {
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = grown
            capacity = total
        }

        mutating func free() {
            base?.deallocate()
            base = nil
            count = 0
            capacity = 0
        }
    }
}
