/// Strings, numbers and literals.
extension JSONParser {
    /// A string, number, `true`, `false` or `null` starting with `b` at the read position.
    mutating func parseScalar(_ b: UInt8) throws(ReadFailure) -> JSONNode {
        let start = cursor.mark
        let location = cursor.location(of: start)
        switch b {
        case UInt8(ascii: "\""):
            return JSONNode(.string(try scanString(quote: b, openedAt: location)), at: location)
        case UInt8(ascii: "'"):
            tally.note(.singleQuotedString, at: start, Self.singleQuoteMessage)
            return JSONNode(.string(try scanString(quote: b, openedAt: location)), at: location)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return JSONNode(.number(try scanNumber()), at: location)
        default:
            if Self.isIdentifierStart(b) { return try scanLiteral(at: location) }
            throw unexpectedCharacter(expecting: "a value")
        }
    }

    // MARK: Literals

    private mutating func scanLiteral(at location: SourceLocation) throws(ReadFailure) -> JSONNode {
        let start = cursor.offset
        let end = identifierEnd(from: start)
        let word = UnsafeBufferPointer(rebasing: cursor.bytes[start..<end])
        let value: JSONNode.Value?
        if word.elementsEqual("true".utf8) { value = .bool(true) }
        else if word.elementsEqual("false".utf8) { value = .bool(false) }
        else if word.elementsEqual("null".utf8) { value = .null }
        else { value = nil }
        if let value {
            cursor.offset = end
            return JSONNode(value, at: location)
        }
        let text = String(decoding: word.prefix(40), as: UTF8.self) + (word.count > 40 ? "…" : "")
        if text == "NaN" || text == "Infinity" {
            throw failure(.invalidNumber, "invalid number '\(text)': NaN and Infinity are not JSON numbers",
                          at: location)
        }
        let lower = text.lowercased()
        let hint = lower == "true" || lower == "false" || lower == "null"
            ? "JSON literals are lowercase: \(lower)"
            : "expected a value (strings need quotes)"
        throw failure(.unexpectedCharacter, "unexpected word '\(text)'; \(hint)", at: location)
    }

    // MARK: Numbers

