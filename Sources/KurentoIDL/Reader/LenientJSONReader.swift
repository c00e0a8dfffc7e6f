/// Reads JSON as Kurento's own reader (Gson, lenient mode) accepts it, recording where every value and
/// key is, and reporting each non-standard construct as a warning.
///
/// Accepted with a warning (once per kind and file, with a count of further occurrences): raw control
/// characters in strings (KIDL120), `//`, `#` and `/* */` comments (KIDL121), trailing commas (KIDL122,
/// no null element is added), unquoted keys (KIDL123), single-quoted strings (KIDL124), `=`/`=>` for `:`
/// and `;` for `,` (KIDL125). Duplicate keys are errors (KIDL126) that do not stop reading: both members
/// are kept. Any other error (KIDL100–KIDL109) stops reading at once and gives no root.
public enum LenientJSONReader {
    /// Reads one JSON document. `root` is nil exactly when a reading error (other than KIDL126) occurred.
    /// Diagnostics are in source order.
    public static func read(_ bytes: [UInt8], file: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        bytes.withUnsafeBufferPointer { read($0, file: file) }
    }

    /// Reads one JSON document held in a string.
    public static func read(_ text: String, file: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        read(Array(text.utf8), file: file)
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> (root: JSONNode?, diagnostics: [Diagnostic]) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.count >= 3 && bytes.prefix(3).elementsEqual(bom) ? 3 : 0

        if let bad = UTF8Validator.firstError(in: bytes, from: start) {
            var cursor = ByteCursor(bytes: bytes, start: start, file: file)
            cursor.advance(to: bad.offset)
            let diagnostic = Diagnostic(.invalidUTF8, "invalid UTF-8: \(bad.reason)", at: cursor.location(),
                                        severity: .error)
            return (nil, [diagnostic])
        }

        var parser = JSONParser(bytes: bytes, start: start, file: file)
        var root: JSONNode?
        var diagnostics: [Diagnostic]
        do {
            root = try parser.parseDocument()
            diagnostics = parser.reported
        } catch {
            diagnostics = parser.reported + [error.diagnostic]
        }
        diagnostics += parser.tally.diagnostics(cursor: &parser.cursor)
        return (root, inSourceOrder(diagnostics))
    }

    private static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if let la, let lb, la != lb { return (la.line, la.column) < (lb.line, lb.column) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
