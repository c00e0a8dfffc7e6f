/// One token of a range expression, with its position in the text.
struct VersionRangeToken: Sendable {
    enum Kind: Equatable, Sendable {
        case number, dot, hyphen, tilde, caret, star, and, or, not, leftParen, rightParen, end
        case comparison(VersionRange.Operator)
        /// A character the grammar has no use for; reported by the parser when it gets there, so errors come
        /// out in reading order.
        case invalid
    }

    var kind: Kind
    /// Index of the first scalar.
    var offset: Int
    /// Index just past the last scalar.
    var endOffset: Int
    var text: String

    /// `'>='`, or `end of input`.
    var quoted: String { kind == .end ? "end of input" : "'\(text)'" }
}

/// Splits a range into tokens like jsemver's `Lexer`: digit runs, operators, whitespace skipped.
enum VersionRangeLexer {
    static func tokens(_ s: [Unicode.Scalar], end: Int) -> [VersionRangeToken] {
        var tokens: [VersionRangeToken] = []
        var i = 0
        while i < end {
            let c = s[i]
            if VersionText.isWhitespace(c) { i += 1; continue }
            let start = i
            let next: Unicode.Scalar? = i + 1 < end ? s[i + 1] : nil
            let kind: VersionRangeToken.Kind
            switch c {
            case "0"..."9":
                while i + 1 < end && VersionText.isDigit(s[i + 1]) { i += 1 }
                kind = .number
            case ".": kind = .dot
            case "-": kind = .hyphen
            case "~": kind = .tilde
            case "^": kind = .caret
            case "*": kind = .star
            case "&": kind = .and
            case "|": kind = .or
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            case "=": kind = .comparison(.equal)
            case "!" where next == "=": i += 1; kind = .comparison(.notEqual)
            case "!": kind = .not
            case ">" where next == "=": i += 1; kind = .comparison(.greaterOrEqual)
            case ">": kind = .comparison(.greater)
            case "<" where next == "=": i += 1; kind = .comparison(.lessOrEqual)
            case "<": kind = .comparison(.less)
            default: kind = .invalid
            }
            i += 1
            tokens.append(VersionRangeToken(kind: kind, offset: start, endOffset: i,
                                            text: VersionText.string(s, start..<i)))
        }
        tokens.append(VersionRangeToken(kind: .end, offset: end, endOffset: end, text: ""))
        return tokens
    }
}
