/// A read position in a UTF-8 buffer that knows its line and can tell the column of positions on its line.
///
/// Columns count Unicode scalars (a tab is one column). Line breaks are `\n`, `\r\n` and a lone `\r`;
/// whoever consumes a line-break byte must call `noteLineBreak(at:)` so that the line count stays right.
/// The buffer must be valid UTF-8 (the reader validates it first); only the scalar count relies on that.
struct ByteCursor {
    /// A cheap snapshot of a position, turned into a `SourceLocation` only when one is needed.
    struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// Where the text starts (after a byte order mark).
    let startOffset: Int
    var offset: Int
    private(set) var line = 1
    private(set) var lineStart: Int
    /// The column of `columnCacheOffset` (on the current line), so that asking for successive
    /// locations on one long line stays linear.
    private var columnCacheOffset: Int
    private var columnCacheValue = 1

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, file: String) {
        self.bytes = bytes
        self.file = file
        startOffset = start
        offset = start
        lineStart = start
        columnCacheOffset = start
    }

    var count: Int { bytes.count }
    var isAtEnd: Bool { offset >= bytes.count }
    /// The byte at the read position, nil at the end.
    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Call for every `\n` or `\r` byte consumed; a `\r` directly followed by `\n` leaves the work to the `\n`.
    mutating func noteLineBreak(at index: Int) {
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return
        }
        line += 1
        lineStart = index + 1
        columnCacheOffset = lineStart
        columnCacheValue = 1
    }

    /// Moves forward to `target`, counting the line breaks passed over.
    mutating func advance(to target: Int) {
        while offset < target {
            let b = bytes[offset]
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { noteLineBreak(at: offset) }
            offset += 1
        }
    }

    /// A snapshot of `index`, which must lie on the current line.
    func mark(at index: Int) -> Mark { Mark(offset: index, line: line, lineStart: lineStart) }
    var mark: Mark { mark(at: offset) }

    /// The location of a mark taken earlier (or now).
    mutating func location(of mark: Mark) -> SourceLocation {
        let column: Int
        if mark.lineStart == lineStart, mark.offset >= columnCacheOffset {
            column = columnCacheValue + scalarCount(from: columnCacheOffset, to: mark.offset)
            columnCacheOffset = mark.offset
            columnCacheValue = column
        } else {
            column = 1 + scalarCount(from: mark.lineStart, to: mark.offset)
        }
        return SourceLocation(file: file, line: mark.line, column: column)
    }

    /// The location of `index` on the current line.
    mutating func location(at index: Int) -> SourceLocation { location(of: mark(at: index)) }
    /// The location of the read position.
    mutating func location() -> SourceLocation { location(of: mark) }

    /// Unicode scalars in `bytes[from..<to]`: every byte that is not a continuation byte starts one.
    private func scalarCount(from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        let end = min(to, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        // Positions past the end (EOF) count as one column each.
        return n + max(0, to - end)
    }
}
