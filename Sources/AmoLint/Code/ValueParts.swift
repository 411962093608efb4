extension CodeAnalysis {
    /// A built attribute's value as parts, the first two held inline in 32-bit offsets:
    /// nearly every value is one literal or one hole, and an array a value cost an
    /// allocation, a free and some fifty bytes for each of a builder's attributes (a
    /// bundle of builders makes hundreds of thousands). Code regions end before 2 GB
    /// (`DocumentBuilder`), so every offset fits.
    struct ValueParts: RandomAccessCollection, ExpressibleByArrayLiteral {
        /// A part packed as two numbers: a literal is (index, -1), a hole (start, end).
        private struct Packed {
            var a: Int32
            var b: Int32

            init(_ part: ValuePart) {
                switch part {
                case .literal(let l): (a, b) = (l, -1)
                case .hole(let r): (a, b) = (Int32(r.lowerBound), Int32(r.upperBound))
                }
            }

            var part: ValuePart { b < 0 ? .literal(a) : .hole(Int(a)..<Int(b)) }
        }

        private var first = Packed(.literal(-1))
        private var second = Packed(.literal(-1))
        /// The parts past the second (empty, so unallocated, for nearly every value).
        private var rest: [ValuePart] = []
        private(set) var count = 0

        init() {}

        init(arrayLiteral parts: ValuePart...) {
            for part in parts { append(part) }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(i: Int) -> ValuePart {
            precondition(i >= 0 && i < count, "value part index out of range")
            switch i {
            case 0: return first.part
            case 1: return second.part
            default: return rest[i - 2]
            }
        }

        mutating func append(_ part: ValuePart) {
            switch count {
            case 0: first = Packed(part)
            case 1: second = Packed(part)
            default: rest.append(part)
            }
            count += 1
        }
    }
}
