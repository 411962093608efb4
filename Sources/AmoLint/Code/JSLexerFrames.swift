extension JSLexer {
    /// A mode of the lexer, in twelve bytes. Nested templates put one on the stack for
    /// every level (a template's frame becomes the code frame of its `${` hole and back),
    /// and a hostile file has millions of levels.
    struct Frame: Equatable {
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
        /// A run of `count` code frames of holes from `first` on (only `FrameStack` keeps them).
        fileprivate static func run(of first: Frame, length: Int) -> Frame {
            Frame(depth: -Int32(truncatingIfNeeded: length), info: first.info, token: first.token)
        }
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
    /// The code frames of the holes of templates nested right inside each other (`` `${` ``
    /// again: each hole three bytes and its template's token one after the one before) are
    /// pushed as one run, so a file of nested templates keeps a few frames, not one a level.
    /// `lex` frees it before it returns the lexer (no copy of the lexer exists meanwhile).
    struct FrameStack {
        private var base: UnsafeMutablePointer<Frame>?
        /// Frames as stored; a run is one, its `depth` minus the number of its frames. (The
        /// frames the lexer sees are not counted: one more word in the lexer made the optimizer
        /// copy it whole in `string`. The bottom frame is never a run, so more than one frame
        /// is stored whenever the lexer sees more than one.)
        private(set) var stored = 0
        private var capacity = 0

        /// The frame on top (there is always one while the lexer runs). Never a run: a run
        /// always has a plain frame above it (its last frame, taken out when it comes on top).
        var top: Frame {
            get { base.unsafelyUnwrapped[stored - 1] }
            set { base.unsafelyUnwrapped[stored - 1] = newValue }
        }

        /// Frame `k` of a run.
        private static func member(_ run: Frame, _ k: Int) -> Frame {
            .code(depth: 0, hole: run.hole &+ 3 &* Int32(truncatingIfNeeded: k), token: run.token &+ Int32(truncatingIfNeeded: k))
        }

        mutating func push(_ frame: Frame) {
            if stored == capacity { reserve(max(16, 2 * capacity)) }
            base.unsafelyUnwrapped[stored] = frame
            stored += 1
        }

        /// Pushes `length` code frames of holes at depth 0 from `first` on, each hole three
        /// bytes and each token one after the one before: all but the last as one run.
        mutating func pushRun(_ first: Frame, length: Int) {
            if length > 2 {
                push(Frame.run(of: first, length: length - 1))
            } else if length == 2 {
                push(first)
            }
            if length > 0 { push(FrameStack.member(first, length - 1)) }
        }

        mutating func pop() -> Frame {
            stored -= 1
            let frame = base.unsafelyUnwrapped[stored]
            // A run comes on top: its last frame taken out.
            if stored > 0, base.unsafelyUnwrapped[stored - 1].depth < 0 { takeLast() }
            return frame
        }

        private mutating func takeLast() {
            let run = base.unsafelyUnwrapped[stored - 1]
            let length = -Int(run.depth)
            base.unsafelyUnwrapped[stored - 1] = length == 2 ? FrameStack.member(run, 0) : Frame.run(of: run, length: length - 1)
            push(FrameStack.member(run, length - 1))
        }

        /// Each frame, from the bottom.
        func forEach(_ body: (Frame) -> Void) {
            for k in 0..<stored {
                let frame = base.unsafelyUnwrapped[k]
                if frame.depth >= 0 { body(frame); continue }
                for m in 0..<(-Int(frame.depth)) { body(FrameStack.member(frame, m)) }
            }
        }

        /// Room for `total` stored frames (frames are plain values: moved as bytes).
        mutating func reserve(_ total: Int) {
            guard total > capacity else { return }
            let grown = UnsafeMutablePointer<Frame>.allocate(capacity: total)
            if let base {
                grown.moveInitialize(from: base, count: stored)
                base.deallocate()
            }
            base = grown
            capacity = total
        }

        mutating func free() {
            base?.deallocate()
            base = nil
            stored = 0
            capacity = 0
        }
    }
}
