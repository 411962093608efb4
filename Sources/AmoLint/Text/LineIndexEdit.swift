extension LineIndex {
    /// Replaces `range` of `text`, the text this index is of, with `replacement`,
    /// and updates the index: lines before the edit are kept, the edited ones
    /// found again, and those after it moved, from the first line start past the
    /// edit that both texts share. A keystroke in a 1 MB page costs a line, not
    /// the page, and both the text and the line starts are edited in place (the
    /// index lets go of the text first, so nothing is copied).
    public mutating func replace(_ range: Range<Int>, with replacement: some Collection<UInt8>, in text: inout [UInt8]) {
        self.text = []
        text.replaceSubrange(range, with: replacement)
        let edit = EditSpan(replacing: range, count: replacement.count)
        // Keep the lines up to the one holding the byte before the edit: a line
        // start depends on the byte before it (and on the next, after a `\r`).
        let first = edit.start == 0 ? 0 : lineHolding(edit.start - 1)
        var middle: [Int] = []  // the starts found again after line `first`
        let n = text.count
        let oldCount = n - edit.delta
        var synced = lineStarts.count
        text.withUnsafeBufferPointer { buf in
            var i = lineStarts[first]
            while i < n {
                i = ByteSearch.first(0x0A, 0x0D, in: buf, from: i, to: n)
                guard i < n else { break }
                if buf[i] == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 1 }
                i += 1
                // From a line start both texts share past the edit, the old lines follow, moved.
                if i >= edit.newEnd, i - edit.delta <= oldCount {
                    let k = lineHolding(i - edit.delta)
                    if lineStarts[k] == i - edit.delta {
                        synced = k
                        break
                    }
                }
                middle.append(i)
            }
        }
        let rescanned = first + 1 + middle.count
        let shift = rescanned - synced
        var marks = checkpoints.filter { $0.key < first }
        for (line, list) in checkpoints where line >= synced {
            marks[line + shift] = list.map { Checkpoint(offset: $0.offset + edit.delta, utf16: $0.utf16, utf32: $0.utf32) }
        }
        lineStarts.splice(prefix: first + 1, middle: middle, suffix: synced, delta: edit.delta, textCount: n)
        for line in first..<rescanned {
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : n
            if let list = LineIndex.checkpoints(SharedBytes(text), line: lineStarts[line]..<end) { marks[line] = list }
        }
        checkpoints = marks
        self.text = SharedBytes(text)
    }

    /// The line holding byte `offset` of the text this index was built for.
    private func lineHolding(_ offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
