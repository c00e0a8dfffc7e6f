/// Whitespace and the comments Kurento's (Gson's lenient) reader accepts: `//`, `#` and `/* */`.
extension JSONParser {
    /// Moves past whitespace and comments; stops at the first other byte (or the end).
    mutating func skipTrivia() throws(ReadFailure) {
        let bytes = cursor.bytes
        let n = bytes.count
        var i = cursor.offset
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                i += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                cursor.noteLineBreak(at: i)
                i += 1
            case UInt8(ascii: "#"):
                tally.note(.comment, at: cursor.mark(at: i), Self.commentMessage("#"))
                i = lineEnd(from: i + 1)
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "/"):
                tally.note(.comment, at: cursor.mark(at: i), Self.commentMessage("//"))
                i = lineEnd(from: i + 2)
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                let start = cursor.mark(at: i)
                i = try blockCommentEnd(from: i + 2, start: start)
                // Noted once closed: an unterminated comment is an error (KIDL109), not an accepted comment.
                tally.note(.comment, at: start, Self.commentMessage("/* */"))
            default:
                cursor.offset = i
                return
            }
        }
        cursor.offset = i
    }

    private static func commentMessage(_ kind: String) -> String {
        "'\(kind)' comment (not standard JSON; accepted, as Kurento's reader does)"
    }

    /// The offset of the line break ending the line comment (not consumed), or the end.
    private func lineEnd(from start: Int) -> Int {
        let bytes = cursor.bytes
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), bytes[i] != UInt8(ascii: "\r") { i += 1 }
        return i
    }

    /// The offset after the `*/` closing a block comment, counting the line breaks inside it.
    private mutating func blockCommentEnd(from start: Int, start mark: ByteCursor.Mark) throws(ReadFailure) -> Int {
        let bytes = cursor.bytes
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "*"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { return i + 2 }
            if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") { cursor.noteLineBreak(at: i) }
            i += 1
        }
        throw failure(.unterminatedComment, "unterminated comment: '/*' has no closing '*/'",
                      at: cursor.location(of: mark))
    }
}
