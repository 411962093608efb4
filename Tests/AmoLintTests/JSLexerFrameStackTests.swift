import Testing
@testable import AmoLint

/// The lexer's frame stack keeps a run of hole frames as one: pushes, pops and
/// changes of the top read back as on an array of every frame.
struct JSLexerFrameStackTests {
    @Test func runsReadBackAsEveryFrame() {
        var random = SplitMix(seed: 0xF2_A3_E5)
        for _ in 0..<300 {
            var stack = JSLexer.FrameStack()
            var plain: [JSLexer.Frame] = []
            func hole(_ k: Int) -> JSLexer.Frame {
                .code(depth: 0, hole: Int32(random.below(50) + 3 * k), token: Int32(random.below(9) + k))
            }
            func any() -> JSLexer.Frame {
                switch random.below(4) {
                case 0: return .code(depth: Int32(random.below(3)), hole: Int32(random.below(40) - 1), token: Int32(random.below(9) - 1))
                case 1: return .template(token: Int32(random.below(9)))
                case 2: return .jsx(depth: Int32(random.below(3)), inTag: random.below(2) == 0, closing: random.below(2) == 0)
                default: return hole(0)
                }
            }
            stack.push(.code(depth: 0, hole: -1, token: -1))
            plain.append(.code(depth: 0, hole: -1, token: -1))
            for _ in 0..<random.below(80) {
                switch random.below(6) {
                case 0, 1:
                    let first = hole(0), length = random.below(6)
                    stack.pushRun(first, length: length)
                    for k in 0..<length {
                        plain.append(.code(depth: 0, hole: first.hole + Int32(3 * k), token: first.token + Int32(k)))
                    }
                case 2:
                    let frame = any()
                    stack.push(frame); plain.append(frame)
                case 3 where plain.count > 1:
                    #expect(stack.pop() == plain.removeLast())
                case 4 where plain.count > 1:
                    let frame = any()
                    stack.top = frame; plain[plain.count - 1] = frame
                default:
                    if random.below(2) == 0 { stack.top.depth += 1; plain[plain.count - 1].depth += 1 }
                }
                #expect(stack.top == plain[plain.count - 1])
                #expect((stack.stored > 1) == (plain.count > 1))
            }
            var all: [JSLexer.Frame] = []
            stack.forEach { all.append($0) }
            #expect(all == plain)
            stack.free()
        }
    }
}