    /// A JSON number, returned as its exact source text. The whole run of number-like characters is
    /// checked, so `01`, `1.`, `.5`, `+1`, `1e`, `0x1F` and `-Infinity` are one KIDL107 at the offending character.
    private mutating func scanNumber() throws(ReadFailure) -> String {
        let bytes = cursor.bytes
        let start = cursor.offset
        var end = start
        while end < bytes.count, Self.isNumberTokenByte(bytes[end]) { end += 1 }
        if let (bad, reason) = Self.numberGrammarError(bytes, start, end) {
            let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let text = String(decoding: token.prefix(40), as: UTF8.self) + (token.count > 40 ? "…" : "")
            throw failure(.invalidNumber, "invalid number '\(text)': \(reason)", at: cursor.location(at: bad))
        }
        cursor.offset = end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private static func isNumberTokenByte(_ b: UInt8) -> Bool {
        isIdentifierContinuation(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "+")
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Checks `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` over `bytes[start..<end]`;
    /// returns the offset of the first offending character (possibly `end`) and why.
    private static func numberGrammarError(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (Int, String)? {
        func at(_ i: Int) -> UInt8? { i < end ? bytes[i] : nil }
        func digits(from i: Int) -> Int { var i = i; while let b = at(i), isDigit(b) { i += 1 }; return i }
        var i = start
        if at(i) == UInt8(ascii: "-") { i += 1 }
        guard let first = at(i) else { return (i, "expected a digit after '-'") }
        switch first {
        case UInt8(ascii: "0"):
            i += 1
            if let b = at(i), isDigit(b) { return (i, "a number cannot have a leading zero") }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            i = digits(from: i)
        case UInt8(ascii: "+"):
            return (i, "a JSON number cannot start with '+'")
        case UInt8(ascii: "."):
            return (i, "a JSON number needs a digit before '.'")
        case UInt8(ascii: "I"), UInt8(ascii: "N"):
            return (i, "NaN and Infinity are not JSON numbers")
        default:
            return (i, "expected a digit")
        }
        if at(i) == UInt8(ascii: ".") {
            i += 1
            guard let b = at(i), isDigit(b) else { return (i, "expected a digit after '.'") }
            i = digits(from: i)
        }
        if at(i) == UInt8(ascii: "e") || at(i) == UInt8(ascii: "E") {
            i += 1
            if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
            guard let b = at(i), isDigit(b) else { return (i, "expected a digit in the exponent") }
            i = digits(from: i)
        }
        if let b = at(i) {
            return (i, "unexpected '\(Character(Unicode.Scalar(b)))' in a number")
        }
        return nil
    }

    // MARK: Strings

    /// A string opened by `quote` at the read position; leaves the cursor after the closing quote.
    /// Raw control characters are accepted (KIDL120, counted); `\'` is accepted in single-quoted strings only.
    mutating func scanString(quote: UInt8, openedAt open: SourceLocation) throws(ReadFailure) -> String {
        let bytes = cursor.bytes
        let n = bytes.count
        var i = cursor.offset + 1
        var segmentStart = i
        var escaped = false
        while true {
            guard i < n else { throw unterminatedString(open, quote) }
            let c = bytes[i]
            if c == quote { break }
            if c == UInt8(ascii: "\\") {
                if !escaped { scratch.removeAll(keepingCapacity: true); escaped = true }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
                i = try decodeEscape(at: i, quote: quote, open: open)
                segmentStart = i
                continue
            }
            if c < 0x20 {
                tally.note(.rawControlCharacter, at: cursor.mark(at: i),
                           "raw \(Self.controlName(c)) inside a string (accepted, as Kurento's reader does)")
                if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { cursor.noteLineBreak(at: i) }
            }
            i += 1
        }
        let text: String
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
            text = String(decoding: scratch, as: UTF8.self)
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]), as: UTF8.self)
        }
        cursor.offset = i + 1
        return text
    }

    /// Appends the escape starting with the backslash at `index` to `scratch`; returns the offset after it.
    private mutating func decodeEscape(at index: Int, quote: UInt8, open: SourceLocation) throws(ReadFailure) -> Int {
        let bytes = cursor.bytes
        guard index + 1 < bytes.count else { throw unterminatedString(open, quote) }
        let e = bytes[index + 1]
        let simple: UInt8?
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = e
        case UInt8(ascii: "'") where quote == UInt8(ascii: "'"): simple = e
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            let shown = e >= 0x21 && e <= 0x7E
                ? "'\\\(Character(Unicode.Scalar(e)))'"
                : "'\\' followed by \(CharacterDescription.describe(bytes, at: index + 1))"
            let hint = e == UInt8(ascii: "'") ? " (\\' is allowed in single-quoted strings only)"
                : "; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
            throw failure(.invalidEscape, "invalid escape \(shown) in a string\(hint)", at: escapeLocation(index))
        }
        if let simple {
            scratch.append(simple)
            return index + 2
        }
        var scalar = try hexQuad(at: index, quote: quote, open: open)
        var next = index + 6
        if scalar >= 0xDC00 && scalar <= 0xDFFF {
            throw failure(.invalidEscape,
                          "invalid escape \\u\(Self.hex4(scalar)): a low surrogate without a high surrogate before it",
                          at: escapeLocation(index))
        }
        if scalar >= 0xD800 && scalar <= 0xDBFF {
            guard next + 1 < bytes.count else { throw unterminatedString(open, quote) }
            let low: UInt32? = bytes[next] == UInt8(ascii: "\\") && bytes[next + 1] == UInt8(ascii: "u")
                ? try hexQuad(at: next, quote: quote, open: open) : nil
            guard let low, low >= 0xDC00 && low <= 0xDFFF else {
                throw failure(.invalidEscape,
                              "invalid escape \\u\(Self.hex4(scalar)): a high surrogate must be followed by a low surrogate \\uDC00–\\uDFFF",
                              at: escapeLocation(index))
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        }
        scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        return next
    }

    /// The four hex digits after the `\u` at `index`.
    private mutating func hexQuad(at index: Int, quote: UInt8, open: SourceLocation) throws(ReadFailure) -> UInt32 {
        let bytes = cursor.bytes
        var value: UInt32 = 0
        for k in 2..<6 {
            guard index + k < bytes.count else { throw unterminatedString(open, quote) }
            let b = bytes[index + k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - 0x41 + 10
            default:
                throw failure(.invalidEscape, "invalid escape: \\u must be followed by four hex digits",
                              at: escapeLocation(index))
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Escapes never contain line breaks before the backslash on its line, so the current line applies.
    private mutating func escapeLocation(_ index: Int) -> SourceLocation { cursor.location(at: index) }

    private func unterminatedString(_ open: SourceLocation, _ quote: UInt8) -> ReadFailure {
        failure(.unterminatedString,
                "unterminated string: no closing \(quote == UInt8(ascii: "'") ? "\"'\"" : "'\"'") before the end of the file",
                at: open)
    }

    private static func hex4(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func controlName(_ c: UInt8) -> String {
        switch c {
        case 0x0A: "newline"
        case 0x09: "tab"
        case 0x0D: "carriage return"
        default: "control character \(CharacterDescription.codePoint(UInt32(c)))"
        }
    }
}
